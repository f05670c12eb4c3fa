import { createServer } from "node:net";
import { errorCode } from "../io/file-system.js";

export type BindState = "free" | "in-use" | "absent" | "denied" | "error";

export interface BindResult {
  address: string;
  state: BindState;
  errorCode?: string;
  /**
   * Not bound itself: the wildcard named here was, and on Linux no socket
   * listening on this address would have let it.
   */
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

/**
 * Bind and listen on one address, then let go. Through `_listen2`, the step
 * Node's own listen() takes once the address is resolved (it calls it as a
 * method of the server, under that name since Node 0.x): listen({host})
 * first runs the address through dns.lookup, whose IPv6 test compiles a
 * regular expression that costs more than the bind (about 5 ms, once per
 * run). Public listen() is the way should a Node release drop or deprecate
 * the name.
 */
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

/**
 * Try to bind the port on one address and let go at once. `::` is bound
 * IPv6-only so each family is judged on its own: a dual-stack bind would
 * blame an IPv4 holder on IPv6.
 */
export async function bindOnce(address: string, port: number): Promise<BindResult> {
  const outcome = await tryListen(address, port);
  if ("family" in outcome) return { address, state: "free" };
  const code = errorCode(outcome.error);
  return code === undefined ? { address, state: stateOf(code) } : { address, state: stateOf(code), errorCode: code };
}

/** The wildcard whose free bind, on Linux, proves a loopback address free. */
const LINUX_WILDCARD_OF: Readonly<Record<string, string>> = { "127.0.0.1": "0.0.0.0", "::1": "::" };

export interface BindTestOptions {
  platform?: NodeJS.Platform;
  /**
   * This machine's interface addresses (of interfaces that are up). A
   * loopback address missing from them (lo down, IPv6 off on lo, as in many
   * containers) is bound itself, to be reported absent.
   */
  localAddresses?: readonly string[];
}

/**
 * Bind tests on every address that matters, one after another (binding two
 * families of one port at once would collide with itself). detect-port and
 * get-port try the wildcard first and stop there, which misses a holder on
 * 127.0.0.1 or ::1 alone on macOS, where a wildcard and a specific address
 * can both be bound: there sparkport tries each address. Linux refuses a
 * wildcard bind while any address of its family listens on the port, so
 * there a free wildcard answers for its loopback address too, and only a
 * held wildcard (or a loopback address this machine does not have) sends
 * sparkport to bind the loopback itself.
 */
export async function bindTest(port: number, extraAddresses: readonly string[] = [], options: BindTestOptions = {}): Promise<BindResult[]> {
  const platform = options.platform ?? process.platform;
  const results: BindResult[] = [];
  for (const address of new Set([...WILDCARD_AND_LOOPBACK, ...extraAddresses])) {
    const wildcard = platform === "linux" && options.localAddresses?.includes(address) === true ? LINUX_WILDCARD_OF[address] : undefined;
    const wildcardFree = wildcard !== undefined && results.some((r) => r.address === wildcard && r.state === "free");
    results.push(wildcard !== undefined && wildcardFree ? { address, state: "free", impliedBy: wildcard } : await bindOnce(address, port));
  }
  return results;
}
