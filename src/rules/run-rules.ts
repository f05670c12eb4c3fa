import { compareFindings, makeFinding, type Finding } from "../findings/finding.js";
import { groupBy } from "../util/group-by.js";
import { isCode } from "../findings/messages.js";
import type { Catalogue } from "../registry/catalogue.js";
import type { RegistryModel } from "../registry/model.js";
import type { PathSegment } from "../registry/source-map.js";
import { didYouMean } from "../util/did-you-mean.js";
import type { RawFinding, Rule, RuleContext } from "./define-rule.js";

export interface ExceptedFinding {
  finding: Finding;
  reason: string;
}

export interface RuleRun {
  findings: Finding[];
  excepted: ExceptedFinding[];
}

interface DeclaredException {
  rule: string;
  reason: string;
  subject: PathSegment[];
  path: PathSegment[];
  owner: string;
  used: boolean;
}

const subjectKey = (path: readonly PathSegment[]): string => JSON.stringify(path);

function declaredExceptions(model: RegistryModel): DeclaredException[] {
  const out: DeclaredException[] = [];
  const collect = (subject: PathSegment[], owner: string, list: { rule: string; reason: string }[] | undefined): void => {
    (list ?? []).forEach((e, i) => out.push({ ...e, subject, path: [...subject, "exceptions", i], owner, used: false }));
  };
  const { data } = model;
  for (const [name, node] of Object.entries(data.nodes)) collect(["nodes", name], `node ${name}`, node.exceptions);
  for (const [team, t] of Object.entries(data.teams)) {
    t.ranges.forEach((r, i) => collect(["teams", team, "ranges", i], `range ${team}.${r.name}`, r.exceptions));
  }
  data.services.forEach((s, i) => collect(["services", i], s.label ?? s.name, s.exceptions));
  (data.reservations ?? []).forEach((r, i) => collect(["reservations", i], `reservation ${r.label ?? r.name}`, r.exceptions));
  return out;
}

/** Exceptions that cover nothing are reported, so none outlives its reason. */
export function runRules(model: RegistryModel, catalogue: Catalogue, rules: readonly Rule[]): RuleRun {
  const raw: RawFinding[] = [];
  for (const rule of rules) {
    const context: RuleContext = {
      model,
      catalogue,
      report(code, args, where) {
        const severity = rule.codes[code] ?? "error";
        const finding = makeFinding(code, severity, args, model.at(where.path), (where.related ?? []).map((p) => model.at(p)));
        raw.push({ finding, subjects: where.subjects ?? [] });
      },
    };
    rule.check(context);
  }

  const exceptions = declaredExceptions(model);
  const exceptable = new Set<string>(rules.flatMap((rule) => rule.exceptable ?? []));
  const bySubject = groupBy(exceptions, (e) => subjectKey(e.subject));

  const findings: Finding[] = [];
  const excepted: ExceptedFinding[] = [];
  for (const { finding, subjects } of raw) {
    const covering =
      bySubject.size === 0 || !exceptable.has(finding.code)
        ? []
        : subjects.flatMap((s) => bySubject.get(subjectKey(s)) ?? []).filter((e) => e.rule === finding.code);
    if (covering.length === 0) {
      findings.push(finding);
      continue;
    }
    for (const e of covering) e.used = true;
    excepted.push({ finding, reason: covering.map((e) => e.reason).join("; ") });
  }

  const codes = rules.flatMap((rule) => Object.keys(rule.codes));
  for (const e of exceptions) {
    if (isCode(e.rule) && codes.includes(e.rule) && !exceptable.has(e.rule)) {
      findings.push(
        makeFinding("exception-not-allowed", "error", { owner: e.owner, rule: e.rule, allowed: [...exceptable] }, model.at([...e.path, "rule"])),
      );
      continue;
    }
    if (e.used) continue;
    const suggestion = isCode(e.rule) ? undefined : didYouMean(e.rule, codes);
    const args = { owner: e.owner, rule: e.rule };
    findings.push(
      makeFinding("unused-exception", "warning", suggestion === undefined ? args : { ...args, suggestion }, model.at([...e.path, "rule"])),
    );
  }

  findings.sort(compareFindings);
  return { findings, excepted };
}

export function promoteWarnings(findings: readonly Finding[]): Finding[] {
  return findings.map((f) => (f.severity === "warning" ? { ...f, severity: "error" } : f));
}
