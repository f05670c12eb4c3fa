import type { FileFix } from "../../project/apply-scan-edits.js";
import type { Paint } from "../../render/paint.js";
import { plural } from "../../util/plural.js";

/**
 * lint --fix's account: per file the certain edits as a diff (and `wrote FILE` once written), then the suggestions
 * --write leaves for a person, each with why; a last line says what --write does, or that lint ran again.
 */
export function fixesText(fixes: readonly FileFix[], paint: Paint): string {
  const out: string[] = [];
  for (const fix of fixes) {
    if (fix.diff !== "") out.push(fix.diff + (fix.written ? `wrote ${fix.file}\n` : ""));
    if (fix.notApplied.length === 0) continue;
    const reasons = fix.notApplied.map((n) => `  ${fix.file}:${n.line}: ${n.reason}\n`).join("");
    out.push(`${paint.yellow(`suggested, not applied (${plural(fix.notApplied.length, "edit")}; check by hand):`)}\n${reasons}${fix.suggested}`);
  }
  const written = fixes.filter((f) => f.written).length;
  const certain = fixes.filter((f) => f.diff !== "").length;
  if (written > 0) out.push(`${paint.dim(`wrote ${plural(written, "file")}; what is left after the fixes:`)}\n`);
  else if (certain > 0) out.push(`${paint.dim(`--fix --write applies the edits above that are not marked as suggestions (${plural(certain, "file")})`)}\n`);
  else if (fixes.length > 0) out.push(`${paint.dim("no edit is certain enough to write")}\n`);
  return out.join("");
}
