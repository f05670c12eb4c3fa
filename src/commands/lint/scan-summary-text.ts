import type { ScanSummary } from "../../project/scan-project.js";
import type { SkipReason } from "../../project/port-reference.js";
import type { Paint } from "../../render/paint.js";
import { groupBy } from "../../util/group-by.js";
import { plural } from "../../util/plural.js";

const REASONS: Record<SkipReason, string> = {
  binary: "binary",
  "not-utf8": "not UTF-8",
  "long-line": "a line over 256 KB",
  "too-large": "over 2 MB",
  unreadable: "unreadable",
  "not-a-file": "not a regular file",
  "link-out-of-tree": "symbolic link out of the tree",
  "broken-link": "broken symbolic link",
  "git-repository": "nested git repository",
};

/**
 * lint's account of the scan: `scan: 9 files read, 26 port references; 2 skipped (1 binary, 1 over 2 MB); 1 file
 * that no scan.nodes glob maps to a node`, and with --verbose the files skipped and unmapped above it.
 */
export function scanSummaryText(summary: ScanSummary, paint: Paint, verbose: boolean): string {
  const out: string[] = [];
  const { skipped, unmapped } = summary;
  if (verbose && skipped.length > 0) {
    out.push(`skipped (${skipped.length}):`);
    for (const s of skipped) out.push(`  ${s.file}  ${paint.dim(s.detail === undefined ? REASONS[s.reason] : `${REASONS[s.reason]}: ${s.detail}`)}`);
  }
  if (verbose && unmapped.length > 0) {
    out.push(`no scan.nodes glob maps (${unmapped.length}):`);
    for (const file of unmapped) out.push(`  ${file}`);
  }
  const reasons = [...groupBy(skipped, (s) => s.reason)].map(([reason, files]) => `${files.length} ${REASONS[reason]}`);
  const hint = !verbose && skipped.length + unmapped.length > 0 ? " (--verbose lists them)" : "";
  // A clause that would count nothing is left out: "0 skipped; 0 files ..." only makes a newcomer look for them.
  const parts = [`scan: ${plural(summary.read, "file")} read, ${plural(summary.references, "port reference")}`];
  if (skipped.length > 0) parts.push(`${skipped.length} skipped (${reasons.join(", ")})`);
  if (unmapped.length > 0) parts.push(`${plural(unmapped.length, "file")} that no scan.nodes glob maps to a node`);
  out.push(parts.join("; ") + hint);
  return `${out.join("\n")}\n`;
}
