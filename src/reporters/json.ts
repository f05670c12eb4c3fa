import type { Finding, Location } from "../findings/finding.js";
import type { RegistrySummary } from "../registry/registry-summary.js";
import { countBySeverity, type Report, type Reporter } from "./report.js";

/**
 * What `sparkport lint --format json` prints, and every command's JSON when bad input stops it
 * (exit 2, registry null). New fields may be added; none is removed within a major version.
 */
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

export function jsonReport(report: Report): JsonReport {
  return {
    tool: "sparkport",
    version: report.version,
    command: report.command,
    registry: report.registry,
    exitCode: report.exitCode,
    summary: { ...countBySeverity(report.findings), excepted: report.excepted.length },
    findings: [...report.findings],
    excepted: report.excepted.map((e) => ({ code: e.finding.code, message: e.finding.message, location: e.finding.location, reason: e.reason })),
  };
}

export const jsonReporter: Reporter = (report) => `${JSON.stringify(jsonReport(report), null, 2)}\n`;
