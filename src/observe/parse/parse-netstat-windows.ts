import { parseEndpoint } from "./parse-endpoint.js";

export interface NetstatWindowsRow {
  protocol: "tcp" | "udp";
  address: string;
  port: number;
  family: 4 | 6;
  /** Possibly localised ("ABHÖREN"); "" for UDP, which has no state column. */
  state: string;
  pid: number;
  listening: boolean;
}

/** English states that are not listening (BOUND shows a `0.0.0.0:0` peer too, with `-q`). */
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

// Listening: state LISTENING, or a port-0 peer with no English non-listening state, since the state is translated on some
// Windows languages (German `ABHÖREN`); without -q only a listener has no peer. Every UDP row is a bound socket.
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
