import type { Finding, Location } from "../findings/finding.js";
import type { RegistrySummary } from "../commands/lint.js";
import { countBySeverity, type Reporter } from "./report.js";

/** The documented shape of `--format json`. New fields may be added; none is removed within a major version. */
export interface JsonReport {
  tool: "sparkport";
  version: string;
  command: string;
  /** Null when the registry could not be loaded (exit code 2). */
  registry: RegistrySummary | null;
  exitCode: number;
  summary: { errors: number; warnings: number; infos: number; excepted: number };
  findings: Finding[];
  /** Findings suppressed by a declared exception, with its reason. */
  excepted: { code: string; message: string; location: Location; reason: string }[];
}

export const jsonReporter: Reporter = (report) => {
  const body: JsonReport = {
    tool: "sparkport",
    version: report.version,
    command: report.command,
    registry: report.registry,
    exitCode: report.exitCode,
    summary: { ...countBySeverity(report.findings), excepted: report.excepted.length },
    findings: [...report.findings],
    excepted: report.excepted.map((e) => ({ code: e.finding.code, message: e.finding.message, location: e.finding.location, reason: e.reason })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
};
