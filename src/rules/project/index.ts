import { compareFindings, makeFinding, type Finding } from "../../findings/finding.js";
import path from "node:path";
import type { ScanContext, ScanEdit } from "../../project/scan-context.js";
import type { ProjectScan } from "../../project/scan-project.js";
import { accessViolation } from "./access-violation.js";
import { composeLoopback } from "./compose-loopback.js";
import { filesDisagree } from "./files-disagree.js";
import { hostMismatch } from "./host-mismatch.js";
import { loopbackBind } from "./loopback-bind.js";
import { movedPort, type MovedPorts } from "./moved-port.js";
import { originNotServed } from "./origin-not-served.js";
import { unknownAddress } from "./unknown-address.js";
import { unregisteredPort } from "./unregistered-port.js";
import { wrongService } from "./wrong-service.js";
import { shownPath } from "../../util/shown-path.js";

export type { MovedPorts } from "./moved-port.js";

export const SCAN_RULES = [unregisteredPort, unknownAddress, wrongService, hostMismatch, accessViolation, originNotServed, composeLoopback, loopbackBind, filesDisagree] as const;

/** Files that could not be scanned are warnings. With `moved` (lint --base), a moved service's old port is named as such. */
export function runScanRules(project: ProjectScan, cwd: string, moved?: MovedPorts): { findings: Finding[]; edits: ScanEdit[] } {
  const ctx = project.context;
  const answered = moved === undefined ? new Set() : movedPort(ctx, moved);
  // The same findings and edits, without the references the moved-port rule answered.
  const rest: ScanContext = answered.size === 0 ? ctx : { ...ctx, references: ctx.references.filter((r) => !answered.has(r)) };
  for (const rule of SCAN_RULES) rule(rest);
  for (const problem of project.scanned.problems) {
    const file = shownPath(path.join(project.root, problem.file), cwd, project.root);
    ctx.findings.push(makeFinding("scan-file-problem", "warning", { reason: problem.reason }, { file, ...(problem.line === undefined ? {} : { line: problem.line, column: problem.column ?? 1 }) }));
  }
  return { findings: ctx.findings.sort(compareFindings), edits: ctx.edits };
}
