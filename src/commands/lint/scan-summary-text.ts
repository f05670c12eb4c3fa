import type { ScanSummary } from "../../project/scan-project.js";
import type { SkipReason } from "../../project/port-reference.js";
import type { Paint } from "../../render/paint.js";
import { groupBy } from "../../util/group-by.js";
import { lintWords } from "../../words/lint-words.js";

/**
 * lint's account of the scan: `scan: 9 files read, 26 port references; 2 skipped (1 binary, 1 over 2 MB); 1 file
 * that no scan.nodes glob maps to a node`, and with --verbose the files skipped and unmapped above it.
 */
export function scanSummaryText(summary: ScanSummary, paint: Paint, verbose: boolean): string {
  const w = lintWords().scan;
  const reasonText: Record<SkipReason, string> = w.reasons;
  const out: string[] = [];
  const { skipped, unmapped } = summary;
  if (verbose && skipped.length > 0) {
    out.push(w.skippedList(skipped.length));
    for (const s of skipped) out.push(`  ${s.file}  ${paint.dim(s.detail === undefined ? reasonText[s.reason] : `${reasonText[s.reason]}: ${s.detail}`)}`);
  }
  if (verbose && unmapped.length > 0) {
    out.push(w.unmappedList(unmapped.length));
    for (const file of unmapped) out.push(`  ${file}`);
  }
  const reasons = [...groupBy(skipped, (s) => s.reason)].map(([reason, files]) => w.reasonCount(files.length, reasonText[reason]));
  const hint = !verbose && skipped.length + unmapped.length > 0 ? w.verboseHint : "";
  // A clause that would count nothing is left out: "0 skipped; 0 files ..." only makes a newcomer look for them.
  const parts = [w.read(summary.read, summary.references)];
  if (skipped.length > 0) parts.push(w.skipped(skipped.length, reasons));
  if (unmapped.length > 0) parts.push(w.unmapped(unmapped.length));
  out.push(parts.join("; ") + hint);
  return `${out.join("\n")}\n`;
}
