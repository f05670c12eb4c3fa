import type { FileFix } from "../../project/apply-scan-edits.js";
import type { Paint } from "../../render/paint.js";
import { lintWords } from "../../words/lint-words.js";

/**
 * lint --fix's account: per file the certain edits as a diff (and `wrote FILE` once written), then the suggestions
 * --write leaves for a person, each with why; a last line says what --write does, or that lint ran again.
 */
export function fixesText(fixes: readonly FileFix[], paint: Paint): string {
  const w = lintWords().fixes;
  const out: string[] = [];
  for (const fix of fixes) {
    if (fix.diff !== "") out.push(fix.diff + (fix.written ? `${w.wroteFile(fix.file)}\n` : ""));
    if (fix.notApplied.length === 0) continue;
    const reasons = fix.notApplied.map((n) => `  ${fix.file}:${n.line}: ${n.reason}\n`).join("");
    out.push(`${paint.yellow(w.suggested(fix.notApplied.length))}\n${reasons}${fix.suggested}`);
  }
  const written = fixes.filter((f) => f.written).length;
  const certain = fixes.filter((f) => f.diff !== "").length;
  if (written > 0) out.push(`${paint.dim(w.wrote(written))}\n`);
  else if (certain > 0) out.push(`${paint.dim(w.writeApplies(certain))}\n`);
  else if (fixes.length > 0) out.push(`${paint.dim(w.noneCertain)}\n`);
  return out.join("");
}
