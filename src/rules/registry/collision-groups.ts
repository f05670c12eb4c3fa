import { collisionKey, type Allocation } from "../../registry/model.js";
import { groupBy } from "../../util/group-by.js";
import type { PathSegment } from "../../registry/source-map.js";

export function collisionGroups(allocations: readonly Allocation[]): Allocation[][] {
  const groups = groupBy(allocations, (a) => collisionKey(a.node, a.transport, a.port));
  return [...groups.values()].filter((group) => group.length > 1);
}

export function subjectOf(allocation: Allocation): PathSegment[] {
  return ["services", allocation.serviceIndex];
}

/** A huge pile-up on one port stays one readable finding. */
const SHOWN = 8;

export function ownerNames(group: readonly Allocation[]): string[] {
  const names = group.slice(0, SHOWN).map((a) => a.label);
  return group.length > SHOWN ? [...names, `and ${group.length - SHOWN} more`] : names;
}

export function relatedPaths(others: readonly Allocation[]): PathSegment[][] {
  return others.slice(0, SHOWN).map((a) => a.path);
}
