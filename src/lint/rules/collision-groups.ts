import { collisionKey, type Allocation } from "../../registry/model.js";

/** Allocations that share node, transport and port, in groups of two or more. */
export function collisionGroups(allocations: readonly Allocation[]): Allocation[][] {
  const groups = new Map<string, Allocation[]>();
  for (const allocation of allocations) {
    const key = collisionKey(allocation.node, allocation.transport, allocation.port);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [allocation]);
    else group.push(allocation);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}

export function subjectOf(allocation: Allocation): (string | number)[] {
  return ["services", allocation.serviceIndex];
}
