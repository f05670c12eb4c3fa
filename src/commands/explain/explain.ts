import { UsageError } from "../../findings/errors.js";
import { isCode, messages, type Code } from "../../findings/messages.js";
import { registryRules } from "../../rules/registry/index.js";
import type { Severity } from "../../findings/finding.js";
import { didYouMean } from "../../util/did-you-mean.js";

export interface RuleDescription {
  code: Code;
  severity: Severity;
  explain: string;
}

export function explain(code?: string): RuleDescription[] {
  const all: RuleDescription[] = registryRules.flatMap((rule) =>
    Object.entries(rule.codes).flatMap(([c, severity]) => (isCode(c) ? [{ code: c, severity, explain: messages[c].explain }] : [])),
  );
  all.push(
    { code: "unused-exception", severity: "warning", explain: messages["unused-exception"].explain },
    { code: "exception-not-allowed", severity: "error", explain: messages["exception-not-allowed"].explain },
    { code: "docs-out-of-date", severity: "error", explain: messages["docs-out-of-date"].explain },
  );
  if (code === undefined) return all;
  const found = all.filter((r) => r.code === code);
  if (found.length > 0) return found;
  const suggestion = didYouMean(code, all.map((r) => r.code));
  throw new UsageError(`no rule "${code}"${suggestion === undefined ? "." : `; did you mean "${suggestion}"?`} Run \`sparkport explain\` for the list.`);
}

export interface ExplainResult {
  rules: RuleDescription[];
}

export function explainRules(code?: string): ExplainResult {
  return { rules: explain(code) };
}
