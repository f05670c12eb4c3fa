import { isIP } from "node:net";
import { locateMapped, plainMapped, type MappedText } from "../command-line/mapped-text.js";
import type { TextPosition } from "../util/text-position.js";
import { isPortKey } from "./is-port-key.js";
import type { PortReference, ReferenceKind, ReferenceRole } from "./port-reference.js";
import { portsInValue } from "./ports-in-value.js";
import { commandReference, portsInCommand, type CommandPort } from "./scan-command-line.js";

/** What every reference of one file shares. */
export interface FileSite {
  file: string;
  position: TextPosition;
  kind: ReferenceKind;
}

const BROWSER_KEY = /^(?:NEXT_PUBLIC|VITE|REACT_APP|NUXT_PUBLIC|PUBLIC)_/;
const ORIGIN_KEY = /cors|origin/i;

/** Each line without its line break, with the offset of its first character. */
export function* textLines(text: string): Generator<{ line: string; start: number }> {
  let start = text.startsWith("\uFEFF") ? 1 : 0;
  while (start <= text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    yield { line: text.slice(start, end).replace(/\r$/, ""), start };
    if (newline < 0) return;
    start = end + 1;
  }
}

/** A CORS allow-list names origins; `NEXT_PUBLIC_*`/`VITE_*` values run in a browser; the rest is a client's. */
export function roleOfKey(key: string | undefined, fallback: ReferenceRole = "connect"): ReferenceRole {
  if (key === undefined) return fallback;
  if (ORIGIN_KEY.test(key)) return "origin";
  if (BROWSER_KEY.test(key)) return "browser";
  return fallback;
}

/** In free text a `host:port` counts only when the host is an address, localhost or a dotted name (not `node:20`). */
function addressLike(host: string): boolean {
  return host === "localhost" || isIP(host) !== 0 || /\.[A-Za-z]/.test(host);
}

/** URLs and `host:port` pairs in `value`, which starts at `base` in the file; bare numbers only under a port key. */
export function valueReferences(
  value: string,
  base: number,
  site: FileSite,
  what: { key?: string; text: string; role: ReferenceRole | ((found: { host?: string }) => ReferenceRole); strictHosts?: boolean; bareNumbers?: boolean },
): PortReference[] {
  const references: PortReference[] = [];
  for (const found of portsInValue(value, what.bareNumbers === false ? undefined : what.key)) {
    const url = value.lastIndexOf("://", found.index) >= 0 && /^[^\s"'`]*$/.test(value.slice(value.lastIndexOf("://", found.index), found.index));
    if (what.strictHosts === true && !url && (found.host === undefined || !addressLike(found.host))) continue;
    const offset = base + found.index;
    references.push({
      file: site.file,
      ...site.position(offset),
      offset,
      length: found.length,
      port: found.port,
      ...(found.host === undefined ? {} : { host: found.host }),
      kind: site.kind,
      ...(what.key === undefined ? {} : { key: what.key }),
      text: what.text,
      role: typeof what.role === "function" ? what.role(found) : what.role,
    });
  }
  return references;
}

/** As valueReferences, for a value decoded from the file (a YAML or JSON string): positions are those of the file. */
export function mappedValueReferences(
  mapped: MappedText,
  site: FileSite,
  what: { key?: string; portKey?: string; text: string; role: (found: { host?: string }) => ReferenceRole | undefined; strictHosts: boolean },
): PortReference[] {
  const references: PortReference[] = [];
  const value = mapped.text;
  for (const found of portsInValue(value, what.portKey ?? what.key)) {
    const scheme = value.lastIndexOf("://", found.index);
    const url = scheme >= 0 && /^[^\s"'`]*$/.test(value.slice(scheme, found.index));
    // A host-less port is a bare number under a port key, which portsInValue gives only when asked.
    if (what.strictHosts && !url && found.host !== undefined && !addressLike(found.host)) continue;
    const at = locateMapped(mapped, found.index, found.index + found.length);
    const role = what.role(found);
    references.push({
      file: site.file,
      ...site.position(at.offset),
      offset: at.offset,
      length: at.length,
      port: found.port,
      ...(found.host === undefined ? {} : { host: found.host }),
      kind: site.kind,
      ...(what.key === undefined ? {} : { key: what.key }),
      text: what.text,
      ...(role === undefined ? {} : { role }),
    });
  }
  return references;
}

/**
 * A command line at `base`: a server program's port flag is `listen`, an env prefix's URL is a client's, and any other
 * URL or address:port in it (`curl http://…`, `wget …`) is where the command connects.
 */
export function commandLineReferences(command: string, base: number, site: FileSite, key: string): PortReference[] {
  const found = portsInCommand(plainMapped(command, base)).map((port) => commandReference(port, site, { kind: site.kind, key, text: command.trim(), role: commandRole(port) }));
  const seen = new Set(found.map((ref) => ref.offset));
  for (const ref of valueReferences(command, base, site, { key, text: command.trim(), role: "connect", strictHosts: true, bareNumbers: false })) {
    if (!seen.has(ref.offset)) found.push(ref);
  }
  return found;
}

/** A program's port flag is bound by it; an env prefix (`PORT=`, `API_URL=`) by its key. */
export function commandRole(found: CommandPort): ReferenceRole {
  const assigned = found.program.endsWith("=") ? found.program.slice(0, -1) : undefined;
  return assigned === undefined || (isPortKey(assigned) && found.host === undefined) ? "listen" : roleOfKey(assigned);
}
