import { renderMessage, type Code, type MessageArgs } from "./messages.js";

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

export interface Finding {
  code: Code;
  severity: Severity;
  message: string;
  fix?: string;
  location: Location;
  /** The other side of a collision. */
  related?: Location[];
  /** Doctor: probe states, socket rows, file lines. */
  evidence?: string[];
  /** Doctor: for the OS of the node involved. */
  commands?: string[];
}

export function makeFinding<C extends Code>(
  code: C,
  severity: Severity,
  args: MessageArgs<C>,
  location: Location,
  related?: Location[],
): Finding {
  const text = renderMessage(code, args);
  const finding: Finding = { code, severity, message: text.message, location };
  if (text.fix !== undefined) finding.fix = text.fix;
  if (related !== undefined && related.length > 0) finding.related = related;
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
