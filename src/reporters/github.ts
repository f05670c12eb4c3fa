import type { Finding } from "../findings/finding.js";
import { plural } from "../util/plural.js";
import { countBySeverity, type Report } from "./report.js";

// Workflow commands: data escapes %, CR and LF; properties also : and ,.
const escapeData = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

const command: Record<Finding["severity"], string> = { error: "error", warning: "warning", info: "notice" };

function annotation(finding: Finding): string {
  const props = [`file=${escapeProperty(finding.location.file)}`];
  if (finding.location.line !== undefined) props.push(`line=${finding.location.line}`);
  if (finding.location.column !== undefined) props.push(`col=${finding.location.column}`);
  props.push(`title=${escapeProperty(`sparkport ${finding.code}`)}`);
  const text = finding.fix === undefined ? finding.message : `${finding.message}\nfix: ${finding.fix}`;
  return `::${command[finding.severity]} ${props.join(",")}::${escapeData(text)}`;
}

/** Any command's findings will do. */
export const githubReporter = (report: Pick<Report, "command" | "findings">): string => {
  const lines = report.findings.map(annotation);
  const { errors, warnings, infos } = countBySeverity(report.findings);
  lines.push(`sparkport ${report.command}: ${plural(errors, "error")}, ${plural(warnings, "warning")}, ${infos} info`);
  return `${lines.join("\n")}\n`;
};
