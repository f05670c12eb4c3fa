import type { ExcludedRange } from "../listener.js";

const RANGE_ROW = /^\s*(\d{1,5})\s+(\d{1,5})(?:\s+\*)?\s*$/;

// Data rows are two numbers, optionally followed by `*` (an administered exclusion, which excludes the same); the headers
// are translated on non-English Windows, so rows are matched by shape.
export function parseExcludedRanges(text: string): ExcludedRange[] {
  const ranges: ExcludedRange[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = RANGE_ROW.exec(line);
    if (match === null) continue;
    const from = Number(match[1]);
    const to = Number(match[2]);
    if (from > to || to > 65_535) continue;
    ranges.push({ from, to });
  }
  return ranges;
}
