import type { Paint } from "../render/paint.js";
import type { Finding } from "../findings/finding.js";
import type { ExceptedFinding } from "../rules/run-rules.js";
import type { RegistrySummary } from "../registry/registry-summary.js";
import type { ScanSummary } from "../project/scan-project.js";

export interface Report {
  command: string;
  version: string;
  registry: RegistrySummary | null;
  findings: readonly Finding[];
  excepted: readonly ExceptedFinding[];
  /** lint: what the project scan read and left out (null with --no-scan). */
  scan?: ScanSummary | null;
  exitCode: number;
}

export interface ReporterOptions {
  paint: Paint;
  explain: boolean;
}

export type Reporter = (report: Report, options: ReporterOptions) => string;

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === "error") errors += 1;
    else if (f.severity === "warning") warnings += 1;
    else infos += 1;
  }
  return { errors, warnings, infos };
}
