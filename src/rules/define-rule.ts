import type { Code, MessageArgs } from "../findings/messages.js";
import type { Finding, Severity } from "../findings/finding.js";
import type { Catalogue } from "../registry/catalogue.js";
import type { RegistryModel } from "../registry/model.js";
import type { PathSegment } from "../registry/source-map.js";

/** A finding before it is checked against the exceptions its subjects declare. */
export interface RawFinding {
  finding: Finding;
  /** Entries whose declared exceptions may suppress this finding. */
  subjects: PathSegment[][];
}

export interface RuleContext {
  model: RegistryModel;
  catalogue: Catalogue;
  report<C extends Code>(
    code: C,
    args: MessageArgs<C>,
    where: { path: PathSegment[]; subjects?: PathSegment[][]; related?: PathSegment[][] },
  ): void;
}

export interface Rule {
  name: string;
  /** The codes this rule reports, with their default severity. */
  codes: Partial<Record<Code, Severity>>;
  /** Codes an entry may declare an exception for: placement choices, never broken data. */
  exceptable?: readonly Code[];
  check(context: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
