import { UsageError } from "../findings/errors.js";
import { applyEdit, type EditResult } from "../edit/apply-edit.js";
import { insertKey, removeService, replaceScalar, setThroughDocument } from "../edit/splice.js";
import { makeFinding, type Finding } from "../findings/finding.js";
import { SERVICE_STATUSES } from "../registry/schema.js";
import { didYouMean } from "../util/did-you-mean.js";
import { openRegistry, type RegistryOptions } from "../registry/open-registry.js";
import type { LoadedRegistry } from "../registry/loaded-registry.js";

export interface ChangeResult {
  edit: EditResult | null;
  refusals: Finding[];
  exitCode: number;
}

function serviceIndex(registry: LoadedRegistry, name: string): number {
  const index = registry.data.services.findIndex((s) => s.name === name);
  if (index >= 0) return index;
  const names = registry.data.services.map((s) => s.name);
  const close = didYouMean(name, names);
  throw new UsageError(`no service "${name}"${close === undefined ? "" : `; did you mean "${close}"?`} Services: ${names.join(", ")}`);
}

/** `sparkport release <service>`: remove an allocation; a locked one only with --force. */
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
    { dryRun: options.dryRun === true },
  );
  return { edit, refusals: [], exitCode: 0 };
}

/** `sparkport set-status <service>[.<env>] <status>`: update the declared status. */
export async function setStatus(options: RegistryOptions & { target: string; status: string; dryRun?: boolean }): Promise<ChangeResult> {
  if (!SERVICE_STATUSES.some((s) => s === options.status)) {
    throw new UsageError(`unknown status "${options.status}"; expected one of: ${SERVICE_STATUSES.join(", ")}`);
  }
  const registry = await openRegistry(options);
  // A service may have a dot in its name: the exact name wins over "service.environment".
  const exact = registry.data.services.some((s) => s.name === options.target);
  const dot = options.target.lastIndexOf(".");
  const name = exact || dot < 0 ? options.target : options.target.slice(0, dot);
  const env = exact || dot < 0 ? undefined : options.target.slice(dot + 1);
  const index = serviceIndex(registry, name);
  if (env !== undefined && !Object.hasOwn(registry.data.services[index]?.environments ?? {}, env)) {
    throw new UsageError(`${name} has no environment "${env}"`);
  }
  const edit = await applyEdit(
    registry,
    (current) => {
      const at = serviceIndex(current, name);
      const fresh = env === undefined ? ["services", at, "status"] : ["services", at, "environments", env, "status"];
      return (
        replaceScalar(current.text, fresh, options.status) ??
        insertKey(current.text, fresh.slice(0, -1), "status", options.status) ??
        setThroughDocument(current.text, fresh, options.status)
      );
    },
    { dryRun: options.dryRun === true },
  );
  return { edit, refusals: [], exitCode: 0 };
}
