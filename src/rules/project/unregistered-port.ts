import { referenceNames, refText, type ScanContext } from "../../project/scan-context.js";
import { editCertainty } from "../../project/edit-certainty.js";
import { namedOwnerElsewhere } from "./owner-elsewhere.js";

/** Principle 4: register before use, judged on the node the reference's host names. */
export function unregisteredPort(ctx: ScanContext): void {
  for (const ref of ctx.references) {
    if (ref.role === "origin" || ctx.external(ref)) continue;
    const node = ctx.targetNode(ref);
    const base = { port: ref.port, ...(ref.host === undefined ? {} : { host: ref.host }) };
    // A host-less or loopback port in a file no glob maps belongs to no node: nothing to judge it on.
    if (node === undefined) continue;
    if (ctx.allocationsAt(node, ref.port).length > 0) continue;
    // The reference names the service that holds the port elsewhere: host-mismatch's finding.
    if (ref.host !== undefined && namedOwnerElsewhere(ctx, ref, node) !== undefined) continue;
    const reservation = ctx.reservationAt(node, ref.port);
    if (reservation !== undefined) {
      const owner = reservation.label ?? reservation.name;
      ctx.report("scan-reserved-port", "info", { text: refText(ref), port: ref.port, node, owner }, ref, undefined, undefined, { ...base, node, service: reservation.name });
      continue;
    }
    // Only a service the reference itself names is mentioned: a bare number names nobody. On the same node, its
    // registered port is the fix (COMFYUI_URL on 8189 where ComfyUI holds 8188).
    const named = ctx.model.allocations.find((a) => a.port === a.service.port && referenceNames(ref, a.service));
    const hint = named === undefined ? {} : { named: { label: named.label, node: named.node, port: named.port } };
    const fixable = named !== undefined && named.node === node ? named : undefined;
    const fix = fixable === undefined ? undefined : { ref, kind: "port" as const, port: fixable.port, certainty: editCertainty(ctx, ref, fixable) };
    ctx.report("scan-unregistered-port", "error", { port: ref.port, node, text: refText(ref), ...hint, ...(fixable === undefined ? {} : { registered: `${fixable.port} (${fixable.label})` }) }, ref, undefined, fix, {
      ...base,
      node,
      ...(named === undefined ? {} : { service: named.service.name }),
      ...(fixable === undefined ? {} : { suggestion: String(fixable.port) }),
    });
  }
}
