import { compareFindings, makeFinding, type Finding } from "../../findings/finding.js";
import type { RegistryModel } from "../../registry/model.js";
import type { ScanResult } from "../../scan/port-reference.js";
import path from "node:path";
import { createScanContext, type ScanEdit } from "./scan-context.js";
import { accessViolation } from "./rules/access-violation.js";
import { composeLoopback } from "./rules/compose-loopback.js";
import { filesDisagree } from "./rules/files-disagree.js";
import { hostMismatch } from "./rules/host-mismatch.js";
import { unregisteredPort } from "./rules/unregistered-port.js";
import { wrongService } from "./rules/wrong-service.js";

export const SCAN_RULES = [unregisteredPort, wrongService, hostMismatch, accessViolation, composeLoopback, filesDisagree] as const;

/** Compare every port reference of the scan with the registry. */
export function runScanRules(model: RegistryModel, scan: ScanResult, root: string, cwd: string): { findings: Finding[]; edits: ScanEdit[] } {
  const ctx = createScanContext(model, scan.references, root, cwd);
  for (const rule of SCAN_RULES) rule(ctx);
  for (const problem of scan.problems) {
    const file = path.relative(cwd, path.join(root, problem.file)) || problem.file;
    ctx.findings.push(makeFinding("scan-file-problem", "warning", { reason: problem.reason }, { file, ...(problem.line === undefined ? {} : { line: problem.line, column: problem.column ?? 1 }) }));
  }
  return { findings: ctx.findings.sort(compareFindings), edits: ctx.edits };
}
