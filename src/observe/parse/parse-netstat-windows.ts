import { parseEndpoint } from "./parse-endpoint.js";

/** One TCP or UDP row of Windows `netstat -ano [-p proto]`. */
export interface NetstatWindowsRow {
  protocol: "tcp" | "udp";
  /** "0.0.0.0", "127.0.0.1", "::", "::1", "fe80::1%17". */
  address: string;
  port: number;
  family: 4 | 6;
  /** As printed, possibly localised ("LISTENING", "ABHÖREN"); "" for UDP, which has no state column. */
  state: string;
  pid: number;
  /** Whether the row is a listening socket; see parseNetstatWindows for the rule. */
  listening: boolean;
}

/** English state words that are not a listening socket (BOUND shows a `0.0.0.0:0` peer too, with `-q`). */
const NOT_LISTENING = new Set([
  "BOUND",
  "CLOSED",
  "CLOSE_WAIT",
  "CLOSING",
  "DELETE_TCB",
  "ESTABLISHED",
  "FIN_WAIT_1",
  "FIN_WAIT_2",
  "LAST_ACK",
  "SYN_RECEIVED",
  "SYN_SENT",
  "TIME_WAIT",
]);

/**
 * Parses Windows netstat: rows start with `TCP`/`UDP` after any indentation; headers (in any language), blank
 * lines and anything else are skipped. The PID is the last column; for TCP the state is what lies between the
 * foreign address and the PID (so a state word with a space would still parse).
 *
 * Listen rule for TCP: the foreign address has port 0 (`0.0.0.0:0`, `[::]:0`) and the state is not an English
 * non-listening word — or the state is `LISTENING`. The state column is translated on some Windows languages
 * (German `ABHÖREN`), so the word alone would miss listeners there; a socket with a peer always has a peer
 * port, so port 0 means "no peer", which without `-q` only a listening socket shows. UDP rows have no state and
 * no peer (`*:*`): every UDP row is a bound socket and counts as listening.
 */
export function parseNetstatWindows(text: string): NetstatWindowsRow[] {
  const rows: NetstatWindowsRow[] = [];
  for (const line of text.split(/\r?\n/)) {
    const tokens = line.trim().split(/\s+/);
    const protocol = tokens[0] === "TCP" ? "tcp" : tokens[0] === "UDP" ? "udp" : undefined;
    if (protocol === undefined || tokens.length < (protocol === "tcp" ? 5 : 4)) continue;
    const pidText = tokens[tokens.length - 1] ?? "";
    const local = parseEndpoint(tokens[1] ?? "");
    if (!/^\d+$/.test(pidText) || local === undefined || local.family === undefined) continue;
    const state = protocol === "tcp" ? tokens.slice(3, -1).join(" ") : "";
    const foreignPort = parseEndpoint(tokens[2] ?? "")?.port;
    const listening = protocol === "udp" || state === "LISTENING" || (foreignPort === 0 && !NOT_LISTENING.has(state));
    rows.push({ protocol, address: local.address, port: local.port, family: local.family, state, pid: Number(pidText), listening });
  }
  return rows;
}
