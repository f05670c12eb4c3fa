import { parseEndpoint } from "./parse-endpoint.js";

export interface SsOwner {
  /** /proc/[pid]/comm: the main thread's name ("MainThread" under Node 24), not always the program. */
  command: string;
  pid: number;
  fd: number;
}

export interface SsRow {
  state: string;
  address: string;
  port: number;
  family: 4 | 6;
  owners: SsOwner[];
}

const OWNER = /\("((?:[^"\\]|\\.)*)",pid=(\d+),fd=(\d+)\)/g;

// iproute2 prints `*` for an IPv6 socket that also takes IPv4 (IPV6_V6ONLY off): reported as "::", family 6.
export function parseSs(text: string): SsRow[] {
  const rows: SsRow[] = [];
  for (const line of text.split("\n")) {
    const usersAt = line.indexOf("users:((");
    const tokens = (usersAt >= 0 ? line.slice(0, usersAt) : line).trim().split(/\s+/);
    // The state, when printed, sits just before Recv-Q and Send-Q.
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
