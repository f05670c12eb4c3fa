import type { Paint, Style } from "../render/paint.js";
import { formatLocation, SEVERITIES, type Finding, type Severity } from "../findings/finding.js";
import { messageTable } from "../findings/message-table.js";
import { groupBy } from "../util/group-by.js";
import { reportWords } from "../words/report-words.js";
import { countBySeverity, type Reporter } from "./report.js";

function colour(paint: Paint, severity: Severity): Style {
  return severity === "error" ? paint.red : severity === "warning" ? paint.yellow : paint.blue;
}

export const textReporter: Reporter = (report, { paint, explain }) => {
  const w = reportWords();
  const out: string[] = [];
  for (const severity of SEVERITIES) {
    const group = report.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push(colour(paint, severity).bold(w.heading(severity, group.length)));
    for (const finding of group) out.push(...findingLines(finding, paint, explain));
    out.push("");
  }
  if (report.registry === null) {
    const { errors } = countBySeverity(report.findings);
    // A Markdown file's blocks (docs --write, lint --docs) are the other input that can stop a run.
    const document = report.findings.find((f) => f.code.startsWith("docs-"))?.location.file;
    out.push(paint.red(w.stopped(report.command, document, errors)));
    return `${out.join("\n")}\n`;
  }
  const r = report.registry;
  // The registry's own findings apart from each scanned file's: a clean ports.yaml is not blamed for a script.
  const own = report.findings.filter((f) => f.location.file === r.file);
  const scope = { services: r.services, ports: r.allocations, reservations: r.reservations, nodes: r.nodes };
  out.push(`${mark(paint, own)} ${w.registryLine({ file: r.file, counts: counts(own), ...scope, excepted: report.excepted.length })}`);
  const files = [...groupBy(report.findings.filter((f) => f.location.file !== r.file), (f) => f.location.file)];
  if (files.length > 0) {
    const all = files.flatMap(([, list]) => list);
    const shown = files.slice(0, MAX_FILES).map(([file, list]) => `${file}: ${counts(list, true)}`);
    out.push(`${mark(paint, all)} ${w.filesLine({ files: files.length, counts: counts(all), shown, more: files.length - MAX_FILES })}`);
  }
  return `${out.join("\n")}\n`;
};

/** Files named one by one on the summary line; the rest are counted. */
const MAX_FILES = 5;

/** `1 error, 0 warnings, 0 info`; `brief` leaves out the zeros (`2 errors, 1 info`). */
function counts(findings: readonly Finding[], brief = false): string {
  return reportWords().counts({ ...countBySeverity(findings), brief });
}

function mark(paint: Paint, findings: readonly Finding[]): string {
  const { errors, warnings } = countBySeverity(findings);
  return errors > 0 ? paint.red("✖") : warnings > 0 ? paint.yellow("!") : paint.green("✔");
}

function findingLines(finding: Finding, paint: Paint, explain: boolean): string[] {
  const w = reportWords();
  const lines = [`  ${paint.bold(formatLocation(finding.location))}  ${colour(paint, finding.severity)(finding.code)}  ${finding.message}`];
  if (finding.location.path !== undefined) lines.push(paint.dim(`      ${w.at(finding.location.path)}`));
  for (const related of finding.related ?? []) lines.push(paint.dim(`      ${w.see(`${formatLocation(related)}${related.path === undefined ? "" : ` (${related.path})`}`)}`));
  if (finding.moreRelated !== undefined) lines.push(paint.dim(`      ${w.andMore(finding.moreRelated)}`));
  if (finding.fix !== undefined) lines.push(`      ${paint.green(w.fix)} ${finding.fix}`);
  if (explain) lines.push(paint.dim(`      ${w.rule(messageTable()[finding.code].explain)}`));
  return lines;
}
