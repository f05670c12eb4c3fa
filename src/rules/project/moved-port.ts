import type { PortChange } from "../../changes/compare-registries.js";
import type { PortReference } from "../../project/port-reference.js";
import { refText, type ScanContext } from "../../project/scan-context.js";
import { allocationOf, editCertainty } from "../../project/edit-certainty.js";

/** `lint --base REF`: the ref and the ports that moved since. */
export interface MovedPorts {
  ref: string;
  changes: readonly PortChange[];
}

/**
 * A reference to a port its service left since the base ref, on the node it left, where nothing holds it now: the
 * service's old port, with the new one as the fix (certain by the same test as every other edit). Returns the
 * references it answered, which no rule calls unregistered.
 */
export function movedPort(ctx: ScanContext, moved: MovedPorts): Set<PortReference> {
  const answered = new Set<PortReference>();
  const moves = moved.changes.filter((c) => c.from !== null && c.to !== null && c.fromNode !== null);
  if (moves.length === 0) return answered;
  for (const ref of ctx.references) {
    if (ref.role === "origin" || ctx.external(ref)) continue;
    const node = ctx.targetNode(ref);
    if (node === undefined || ctx.allocationsAt(node, ref.port).length > 0) continue;
    const change = moves.find((c) => c.from === ref.port && c.fromNode === node);
    if (change?.to === null || change?.to === undefined) continue;
    answered.add(ref);
    // Moved to another node, the host changes too: that is a person's edit.
    const target = change.node === node ? allocationOf(ctx, node, change.to, change.service) : undefined;
    const fix = target === undefined ? undefined : { ref, kind: "port" as const, port: change.to, certainty: editCertainty(ctx, ref, target) };
    const now = change.node === node ? { port: change.to } : { port: change.to, node: change.node };
    ctx.report("scan-moved-port", "error", { text: refText(ref), port: ref.port, owner: change.label, now, ref: moved.ref }, ref, undefined, fix, {
      port: ref.port,
      ...(ref.host === undefined ? {} : { host: ref.host }),
      node,
      service: change.service,
      suggestion: String(change.to),
    });
  }
  return answered;
}
