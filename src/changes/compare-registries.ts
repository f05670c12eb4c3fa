import type { Allocation, RegistryModel } from "../registry/model.js";

export interface PortChange {
  service: string;
  label: string;
  environment: string | null;
  node: string;
  /** The node the old port was on; null for a new entry. */
  fromNode: string | null;
  team: string;
  locked: boolean;
  from: number | null;
  to: number | null;
  /** Where the entry is now, or was when removed. */
  path: (string | number)[];
}

const key = (a: Allocation): string => `${a.service.name}\u0000${a.environment ?? ""}`;

export function compareRegistries(before: RegistryModel, after: RegistryModel): PortChange[] {
  const old = new Map(before.allocations.map((a) => [key(a), a]));
  const now = new Map(after.allocations.map((a) => [key(a), a]));
  const changes: PortChange[] = [];
  const describe = (a: Allocation, from: number | null, to: number | null, fromNode: string | null): PortChange => ({
    service: a.service.name,
    label: a.label,
    environment: a.environment ?? null,
    node: a.node,
    fromNode,
    team: a.service.team,
    locked: a.service.locked === true,
    from,
    to,
    path: a.path,
  });
  for (const [k, a] of old) {
    const b = now.get(k);
    if (b === undefined) changes.push(describe(a, a.port, null, a.node));
    else if (b.port !== a.port || b.node !== a.node) changes.push({ ...describe(b, a.port, b.port, a.node), locked: a.service.locked === true || b.service.locked === true });
  }
  for (const [k, b] of now) if (!old.has(k)) changes.push(describe(b, null, b.port, null));
  return changes;
}
