import { renderChange } from "../../render/change-text.js";
import type { Paint } from "../../render/paint.js";
import { lintWords } from "../../words/lint-words.js";
import { moveWords } from "../../words/move-words.js";
import type { MoveResult } from "./move.js";
import type { StaleReference } from "./stale-references.js";

/** The references to an old port, each with what becomes of it: `--write` rewrites it, or why a person must. */
function referencesText(references: readonly StaleReference[], write: boolean, paint: Paint): string {
  const w = moveWords().references;
  if (references.length === 0) return `${paint.green("✔")} ${write ? w.noneLeft : w.none}\n`;
  const lines = references.map((r) => `  ${r.file}:${r.line}  ${r.text}  ${paint.dim(`(${r.certain ? w.rewrites : (r.reason ?? "")})`)}`);
  const certain = references.filter((r) => r.certain).length;
  const hint = !write && certain > 0 ? [paint.dim(w.writeHint(certain))] : [];
  return `${paint.yellow(write ? w.left(references.length) : w.still(references.length))}\n${[...lines, ...hint].join("\n")}\n`;
}

/**
 * ports.yaml's diff and what was done (or the refusals and "nothing was written"); with --write the project's files
 * rewritten, each a diff; the references still using an old port; then the announcement, as `diff` prints it.
 */
export function moveText(result: MoveResult, write: boolean, paint: Paint): string {
  const done = moveWords().moved({ moves: result.changes.map((c) => ({ label: c.label, from: c.from ?? 0, to: c.to ?? 0 })), node: result.plan.node });
  const registry = renderChange(result.plan.refusals, result.edit, done, paint);
  if (result.edit === null) return registry;
  const files = result.fixes.map((f) => `${f.diff}${paint.green("✔")} ${lintWords().fixes.wroteFile(f.file)}\n`);
  return [registry, ...files, referencesText(result.references, write, paint), "\n", result.announcement].join("");
}
