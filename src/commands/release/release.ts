import { UsageError } from "../../findings/errors.js";
import { applyEdit, type EditResult } from "../../edit/apply-edit.js";
import { removeListItem } from "../../edit/splice.js";
import { makeFinding, type Finding } from "../../findings/finding.js";
import { unknownNameText } from "../../util/unknown-name.js";
import { unknownNameWords } from "../../words/unknown-name-words.js";
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
  const w = unknownNameWords();
  throw new UsageError(unknownNameText(w.noService(name), name, registry.data.services.map((s) => s.name), w.known("service")));
}

/** The list NAME is in: a service, else a reservation (released when its plan is dropped); bad input otherwise. */
function listOf(registry: LoadedRegistry, name: string): "services" | "reservations" {
  if (registry.data.services.some((s) => s.name === name)) return "services";
  if ((registry.data.reservations ?? []).some((r) => r.name === name)) return "reservations";
  const names = [...registry.data.services.map((s) => s.name), ...(registry.data.reservations ?? []).map((r) => r.name)];
  const w = unknownNameWords();
  throw new UsageError(unknownNameText(w.noServiceOrReservation(name), name, names, w.servicesAndReservations));
}

export async function release(options: RegistryOptions & { service: string; force?: boolean; dryRun?: boolean }): Promise<ChangeResult> {
  const registry = await openRegistry(options);
  const list = listOf(registry, options.service);
  const index = registry.data.services.findIndex((s) => s.name === options.service);
  if (list === "services" && registry.data.services[index]?.locked === true && options.force !== true) {
    const refusal = makeFinding("release-locked", "error", { service: options.service }, registry.source.at(["services", index, "locked"]));
    return { edit: null, refusals: [refusal], exitCode: 1 };
  }
  const edit = await applyEdit(
    registry,
    (current) => removeListItem(current.text, listOf(current, options.service), options.service),
    { dryRun: options.dryRun === true, fs: options.fs },
  );
  return { edit, refusals: [], exitCode: 0 };
}
