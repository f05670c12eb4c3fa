import { commentedEnvLines } from "./commented-env-lines.js";
import { OWN_PORT_KEY } from "./is-port-key.js";
import { parseEnvLines } from "./parse-env-lines.js";
import type { PortReference, ScanProblem } from "./port-reference.js";
import { portsInValue } from "./ports-in-value.js";
import { roleOfKey } from "./text-references.js";
import { textPosition } from "../util/text-position.js";


/** The `*_HOST` value paired with a `*_PORT` key, when it is a plain host name or address. */
function pairedHostOf(key: string, values: ReadonlyMap<string, string>): string | undefined {
  const match = /^(.*?)_?PORT$/i.exec(key);
  if (match === null || match[1] === undefined || match[1] === "") return undefined;
  const prefix = match[1];
  const host = values.get(`${prefix}_HOST`) ?? values.get(`${prefix}HOST`) ?? values.get(`${prefix}_HOSTNAME`);
  return host !== undefined && /^[A-Za-z0-9][A-Za-z0-9.-]*$|^\[?[0-9a-fA-F:]+\]?$/.test(host) ? host.replace(/^\[|\]$/g, "") : undefined;
}

/**
 * Lines that are not assignments become problems; the rest of the file is still read. A commented-out assignment
 * (`# API_URL=…`) is a reference too, marked informational: what was or may be, not what runs.
 */
export function scanEnvFile(text: string, file: string): { references: PortReference[]; problems: ScanProblem[] } {
  const position = textPosition(text);
  const { entries, problems } = parseEnvLines(text);
  const references: PortReference[] = [];
  const values = new Map(entries.map((e) => [e.key, e.value.trim()]));
  const commentedOut = commentedEnvLines(text);
  const commented = new Set(commentedOut);
  for (const entry of entries.concat(commentedOut)) {
    for (const found of portsInValue(entry.raw, entry.key)) {
      // DB_PORT=5432 beside DB_HOST=100.123.51.5: the port belongs to that host.
      const pairedHost = found.host === undefined ? pairedHostOf(entry.key, values) : undefined;
      const host = found.host ?? pairedHost;
      const offset = entry.rawOffset + found.index;
      references.push({
        file,
        ...position(offset),
        offset,
        length: found.length,
        port: found.port,
        ...(host === undefined ? {} : { host }),
        kind: "env",
        key: entry.key,
        text: entry.raw,
        role: roleOfKey(entry.key, host === undefined && OWN_PORT_KEY.test(entry.key) ? "listen" : "connect"),
        ...(commented.has(entry) ? { informational: true as const } : {}),
      });
    }
  }
  return { references: references.sort((a, b) => a.offset - b.offset), problems: problems.map((p) => ({ file, ...position(p.offset), reason: p.reason })) };
}
