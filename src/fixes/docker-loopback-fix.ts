import type { FixText } from "./fix-text.js";
import { fixWords } from "../words/fix-words.js";

export interface ComposePortFix extends FixText {
  /** Indentation, dash, quote style and trailing comment kept. */
  replacement: string;
}

const SHORT_ENTRY = /^(?<lead>\s*(?:-\s*)?)(?<quote>["']?)(?<value>[^\s"'#]+)\k<quote>(?<tail>\s*(?:#.*)?)$/;
const HOST_IP_KEY = /(?<key>\bhost_ip\s*:\s*)(?<quote>["']?)(?<value>[^\s"',}#]+)\k<quote>/;
const UNSPECIFIED = new Set(["0.0.0.0", "::", "[::]"]);

function splitHostIp(value: string): { address: string; rest: string } | undefined {
  if (value.startsWith("[")) {
    const end = value.indexOf("]:");
    return end === -1 ? undefined : { address: value.slice(1, end), rest: value.slice(end + 2) };
  }
  const parts = value.split(":");
  if (parts.length < 3) return undefined;
  return { address: parts.slice(0, -2).join(":"), rest: parts.slice(-2).join(":") };
}

/** A short value, a whole YAML line (layout kept, quotes added) or `host_ip: 127.0.0.1`; no host address: unchanged, no command. */
export function dockerLoopbackFix(line: string): ComposePortFix {
  const t = fixWords().docker;
  const apply = ["docker compose up -d"];
  const unchanged: ComposePortFix = { summary: t.allInterfaces, commands: [], replacement: line };
  const hostIp = HOST_IP_KEY.exec(line);
  if (hostIp?.groups !== undefined) {
    const address = (hostIp.groups["value"] ?? "").replace(/^\[(.*)\]$/, "$1");
    if (UNSPECIFIED.has(address)) return unchanged;
    const quote = hostIp.groups["quote"] ?? "";
    const replacement = `${line.slice(0, hostIp.index)}${hostIp.groups["key"] ?? ""}${quote}0.0.0.0${quote}${line.slice(hostIp.index + hostIp[0].length)}`;
    return { summary: t.hostIp(address), commands: apply, replacement };
  }
  const entry = SHORT_ENTRY.exec(line)?.groups;
  const split = entry === undefined ? undefined : splitHostIp(entry["value"] ?? "");
  if (entry === undefined || split === undefined || UNSPECIFIED.has(split.address)) return unchanged;
  const published = split.rest.startsWith(":") ? split.rest.slice(1) : split.rest;
  const lead = entry["lead"] ?? "";
  // In a YAML line HOST:CONTAINER must be quoted: YAML 1.1 reads some unquoted pairs as base-60 numbers.
  const quote = entry["quote"] === "" && lead !== "" ? '"' : (entry["quote"] ?? "");
  return {
    summary: t.loopback({ published, address: split.address }),
    commands: apply,
    replacement: `${lead}${quote}${published}${quote}${entry["tail"] ?? ""}`,
  };
}
