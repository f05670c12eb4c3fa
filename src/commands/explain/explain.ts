import { UsageError } from "../../findings/errors.js";
import { messageTable } from "../../findings/message-table.js";
import type { Code } from "../../findings/messages.js";
import type { Severity } from "../../findings/finding.js";
import { didYouMean } from "../../util/did-you-mean.js";
import { commandInputWords } from "../../words/command-input-words.js";
import { unknownNameWords } from "../../words/unknown-name-words.js";
import { CODE_GROUPS, CODE_TABLE, type CodeGroup } from "./code-table.js";

export interface RuleDescription {
  code: Code;
  severity: Severity;
  /** Who prints it: `registry` for lint's rules on ports.yaml, `scan`, `doctor`, ... (CODE_GROUPS). */
  group: CodeGroup;
  explain: string;
}


/** Every code any command prints, grouped by who prints it; with `code`, that one. */
export function explain(code?: string): RuleDescription[] {
  const texts = messageTable();
  const all = (Object.keys(CODE_TABLE) as Code[])
    .map((c): RuleDescription => ({ code: c, ...CODE_TABLE[c], explain: texts[c].explain }))
    .sort((a, b) => CODE_GROUPS.indexOf(a.group) - CODE_GROUPS.indexOf(b.group));
  if (code === undefined) return all;
  const found = all.filter((r) => r.code === code);
  if (found.length > 0) return found;
  const suggestion = didYouMean(code, all.map((r) => r.code));
  const w = commandInputWords();
  throw new UsageError(`${w.noCode(code)}${unknownNameWords().end(suggestion)} ${w.listCodes}`);
}

export interface ExplainResult {
  rules: RuleDescription[];
}

export function explainRules(code?: string): ExplainResult {
  return { rules: explain(code) };
}
