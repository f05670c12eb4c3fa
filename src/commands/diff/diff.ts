import { compareRegistries, type PortChange } from "../../changes/compare-registries.js";
import { impactMarkdown, impactsOf, type Impact } from "../../changes/impact.js";
import { registryAtRef } from "../../changes/registry-at-ref.js";
import type { CommandRunner } from "../../io/command-runner.js";
import { scanProject } from "../../project/scan-project.js";
import { buildModel } from "../../registry/model.js";
import { openRegistry, type RegistryOptions } from "../../registry/open-registry.js";
import { diffWords } from "../../words/diff-words.js";

export interface DiffResult {
  ref: string;
  changes: PortChange[];
  impacts: Impact[];
  markdown: string;
}

export async function diff(options: RegistryOptions & { ref: string; runner: CommandRunner }): Promise<DiffResult> {
  const registry = await openRegistry(options);
  const model = buildModel(registry);
  const before = buildModel(await registryAtRef(registry, options.ref, options.runner, "diff"));
  const changes = compareRegistries(before, model);
  const impacts = impactsOf(model, changes, (await scanProject(model, options.cwd, options.fs, options.runner)).context);
  return { ref: options.ref, changes, impacts, markdown: impactMarkdown(model, impacts, changes.filter((c) => c.from === null), diffWords().title(options.ref)) };
}
