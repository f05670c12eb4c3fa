import { plainMapped } from "../command-line/mapped-text.js";
import type { PortReference, ScanProblem } from "./port-reference.js";
import { commandReference, portsInCommand } from "./scan-command-line.js";
import { commandRole } from "./text-references.js";
import { textPosition } from "../util/text-position.js";

const PROCESS = /^([A-Za-z0-9_-]+)[ \t]*:[ \t]*/;

export function scanProcfile(text: string, file: string): { references: PortReference[]; problems: ScanProblem[] } {
  const position = textPosition(text);
  const references: PortReference[] = [];
  const problems: ScanProblem[] = [];
  let start = text.startsWith("\uFEFF") ? 1 : 0;
  while (start < text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end).replace(/\r$/, "");
    const match = PROCESS.exec(line);
    if (match !== null) {
      const command = line.slice(match[0].length).trimEnd();
      for (const found of portsInCommand(plainMapped(command, start + match[0].length))) {
        references.push(commandReference(found, { file, position }, { kind: "procfile", role: commandRole(found), key: match[1] ?? "", text: command }));
      }
    } else if (line.trim() !== "" && !line.trimStart().startsWith("#")) {
      problems.push({ file, ...position(start), reason: "not a `name: command` line" });
    }
    start = end + 1;
  }
  return { references, problems };
}
