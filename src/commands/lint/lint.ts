import path from "node:path";
import type { Finding } from "../../findings/finding.js";
import { exitCodeFor } from "../../findings/exit-code.js";
import { runRules, promoteWarnings, type ExceptedFinding } from "../../rules/run-rules.js";
import { registryRules } from "../../rules/registry/index.js";
import { loadCatalogue } from "../../registry/catalogue.js";
import { buildModel } from "../../registry/model.js";
import { summariseRegistry, type RegistrySummary } from "../../registry/registry-summary.js";
import { changeFindings, impactsOf } from "../../changes/impact.js";
import { compareRegistries } from "../../changes/compare-registries.js";
import { registryAtRef } from "../../changes/registry-at-ref.js";
import { nodeCommandRunner, type CommandRunner } from "../../io/command-runner.js";
import { runScanRules } from "../../rules/project/index.js";
import { scanProject, type ScanSummary } from "../../project/scan-project.js";
import { applyScanEdits, type FileFix } from "../../project/apply-scan-edits.js";
import { repositoryRoot } from "./repository-root.js";
import { openRegistry, type RegistryOptions } from "../../registry/open-registry.js";

export interface LintOptions extends RegistryOptions {
  strict?: boolean;
  scan?: boolean;
  /** The change protocol: compare with the registry at this git ref. */
  base?: string | undefined;
  /** Computes the mechanical fixes; writes them only with `write`. */
  fix?: boolean;
  write?: boolean;
  runner?: CommandRunner;
  docs?: string | undefined;
}

/** `--format json` prints it as a JsonReport (reporters/json.ts). */
export interface LintResult {
  registry: RegistrySummary;
  findings: Finding[];
  excepted: ExceptedFinding[];
  /** With --fix: per file, the certain edits and the suggestions; with --write, `findings` are those left after writing. */
  fixes: FileFix[];
  /** With --docs: the file's blocks as `docs --write` would change them, as a diff; "" when they match. */
  docsDiff: string;
  /** What the project scan read and left out; null with --no-scan. */
  scan: ScanSummary | null;
  /** `--format github` paths are relative to it: GITHUB_WORKSPACE, else the git top level, else the registry's folder. */
  annotationRoot: string;
  /** What the findings' paths are relative to. */
  cwd: string;
  exitCode: number;
}

export async function lint(options: LintOptions): Promise<LintResult> {
  const registry = await openRegistry(options);
  const model = buildModel(registry);
  const run = runRules(model, loadCatalogue(), registryRules);
  const runner = options.runner ?? nodeCommandRunner;
  let findings = run.findings;
  // The change protocol's moves are known before the scan is judged, so a moved service's old port is named as such.
  const changes = options.base === undefined ? undefined : compareRegistries(buildModel(await registryAtRef(registry, options.base, runner)), model);
  const moved = options.base === undefined || changes === undefined ? undefined : { ref: options.base, changes };
  let project = options.scan === false ? undefined : await scanProject(model, options.cwd, options.fs, options.runner);
  let fixes: FileFix[] = [];
  if (project !== undefined) {
    let scan = runScanRules(project, options.cwd, moved);
    if (options.fix === true) {
      fixes = await applyScanEdits(scan.edits, project, options.cwd, options.write === true, options.fs);
      // What the fixes leave: the files are scanned and judged again.
      if (fixes.some((f) => f.written)) {
        project = await scanProject(model, options.cwd, options.fs, options.runner);
        scan = runScanRules(project, options.cwd, moved);
      }
    }
    findings = [...findings, ...scan.findings];
  }
  const context = project?.context;
  if (moved !== undefined) findings = [...findings, ...changeFindings(model, impactsOf(model, moved.changes, context), moved.ref, context)];
  let docsDiff = "";
  if (options.docs !== undefined) {
    const { checkDocs } = await import("./check-docs.js");
    const checked = await checkDocs(model, options.docs, options.cwd, options.fs);
    findings = [...findings, ...checked.findings];
    docsDiff = checked.diff;
  }
  if (options.strict === true) findings = promoteWarnings(findings);
  return {
    registry: summariseRegistry(model),
    findings,
    excepted: run.excepted,
    fixes,
    docsDiff,
    scan: project?.summary ?? null,
    annotationRoot: await repositoryRoot(options.processEnv, path.dirname(registry.absolutePath), options.fs),
    cwd: options.cwd,
    exitCode: exitCodeFor(findings),
  };
}
