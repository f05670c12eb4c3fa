import { parseEndpoint } from "./parse-endpoint.js";

/** One process holding the socket, from ss's `users:((...))` column. */
export interface SsOwner {
  /** The process's /proc/[pid]/comm: its main thread's name, "MainThread" under Node 24, not always its program. */
  command: string;
  pid: number;
  fd: number;
}

/** One row of `ss -l[t|u]n[p][H]` (with or without the header, the Netid column or the process column). */
export interface SsRow {
  /** "LISTEN", "UNCONN", "ESTAB", "TIME-WAIT", ...; "" when ss printed no state column. */
  state: string;
  /** "0.0.0.0", "127.0.0.1", "::" (also for ss's `*`), "::1", "::ffff:127.0.0.1", "fe80::1%ens160". */
  address: string;
  port: number;
  family: 4 | 6;
  /** Empty when ss could not see the owner (another user's process, no privileges) or ran without -p. */
  owners: SsOwner[];
}

const OWNER = /\("((?:[^"\\]|\\.)*)",pid=(\d+),fd=(\d+)\)/g;

/**
 * Parses ss output. iproute2 prints an IPv4 wildcard as `0.0.0.0`, an IPv6-only wildcard as `[::]`, and `*`
 * for an IPv6 socket that also takes IPv4 (IPV6_V6ONLY off): that one is reported as "::", family 6.
 * Lines that are not socket rows (the header, garbage) are skipped.
 */
export function parseSs(text: string): SsRow[] {
  const rows: SsRow[] = [];
  for (const line of text.split("\n")) {
    const usersAt = line.indexOf("users:((");
    const tokens = (usersAt >= 0 ? line.slice(0, usersAt) : line).trim().split(/\s+/);
    // Recv-Q and Send-Q are the first two numbers; the state (if any) is just before them.
    const queues = tokens.findIndex((token, index) => /^\d+$/.test(token) && /^\d+$/.test(tokens[index + 1] ?? ""));
    if (queues < 0) continue;
    const local = parseEndpoint(tokens[queues + 2] ?? "");
    if (local === undefined) continue;
    const wildcard = local.address === "*";
    const family = wildcard ? 6 : local.family;
    if (family === undefined) continue;
    const state = queues >= 1 ? (tokens[queues - 1] ?? "") : "";
    rows.push({
      state: /^[A-Z][A-Z0-9-]*$/.test(state) ? state : "",
      address: wildcard ? "::" : local.address,
      port: local.port,
      family,
      owners: usersAt >= 0 ? parseOwners(line.slice(usersAt)) : [],
    });
  }
  return rows;
}

function parseOwners(text: string): SsOwner[] {
  return [...text.matchAll(OWNER)].map((match) => ({
    command: (match[1] ?? "").replace(/\\(.)/g, "$1"),
    pid: Number(match[2]),
    fd: Number(match[3]),
  }));
}
