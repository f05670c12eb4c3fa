import { parseEnvLines } from "./parse-env-lines.js";
import type { PortReference, ScanProblem } from "./port-reference.js";
import { portsInValue } from "./ports-in-value.js";
import { textPosition } from "./text-position.js";

/**
 * The ports a .env file names (`.env`, `.env.local`, `backend.env`): `KEY=PORT` for port-like keys, `KEY=host:port`,
 * URLs of any scheme, JSON or comma lists of them. `file` is the path reported (relative, posix). Lines that are
 * not assignments become problems; the rest of the file is still read.
 */
export function scanEnvFile(text: string, file: string): { references: PortReference[]; problems: ScanProblem[] } {
  const position = textPosition(text);
  const { entries, problems } = parseEnvLines(text);
  const references: PortReference[] = [];
  for (const entry of entries) {
    for (const found of portsInValue(entry.raw, entry.key)) {
      const offset = entry.rawOffset + found.index;
      references.push({
        file,
        ...position(offset),
        offset,
        length: found.length,
        port: found.port,
        ...(found.host === undefined ? {} : { host: found.host }),
        kind: "env",
        key: entry.key,
        text: entry.raw,
      });
    }
  }
  return { references, problems: problems.map((p) => ({ file, ...position(p.offset), reason: p.reason })) };
}
