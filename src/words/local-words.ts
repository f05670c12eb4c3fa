import { twin } from "./twin.js";

/** A process holding a port as the socket table names it; `pid` null when the table could not see it. */
interface HolderSeen {
  pid: number | null;
  command: string | null;
  user: string | null;
}

// What this machine's verdict on a port names (observe/local-verdict.ts): a finding's holder and addresses, and
// check's local line, in the run's language.
const en = {
  holder: (h: HolderSeen) =>
    h.pid === null ? (h.command ?? "an unknown process") : `${h.command ?? "a process"} (PID ${h.pid}${h.user === null ? "" : `, user ${h.user}`})`,
  /** A wildcard address says what it covers. */
  wildcard: { ipv4: "0.0.0.0 (all IPv4)", ipv6: ":: (all IPv6, and IPv4 too unless IPv6-only)" },
};

export const localWords = twin<typeof en>({
  en,
  ko: {
    holder: (h) => (h.pid === null ? (h.command ?? "알 수 없는 프로세스") : `${h.command ?? "프로세스"} (PID ${h.pid}${h.user === null ? "" : `, 사용자 ${h.user}`})`),
    wildcard: { ipv4: "0.0.0.0 (모든 IPv4)", ipv6: ":: (모든 IPv6, IPv6 전용이 아니면 IPv4도)" },
  },
});
