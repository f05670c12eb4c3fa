import { createServer } from "node:net";
import { errorCode } from "../io/file-system.js";

export type BindState = "free" | "in-use" | "absent" | "denied" | "error";

export interface BindResult {
  address: string;
  state: BindState;
  errorCode?: string;
}

/** The addresses a port must be free on before it counts as free. */
export const WILDCARD_AND_LOOPBACK = ["0.0.0.0", "::", "127.0.0.1", "::1"] as const;

/**
 * Try to bind the port on one address and let go at once. `::` is bound
 * IPv6-only so each family is judged on its own: a dual-stack bind would
 * blame an IPv4 holder on IPv6.
 */
export function bindOnce(address: string, port: number): Promise<BindResult> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", (error) => {
      const code = errorCode(error);
      const state: BindState =
        code === "EADDRINUSE"
          ? "in-use"
          : code === "EADDRNOTAVAIL" || code === "EAFNOSUPPORT"
            ? "absent"
            : code === "EACCES" || code === "EPERM"
              ? "denied"
              : "error";
      resolve(code === undefined ? { address, state } : { address, state, errorCode: code });
    });
    server.listen({ host: address, port, exclusive: true, ipv6Only: address.includes(":") }, () => {
      server.close(() => resolve({ address, state: "free" }));
    });
  });
}

/**
 * Bind tests on every address that matters, one after another (binding two
 * families of one port at once would collide with itself). detect-port and
 * get-port try the wildcard first and stop there, which misses a holder on
 * 127.0.0.1 or ::1 alone on macOS; sparkport tries each address.
 */
export async function bindTest(port: number, extraAddresses: readonly string[] = []): Promise<BindResult[]> {
  const results: BindResult[] = [];
  for (const address of new Set([...WILDCARD_AND_LOOPBACK, ...extraAddresses])) results.push(await bindOnce(address, port));
  return results;
}
