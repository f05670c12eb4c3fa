import type { Finding } from "../findings/finding.js";
import { exitCodeFor } from "../findings/exit-code.js";
import { runRules, promoteWarnings, type ExceptedFinding } from "../lint/run-rules.js";
import { registryRules } from "../lint/rules/index.js";
import { loadCatalogue } from "../registry/catalogue.js";
import { buildModel } from "../registry/model.js";
import { checkDocs } from "./check-docs.js";
import { openRegistry, type RegistryOptions } from "./open-registry.js";

export interface LintOptions extends RegistryOptions {
  strict?: boolean;
  /** Compare this Markdown file with what `docs` renders. */
  docs?: string | undefined;
}

export interface RegistrySummary {
  file: string;
  nodes: number;
  services: number;
  /** Ports occupied, environments included. */
  allocations: number;
  reservations: number;
}

export interface LintResult {
  registry: RegistrySummary;
  findings: Finding[];
  excepted: ExceptedFinding[];
  exitCode: number;
}

export async function lint(options: LintOptions): Promise<LintResult> {
  const registry = await openRegistry(options);
  const model = buildModel(registry);
  const run = runRules(model, loadCatalogue(), registryRules);
  let findings = run.findings;
  if (options.docs !== undefined) findings = [...findings, ...(await checkDocs(model, options.docs, options.cwd, options.fs))];
  if (options.strict === true) findings = promoteWarnings(findings);
  return {
    registry: {
      file: registry.file,
      nodes: Object.keys(model.data.nodes).length,
      services: model.data.services.length,
      allocations: model.allocations.length,
      reservations: model.data.reservations?.length ?? 0,
    },
    findings,
    excepted: run.excepted,
    exitCode: exitCodeFor(findings),
  };
}
