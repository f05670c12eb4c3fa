import type { Code, MessageArgs } from "../findings/messages.js";
import type { Finding, Severity } from "../findings/finding.js";
import type { Catalogue } from "../registry/catalogue.js";
import type { RegistryModel } from "../registry/model.js";
import type { PathSegment } from "../registry/source-map.js";

/** Before it is checked against the exceptions its subjects declare. */
export interface RawFinding {
  finding: Finding;
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
  codes: Partial<Record<Code, Severity>>;
  /** Placement choices only, never broken data. */
  exceptable?: readonly Code[];
  check(context: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
