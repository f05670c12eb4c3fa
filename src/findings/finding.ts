import { renderMessage } from "./message-table.js";
import type { Code, MessageArgs } from "./messages.js";

export type Severity = "error" | "warning" | "info";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** Line and column are 1-based. */
export interface Location {
  file: string;
  line?: number;
  column?: number;
  /** E.g. `services[3].port`. */
  path?: string;
}

/** What a finding is about, for machines: JSON carries it beside the prose. */
export interface FindingData {
  port?: number;
  host?: string;
  node?: string;
  service?: string;
  /** The reference's role: listen, connect, browser, origin (internal ones are never reported). */
  role?: string;
  /** A certain or likely replacement (an address, a port). */
  suggestion?: string;
}

export interface Finding {
  code: Code;
  severity: Severity;
  message: string;
  fix?: string;
  location: Location;
  /** The other side of a collision: at most MAX_RELATED of them. */
  related?: Location[];
  /** How many related locations `related` leaves out. */
  moreRelated?: number;
  /** Doctor: probe states, socket rows, file lines. */
  evidence?: string[];
  /** Doctor: for the OS of the node involved. */
  commands?: string[];
  /** The scan: port, host, node and service of the reference. */
  data?: FindingData;
}

/** A finding lists this many related locations at most; a count stands for the rest. */
export const MAX_RELATED = 5;

export interface CappedRelated {
  shown: Location[];
  more: number;
}

/** The one place a finding's related list is capped: the first MAX_RELATED items, located (only those), and how many more. */
export function capRelated<T>(items: readonly T[], locate: (item: T) => Location): CappedRelated {
  return { shown: items.slice(0, MAX_RELATED).map(locate), more: Math.max(0, items.length - MAX_RELATED) };
}

export function makeFinding<C extends Code>(
  code: C,
  severity: Severity,
  args: MessageArgs<C>,
  location: Location,
  related?: readonly Location[] | CappedRelated,
): Finding {
  const text = renderMessage(code, args);
  const finding: Finding = { code, severity, message: text.message, location };
  if (text.fix !== undefined) finding.fix = text.fix;
  const capped = related === undefined || "shown" in related ? related : capRelated(related, (l) => l);
  if (capped !== undefined && capped.shown.length > 0) finding.related = capped.shown;
  if (capped !== undefined && capped.more > 0) finding.moreRelated = capped.more;
  return finding;
}

export function formatLocation(location: Location): string {
  if (location.line === undefined) return location.file;
  return `${location.file}:${location.line}:${location.column ?? 1}`;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    a.location.file.localeCompare(b.location.file) ||
    (a.location.line ?? 0) - (b.location.line ?? 0) ||
    (a.location.column ?? 0) - (b.location.column ?? 0) ||
    a.code.localeCompare(b.code)
  );
}
