import type { BindResult } from "./bind-test.js";
import type { SocketTable } from "./listener.js";

// Families still to read after the bind test (undefined: cannot tell); a free wildcard rules out its family. An IPv4 holder
// can sit in tcp6, though: Java listens on 127.0.0.1 through an IPv6 socket on ::ffff:127.0.0.1.
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
