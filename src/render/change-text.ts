import type { Paint } from "./paint.js";
import type { EditResult } from "../edit/apply-edit.js";
import type { Finding } from "../findings/finding.js";
import { quoteArg } from "../command-line/quote-command-line.js";

export function renderChange(refusals: readonly Finding[], edit: EditResult | null, done: string, paint: Paint): string {
  if (refusals.length > 0) {
    const lines = refusals.flatMap((f) => [`${paint.red("✖")} ${f.code}  ${f.message}`, ...(f.fix === undefined ? [] : [`    ${paint.green("fix:")} ${f.fix}`])]);
    return `${lines.join("\n")}\nnothing was written\n`;
  }
  if (edit === null) return "";
  const diff = edit.diff
    .split("\n")
    .map((l) => (l.startsWith("+") && !l.startsWith("+++") ? paint.green(l) : l.startsWith("-") && !l.startsWith("---") ? paint.red(l) : l))
    .join("\n");
  return `${diff}${edit.written ? `${paint.green("✔")} ${done}; wrote ${edit.file}` : `dry run: ${edit.file} unchanged`}\n`;
}

/** Quoted for a POSIX shell. */
export function ghCommand(requestArgs: readonly string[], title: string): string {
  const sparkport = ["sparkport", ...requestArgs].map((a) => quoteArg(a)).join(" ");
  return `${sparkport} | gh issue create --title ${quoteArg(title)} --body-file -`;
}
