import type { Paint, Style } from "../render/paint.js";
import { formatLocation, SEVERITIES, type Finding, type Severity } from "../findings/finding.js";
import { messages } from "../findings/messages.js";
import { countBySeverity, plural, type Reporter } from "./report.js";

const heading: Record<Severity, string> = { error: "errors", warning: "warnings", info: "info" };

function colour(paint: Paint, severity: Severity): Style {
  return severity === "error" ? paint.red : severity === "warning" ? paint.yellow : paint.blue;
}

export const textReporter: Reporter = (report, { paint, explain }) => {
  const out: string[] = [];
  for (const severity of SEVERITIES) {
    const group = report.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push(colour(paint, severity).bold(`${heading[severity]} (${group.length})`));
    for (const finding of group) out.push(...findingLines(finding, paint, explain));
    out.push("");
  }
  const { errors, warnings, infos } = countBySeverity(report.findings);
  if (report.registry === null) {
    out.push(paint.red(`${report.command}: the registry could not be read (${plural(errors, "problem")})`));
    return `${out.join("\n")}\n`;
  }
  const r = report.registry;
  const counts = `${plural(errors, "error")}, ${plural(warnings, "warning")}, ${infos} info`;
  const scope = `${plural(r.services, "service")} (${plural(r.allocations, "port")}), ${plural(r.reservations, "reservation")}, ${plural(r.nodes, "node")}`;
  const excepted = report.excepted.length === 0 ? "" : `; ${plural(report.excepted.length, "finding")} covered by declared exceptions`;
  const mark = errors > 0 ? paint.red("✖") : warnings > 0 ? paint.yellow("!") : paint.green("✔");
  out.push(`${mark} ${r.file}: ${counts} in ${scope}${excepted}`);
  return `${out.join("\n")}\n`;
};

function findingLines(finding: Finding, paint: Paint, explain: boolean): string[] {
  const lines = [`  ${paint.bold(formatLocation(finding.location))}  ${colour(paint, finding.severity)(finding.code)}  ${finding.message}`];
  if (finding.location.path !== undefined) lines.push(paint.dim(`      at ${finding.location.path}`));
  for (const related of finding.related ?? []) lines.push(paint.dim(`      see ${formatLocation(related)}${related.path === undefined ? "" : ` (${related.path})`}`));
  if (finding.moreRelated !== undefined) lines.push(paint.dim(`      and ${finding.moreRelated} more`));
  if (finding.fix !== undefined) lines.push(`      ${paint.green("fix:")} ${finding.fix}`);
  if (explain) lines.push(paint.dim(`      rule: ${messages[finding.code].explain}`));
  return lines;
}
