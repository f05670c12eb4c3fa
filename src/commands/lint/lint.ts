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
import { checkDocs } from "./check-docs.js";
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
  /** What the project scan read and left out; null with --no-scan. */
  scan: ScanSummary | null;
  exitCode: number;
}

export async function lint(options: LintOptions): Promise<LintResult> {
  const registry = await openRegistry(options);
  const model = buildModel(registry);
  const run = runRules(model, loadCatalogue(), registryRules);
  let findings = run.findings;
  let project = options.scan === false ? undefined : await scanProject(model, options.cwd, options.fs, options.runner);
  let fixes: FileFix[] = [];
  if (project !== undefined) {
    let scan = runScanRules(project, options.cwd);
    if (options.fix === true) {
      fixes = await applyScanEdits(scan.edits, project, options.cwd, options.write === true, options.fs);
      // What the fixes leave: the files are scanned and judged again.
      if (fixes.some((f) => f.written)) {
        project = await scanProject(model, options.cwd, options.fs, options.runner);
        scan = runScanRules(project, options.cwd);
      }
    }
    findings = [...findings, ...scan.findings];
  }
  const context = project?.context;
  if (options.base !== undefined) {
    const before = buildModel(await registryAtRef(registry, options.base, options.runner ?? nodeCommandRunner));
    const impacts = impactsOf(model, compareRegistries(before, model), context);
    findings = [...findings, ...changeFindings(model, impacts, options.base, context)];
  }
  if (options.docs !== undefined) findings = [...findings, ...(await checkDocs(model, options.docs, options.cwd, options.fs))];
  if (options.strict === true) findings = promoteWarnings(findings);
  return {
    registry: summariseRegistry(model),
    findings,
    excepted: run.excepted,
    fixes,
    scan: project?.summary ?? null,
    exitCode: exitCodeFor(findings),
  };
}
