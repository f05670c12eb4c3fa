import { maskSecrets } from "../util/mask-secrets.js";

/**
 * A unified diff of one changed region (sparkport's edits change one place), with three lines of context. It is
 * for the screen only, so its lines are masked (util/mask-secrets.ts); the file written keeps its bytes.
 */
export function lineDiff(file: string, before: string, after: string): string {
  if (before === after) return "";
  const a = before.split("\n");
  const b = after.split("\n");
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const from = Math.max(0, start - 3);
  const toA = Math.min(a.length, endA + 3);
  const toB = Math.min(b.length, endB + 3);
  const lines = [`--- ${file}`, `+++ ${file}`, `@@ -${from + 1},${toA - from} +${from + 1},${toB - from} @@`];
  const shown = (mark: string, line: string | undefined): string => `${mark}${maskSecrets(line ?? "")}`;
  for (let i = from; i < start; i += 1) lines.push(shown(" ", a[i]));
  for (let i = start; i < endA; i += 1) lines.push(shown("-", a[i]));
  for (let i = start; i < endB; i += 1) lines.push(shown("+", b[i]));
  for (let i = endA; i < toA; i += 1) lines.push(shown(" ", a[i]));
  return `${lines.join("\n")}\n`;
}
