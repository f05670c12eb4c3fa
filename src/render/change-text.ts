import type { Paint } from "./paint.js";
import type { EditResult } from "../edit/apply-edit.js";
import type { Finding } from "../findings/finding.js";
import { quoteArg } from "../command-line/quote-command-line.js";
import { changeWords } from "../words/change-words.js";
import { findingWords } from "../words/finding-words.js";

/** `done`: what the command did, in the run's language (words/change-words.ts). */
export function renderChange(refusals: readonly Finding[], edit: EditResult | null, done: string, paint: Paint): string {
  const w = changeWords();
  if (refusals.length > 0) {
    const fix = findingWords().fix;
    const lines = refusals.flatMap((f) => [`${paint.red("✖")} ${f.code}  ${f.message}`, ...(f.fix === undefined ? [] : [`    ${paint.green(fix)} ${f.fix}`])]);
    return `${lines.join("\n")}\n${w.nothingWritten}\n`;
  }
  if (edit === null) return "";
  const diff = edit.diff
    .split("\n")
    .map((l) => (l.startsWith("+") && !l.startsWith("+++") ? paint.green(l) : l.startsWith("-") && !l.startsWith("---") ? paint.red(l) : l))
    .join("\n");
  return `${diff}${edit.written ? `${paint.green("✔")} ${w.wrote({ done, file: edit.file })}` : w.dryRun(edit.file)}\n`;
}

/** Quoted for a POSIX shell. */
export function ghCommand(requestArgs: readonly string[], title: string): string {
  const sparkport = ["sparkport", ...requestArgs].map((a) => quoteArg(a)).join(" ");
  return `${sparkport} | gh issue create --title ${quoteArg(title)} --body-file -`;
}
