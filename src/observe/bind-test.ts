import { createSocket } from "node:dgram";
import { createServer } from "node:net";
import { errorCode } from "../io/file-system.js";
import type { Transport } from "../registry/model.js";

export type BindState = "free" | "in-use" | "absent" | "denied" | "error";

export interface BindResult {
  address: string;
  state: BindState;
  errorCode?: string;
  /** The wildcard whose free bind proved this address free (Linux); this one was not bound itself. */
  impliedBy?: string;
}

/** The addresses a port must be free on before it counts as free. */
export const WILDCARD_AND_LOOPBACK = ["0.0.0.0", "::", "127.0.0.1", "::1"] as const;

function stateOf(code: string | undefined): BindState {
  if (code === "EADDRINUSE") return "in-use";
  if (code === "EADDRNOTAVAIL" || code === "EAFNOSUPPORT") return "absent";
  if (code === "EACCES" || code === "EPERM") return "denied";
  return "error";
}

/** libuv's UV_TCP_IPV6ONLY: bind `::` for IPv6 alone. */
const UV_TCP_IPV6ONLY = 1;

// Through Node's internal _listen2 when present: listen({host}) first runs dns.lookup, whose IPv6 check costs more than
// the bind. Public listen() is the fallback should Node drop the name.
function tryListen(address: string, port: number): Promise<{ family: string } | { error: unknown }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", (error) => resolve({ error }));
    server.once("listening", () => {
      const bound = server.address();
      const family = typeof bound === "object" && bound !== null ? bound.family : "";
      server.close(() => resolve({ family }));
    });
    const v6 = address.includes(":");
    const listen2: unknown = Reflect.get(server, "_listen2");
    // Under its own name only: a Node that deprecates it wraps it (and would print a warning each run).
    if (typeof listen2 === "function" && listen2.name === "setupListenHandle") Reflect.apply(listen2, server, [address, port, v6 ? 6 : 4, 511, undefined, v6 ? UV_TCP_IPV6ONLY : 0]);
    else server.listen({ host: address, port, exclusive: true, ipv6Only: v6 });
  });
}

/** A UDP socket bound without SO_REUSEADDR, IPv6-only for IPv6 addresses, as tryListen binds TCP. */
function tryBindUdp(address: string, port: number): Promise<{ family: string } | { error: unknown }> {
  return new Promise((resolve) => {
    const v6 = address.includes(":");
    const socket = createSocket({ type: v6 ? "udp6" : "udp4", ipv6Only: v6 });
    socket.unref();
    socket.once("error", (error) => {
      try {
        socket.close();
      } catch {
        // Never bound, so nothing to close.
      }
      resolve({ error });
    });
    socket.once("listening", () => socket.close(() => resolve({ family: v6 ? "IPv6" : "IPv4" })));
    socket.bind({ address, port, exclusive: true });
  });
}

/** `::` is bound IPv6-only so each family is judged alone: a dual-stack bind would blame an IPv4 holder on IPv6. */
export async function bindOnce(address: string, port: number, transport: Transport = "tcp"): Promise<BindResult> {
  const outcome = await (transport === "udp" ? tryBindUdp(address, port) : tryListen(address, port));
  if ("family" in outcome) return { address, state: "free" };
  const code = errorCode(outcome.error);
  return code === undefined ? { address, state: stateOf(code) } : { address, state: stateOf(code), errorCode: code };
}

/** The wildcard whose free bind, on Linux, proves a loopback address free. */
const LINUX_WILDCARD_OF: Readonly<Record<string, string>> = { "127.0.0.1": "0.0.0.0", "::1": "::" };

export interface BindTestOptions {
  platform?: NodeJS.Platform;
  /** Interface addresses that are up: a loopback missing here (lo down, IPv6 off, as in containers) is bound itself, to show absent. */
  localAddresses?: readonly string[];
  transport?: Transport;
}

// One address at a time (two families of one port at once collide). macOS lets a wildcard and a loopback both bind, so each
// is tried; Linux refuses a wildcard while any address of its family listens, so there a free wildcard answers for loopback.
export async function bindTest(port: number, extraAddresses: readonly string[] = [], options: BindTestOptions = {}): Promise<BindResult[]> {
  const platform = options.platform ?? process.platform;
  const results: BindResult[] = [];
  for (const address of new Set([...WILDCARD_AND_LOOPBACK, ...extraAddresses])) {
    const wildcard = platform === "linux" && options.localAddresses?.includes(address) === true ? LINUX_WILDCARD_OF[address] : undefined;
    const wildcardFree = wildcard !== undefined && results.some((r) => r.address === wildcard && r.state === "free");
    results.push(wildcard !== undefined && wildcardFree ? { address, state: "free", impliedBy: wildcard } : await bindOnce(address, port, options.transport));
  }
  return results;
}
