import { UsageError } from "../../findings/errors.js";
import { applyEdit, type EditResult } from "../../edit/apply-edit.js";
import { removeService } from "../../edit/splice.js";
import { makeFinding, type Finding } from "../../findings/finding.js";
import { didYouMean } from "../../util/did-you-mean.js";
import { openRegistry, type RegistryOptions } from "../../registry/open-registry.js";
import type { LoadedRegistry } from "../../registry/loaded-registry.js";

export interface ChangeResult {
  edit: EditResult | null;
  refusals: Finding[];
  exitCode: number;
}

export function serviceIndex(registry: LoadedRegistry, name: string): number {
  const index = registry.data.services.findIndex((s) => s.name === name);
  if (index >= 0) return index;
  const names = registry.data.services.map((s) => s.name);
  const close = didYouMean(name, names);
  throw new UsageError(`no service "${name}"${close === undefined ? "" : `; did you mean "${close}"?`} Services: ${names.join(", ")}`);
}

export async function release(options: RegistryOptions & { service: string; force?: boolean; dryRun?: boolean }): Promise<ChangeResult> {
  const registry = await openRegistry(options);
  const index = serviceIndex(registry, options.service);
  if (registry.data.services[index]?.locked === true && options.force !== true) {
    const refusal = makeFinding("release-locked", "error", { service: options.service }, registry.source.at(["services", index, "locked"]));
    return { edit: null, refusals: [refusal], exitCode: 1 };
  }
  const edit = await applyEdit(
    registry,
    (current) => {
      serviceIndex(current, options.service);
      return removeService(current.text, options.service);
    },
    { dryRun: options.dryRun === true, fs: options.fs },
  );
  return { edit, refusals: [], exitCode: 0 };
}
