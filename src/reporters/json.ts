import type { Finding, Location } from "../findings/finding.js";
import type { RegistrySummary } from "../registry/registry-summary.js";
import type { ScanSummary } from "../project/scan-project.js";
import { countBySeverity, type Report, type Reporter } from "./report.js";

/** Also every command's JSON when bad input stops it (exit 2, registry null). Fields may be added, none removed within a major. */
export interface JsonReport {
  tool: "sparkport";
  version: string;
  command: string;
  registry: RegistrySummary | null;
  exitCode: number;
  summary: { errors: number; warnings: number; infos: number; excepted: number };
  findings: Finding[];
  excepted: { code: string; message: string; location: Location; reason: string }[];
  /** lint: the files the project scan read, skipped (with the reason) and could not map to a node; null with --no-scan. */
  scan?: ScanSummary | null;
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
    ...(report.scan === undefined ? {} : { scan: report.scan }),
  };
}

export const jsonReporter: Reporter = (report) => `${JSON.stringify(jsonReport(report), null, 2)}\n`;
