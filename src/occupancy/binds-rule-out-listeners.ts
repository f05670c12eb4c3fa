import type { BindResult } from "./bind-test.js";
import type { SocketTable } from "./listener.js";

/**
 * Whether the bind test already proves that the table would show no
 * listener on the port, so it need not be read (each read of /proc/net/tcp
 * walks the kernel's whole connection table): on a kernel where a wildcard
 * bind sees every listener of its family, 0.0.0.0 bound free and :: bound
 * free (or absent: no IPv6 here, so no IPv6 listener either).
 */
export function bindsRuleOutListeners(table: SocketTable, binds: readonly BindResult[]): boolean {
  if (table.wildcardBindSeesEveryListener !== true) return false;
  const v4 = binds.find((b) => b.address === "0.0.0.0");
  const v6 = binds.find((b) => b.address === "::");
  return v4?.state === "free" && (v6?.state === "free" || v6?.state === "absent");
}
