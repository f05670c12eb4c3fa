import { refText, type ScanContext } from "../../project/scan-context.js";

/** Principle 4: register before use. */
export function unregisteredPort(ctx: ScanContext): void {
  const reserved = new Set((ctx.model.data.reservations ?? []).map((r) => r.port));
  for (const ref of ctx.references) {
    if (ctx.external(ref) || reserved.has(ref.port)) continue;
    const node = ctx.targetNode(ref);
    if (ctx.allocationsAt(node, ref.port).length > 0) continue;
    // A host-less port in a file no node claims: any node's allocation will do; a node's address with another node's port
    // is host-mismatch's finding.
    if (ctx.allocationsAt(undefined, ref.port).length > 0 && (node === undefined || ref.host !== undefined)) continue;
    ctx.report("scan-unregistered-port", "error", { port: ref.port, where: node === undefined ? "in the registry" : `on ${node}`, text: refText(ref) }, ref);
  }
}
