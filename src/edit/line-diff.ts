import { maskSecrets } from "../util/mask-secrets.js";

const CONTEXT = 3;

interface Hunk {
  /** Zero-based first line of the changed run in `a` and in `b`, and its length in each. */
  a: number;
  b: number;
  removed: number;
  added: number;
}

/**
 * The changed runs between a common head and tail. Where the middle keeps its line count (a splice within lines),
 * each changed line is compared with its counterpart, so two edits 70 lines apart make two runs, not one.
 */
function changedRuns(a: readonly string[], b: readonly string[]): Hunk[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  if (endA - start !== endB - start) return [{ a: start, b: start, removed: endA - start, added: endB - start }];
  const runs: Hunk[] = [];
  for (let i = start; i < endA; i += 1) {
    if (a[i] === b[i]) continue;
    const last = runs.at(-1);
    if (last !== undefined && last.a + last.removed === i) {
      last.removed += 1;
      last.added += 1;
    } else runs.push({ a: i, b: i, removed: 1, added: 1 });
  }
  return runs;
}

/** The lines of a text; the end of its last line starts none. */
const linesOf = (text: string): string[] => (text.endsWith("\n") ? text.slice(0, -1) : text).split("\n");

/**
 * A unified diff with three lines of context, one hunk per changed region (runs closer than twice the context
 * share one). It is for the screen only, so its lines are masked (util/mask-secrets.ts); the file written keeps
 * its bytes.
 */
export function lineDiff(file: string, before: string, after: string): string {
  if (before === after) return "";
  const a = linesOf(before);
  const b = linesOf(after);
  // A CRLF file's carriage returns stay in the file, not on the screen.
  const shown = (mark: string, line: string | undefined): string => `${mark}${maskSecrets((line ?? "").replace(/\r$/, ""))}`;
  const groups: Hunk[][] = [];
  for (const run of changedRuns(a, b)) {
    const group = groups.at(-1);
    const previous = group?.at(-1);
    if (group !== undefined && previous !== undefined && run.a - (previous.a + previous.removed) <= 2 * CONTEXT) group.push(run);
    else groups.push([run]);
  }
  const lines = [`--- ${file}`, `+++ ${file}`];
  for (const group of groups) {
    const first = group[0];
    const last = group.at(-1);
    if (first === undefined || last === undefined) continue;
    const fromA = Math.max(0, first.a - CONTEXT);
    const fromB = first.b - (first.a - fromA);
    const toA = Math.min(a.length, last.a + last.removed + CONTEXT);
    const toB = last.b + last.added + (toA - (last.a + last.removed));
    lines.push(`@@ -${fromA + 1},${toA - fromA} +${fromB + 1},${toB - fromB} @@`);
    let at = fromA;
    for (const run of group) {
      for (; at < run.a; at += 1) lines.push(shown(" ", a[at]));
      for (let i = run.a; i < run.a + run.removed; i += 1) lines.push(shown("-", a[i]));
      for (let i = run.b; i < run.b + run.added; i += 1) lines.push(shown("+", b[i]));
      at = run.a + run.removed;
    }
    for (; at < toA; at += 1) lines.push(shown(" ", a[at]));
  }
  return `${lines.join("\n")}\n`;
}
