import type { PortReference, ScanProblem } from "./port-reference.js";
import { commandLineReferences, textLines, type FileSite } from "./text-references.js";
import { textPosition } from "../util/text-position.js";

const TARGET = /^([^\s:#=][^:#=]*?)\s*::?(?!=)/;
/** A recipe line starts with a tab; `@`, `-` and `+` before the command are make's, not the shell's. */
const RECIPE = /^\t[@+-]*\s*/;

/** Recipe lines through the command-line scanner; `key` is the target. */
export function scanMakefile(text: string, file: string): { references: PortReference[]; problems: ScanProblem[] } {
  const site: FileSite = { file, position: textPosition(text), kind: "makefile" };
  const references: PortReference[] = [];
  let target = "";
  for (const { line, start } of textLines(text)) {
    const recipe = RECIPE.exec(line);
    if (recipe === null) {
      const named = TARGET.exec(line);
      if (named !== null) target = (named[1] ?? "").trim();
      continue;
    }
    const command = line.slice(recipe[0].length);
    if (command.startsWith("#") || command.trim() === "") continue;
    references.push(...commandLineReferences(command, start + recipe[0].length, site, target));
  }
  return { references, problems: [] };
}
