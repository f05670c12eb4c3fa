import { jsonStringMapped } from "./json-string-mapped.js";
import { packageJsonScripts } from "./package-json-scripts.js";
import type { PortReference, ScanProblem } from "./port-reference.js";
import { commandReference, portsInCommand } from "./scan-command-line.js";
import { commandRole } from "./text-references.js";
import { textPosition } from "../util/text-position.js";

function errorOffset(error: unknown): number | undefined {
  const match = error instanceof Error ? /at position (\d+)/.exec(error.message) : null;
  return match === null ? undefined : Number(match[1]);
}

/** Positions are of the digits in the JSON text, escapes included. */
export function scanPackageJson(text: string, file: string): { references: PortReference[]; problems: ScanProblem[] } {
  const position = textPosition(text);
  const bom = text.startsWith("\uFEFF") ? 1 : 0;
  try {
    JSON.parse(text.slice(bom));
  } catch (error: unknown) {
    const offset = errorOffset(error);
    const reason = `invalid JSON: ${error instanceof Error ? error.message : String(error)}`;
    return { references: [], problems: [{ file, ...(offset === undefined ? {} : position(offset + bom)), reason }] };
  }
  const references: PortReference[] = [];
  for (const script of packageJsonScripts(text.slice(bom))) {
    const mapped = jsonStringMapped(text, script.from + bom, script.to + bom);
    for (const found of portsInCommand(mapped)) {
      references.push(commandReference(found, { file, position }, { kind: "script", role: commandRole(found), key: script.name, text: mapped.text }));
    }
  }
  return { references, problems: [] };
}
