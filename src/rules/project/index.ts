import { compareFindings, makeFinding, type Finding } from "../../findings/finding.js";
import path from "node:path";
import type { ScanEdit } from "../../project/scan-context.js";
import type { ProjectScan } from "../../project/scan-project.js";
import { accessViolation } from "./access-violation.js";
import { composeLoopback } from "./compose-loopback.js";
import { filesDisagree } from "./files-disagree.js";
import { hostMismatch } from "./host-mismatch.js";
import { originNotServed } from "./origin-not-served.js";
import { unknownAddress } from "./unknown-address.js";
import { unregisteredPort } from "./unregistered-port.js";
import { wrongService } from "./wrong-service.js";

export const SCAN_RULES = [unregisteredPort, unknownAddress, wrongService, hostMismatch, accessViolation, originNotServed, composeLoopback, filesDisagree] as const;

/** Files that could not be scanned are warnings. */
export function runScanRules(project: ProjectScan, cwd: string): { findings: Finding[]; edits: ScanEdit[] } {
  const ctx = project.context;
  for (const rule of SCAN_RULES) rule(ctx);
  for (const problem of project.scanned.problems) {
    const file = path.relative(cwd, path.join(project.root, problem.file)) || problem.file;
    ctx.findings.push(makeFinding("scan-file-problem", "warning", { reason: problem.reason }, { file, ...(problem.line === undefined ? {} : { line: problem.line, column: problem.column ?? 1 }) }));
  }
  return { findings: ctx.findings.sort(compareFindings), edits: ctx.edits };
}
