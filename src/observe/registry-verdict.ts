import type { Allocation, RegistryModel } from "../registry/model.js";
import { portHazard } from "../registry/port-hazards.js";
import type { OperatingSystem, PortRange, Reservation } from "../registry/schema.js";

export interface RangeHit {
  team: string;
  range: PortRange;
}

export interface RegistryVerdict {
  port: number;
  allocations: Allocation[];
  reservations: Reservation[];
  ranges: RangeHit[];
}

export function placingRanges(model: RegistryModel, team?: string): RangeHit[] {
  return Object.entries(model.data.teams)
    .filter(([id]) => team === undefined || id === team)
    .flatMap(([id, t]) => t.ranges.filter((r) => r.summary !== true).map((range) => ({ team: id, range })));
}

export function registryVerdict(model: RegistryModel, port: number): RegistryVerdict {
  return {
    port,
    allocations: model.allocations.filter((a) => a.port === port),
    reservations: (model.data.reservations ?? []).filter((r) => r.port === port),
    ranges: placingRanges(model).filter((h) => port >= h.range.from && port <= h.range.to),
  };
}

export function registryTakenPorts(model: RegistryModel): Set<number> {
  const taken = new Set<number>();
  for (const a of model.allocations) taken.add(a.port);
  for (const r of model.data.reservations ?? []) taken.add(r.port);
  return taken;
}

/**
 * Ascending free ports in the team's placing ranges where base + every offset is free, in range and no poor choice on
 * the node's OS (see portHazard). With `near`, the range holding it comes first: a suggestion stays where the port in
 * question lives (11434 gets 11000s, not the databases range).
 */
export function* registryCandidates(
  model: RegistryModel,
  team: string,
  offsets: readonly number[],
  place: { near?: number | undefined; os?: OperatingSystem | undefined } = {},
): Generator<number> {
  const taken = registryTakenPorts(model);
  const holds = (r: PortRange, p: number): boolean => p >= r.from && p <= r.to;
  const near = place.near;
  const ranges = placingRanges(model, team)
    .map((h) => h.range)
    .sort((a, b) => (near === undefined ? 0 : Number(holds(b, near)) - Number(holds(a, near))) || a.from - b.from);
  const inRange = (p: number): boolean => ranges.some((r) => holds(r, p));
  // Browsers' bad ports are skipped for every service: a suggestion should suit whatever takes it.
  const suitable = (p: number): boolean => inRange(p) && !taken.has(p) && portHazard(p, place.os, true) === null;
  const seen = new Set<number>();
  for (const range of ranges) {
    for (let port = Math.max(1, range.from); port <= Math.min(65535, range.to); port += 1) {
      if (seen.has(port)) continue;
      seen.add(port);
      if (offsets.every((o) => suitable(port + o))) yield port;
    }
  }
}
