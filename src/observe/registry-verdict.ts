import type { Allocation, RegistryModel } from "../registry/model.js";
import type { PortRange, Reservation } from "../registry/schema.js";

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

/** Ascending free ports in the team's placing ranges where base + every offset is free and in range too. */
export function* registryCandidates(model: RegistryModel, team: string, offsets: readonly number[]): Generator<number> {
  const taken = registryTakenPorts(model);
  const ranges = placingRanges(model, team)
    .map((h) => h.range)
    .sort((a, b) => a.from - b.from);
  const inRange = (p: number): boolean => ranges.some((r) => p >= r.from && p <= r.to);
  const seen = new Set<number>();
  for (const range of ranges) {
    for (let port = Math.max(1, range.from); port <= Math.min(65535, range.to); port += 1) {
      if (seen.has(port)) continue;
      seen.add(port);
      if (offsets.every((o) => inRange(port + o) && !taken.has(port + o))) yield port;
    }
  }
}
