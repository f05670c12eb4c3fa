import { isPortKey } from "./is-port-key.js";
import type { PortReference, ReferenceRole, ScanProblem } from "./port-reference.js";
import { commandLineReferences, roleOfKey, textLines, valueReferences, type FileSite } from "./text-references.js";
import { textPosition } from "../util/text-position.js";

export type ShellDialect = "sh" | "powershell" | "batch";

const COMMENT: Record<ShellDialect, RegExp> = { sh: /^\s*#/, powershell: /^\s*#/, batch: /^\s*(?:@?rem\b|::)/i };
const ECHO = /^\s*@?(?:echo|printf|Write-Host|Write-Output)\b\s*/i;
const BATCH_SET = /^\s*@?set\s+(?:\/[AP]\s+)?"?([A-Za-z_][A-Za-z0-9_]*)=/i;
const PS_ENV = /^\s*\$env:([A-Za-z_][A-Za-z0-9_]*)\s*=\s*/i;

function assigned(key: string): ReferenceRole {
  return isPortKey(key) ? "listen" : roleOfKey(key);
}

/** Each command line through the command-line scanner, URLs in echoed text, and `set X=`/`$env:X =` assignments. */
export function scanShellScript(text: string, file: string, dialect: ShellDialect): { references: PortReference[]; problems: ScanProblem[] } {
  const site: FileSite = { file, position: textPosition(text), kind: "shell" };
  const references: PortReference[] = [];
  let number = 0;
  for (const { line, start } of textLines(text)) {
    number++;
    if (COMMENT[dialect].test(line) || line.trim() === "" || (number === 1 && line.startsWith("#!"))) continue;
    const echo = ECHO.exec(line);
    const set = dialect === "batch" ? BATCH_SET.exec(line) : dialect === "powershell" ? PS_ENV.exec(line) : null;
    if (echo !== null) {
      references.push(...valueReferences(line.slice(echo[0].length), start + echo[0].length, site, { text: line.trim(), role: "connect", strictHosts: true }));
    } else if (set !== null) {
      const key = set[1] ?? "";
      const value = line.slice(set[0].length).replace(/"\s*$/, "");
      references.push(...valueReferences(value, start + set[0].length, site, { key, text: line.trim(), role: assigned(key) }));
    } else if (dialect === "sh") {
      references.push(...commandLineReferences(line, start, site, "command"));
    } else {
      // Neither PowerShell nor cmd is a POSIX shell: their lines are read as plain commands, without sh quoting rules.
      references.push(...commandLineReferences(line.replace(/[`^]/g, " "), start, site, "command"));
    }
  }
  return { references, problems: [] };
}
