import type { BindResult } from "./bind-test.js";
import type { SocketTable } from "./listener.js";

/**
 * The address families whose socket table may still hold a listener on the
 * port after its bind test, or undefined when the test cannot tell. On a
 * kernel where a wildcard bind sees every listener of its family, 0.0.0.0
 * bound free rules out IPv4 and :: bound free (or absent: no IPv6 here) rules
 * out IPv6, and the socket table need not read what was ruled out: each read
 * of /proc/net/tcp or tcp6 walks the kernel's whole connection table. An IPv4
 * holder may sit in the IPv6 table, though: Java listens on 127.0.0.1 through
 * an IPv6 socket bound to ::ffff:127.0.0.1, which only tcp6 lists.
 */
export function listenerFamilies(table: SocketTable, binds: readonly BindResult[]): (4 | 6)[] | undefined {
  if (table.wildcardBindSeesEveryListener !== true) return undefined;
  const v4 = binds.find((b) => b.address === "0.0.0.0")?.state;
  const v6 = binds.find((b) => b.address === "::")?.state;
  if (v4 === undefined || v6 === undefined) return undefined;
  const families: (4 | 6)[] = [];
  if (v4 !== "free") families.push(4, 6);
  else if (v6 !== "free" && v6 !== "absent") families.push(6);
  return families;
}
