import { refText, type ScanContext } from "../../project/scan-context.js";
import { editCertainty } from "../../project/edit-certainty.js";
import { namedOwnerElsewhere } from "./owner-elsewhere.js";

/** A node's address with a port that node does not hold, where the reference names the service that holds it elsewhere. */
export function hostMismatch(ctx: ScanContext): void {
  for (const ref of ctx.references) {
    if (ref.role === "origin" || ref.host === undefined || ctx.external(ref)) continue;
    const node = ctx.targetNode(ref);
    if (node === undefined) continue;
    if (ctx.allocationsAt(node, ref.port).length > 0) continue;
    const elsewhere = namedOwnerElsewhere(ctx, ref, node);
    if (elsewhere === undefined) continue;
    const address = ctx.model.data.nodes[elsewhere.node]?.address ?? elsewhere.node;
    ctx.report(
      "scan-host-mismatch",
      "error",
      { text: refText(ref), port: ref.port, host: ref.host, hostNode: node, owner: elsewhere.label, ownerNode: elsewhere.node, address },
      ref,
      undefined,
      { ref, kind: "host", host: address, certainty: editCertainty(ctx, ref, elsewhere) },
      { port: ref.port, host: ref.host, node, service: elsewhere.service.name, suggestion: address },
    );
  }
}
