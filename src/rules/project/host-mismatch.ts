import { refText, type ScanContext } from "../../project/scan-context.js";

export function hostMismatch(ctx: ScanContext): void {
  for (const ref of ctx.references) {
    if (ref.host === undefined || ctx.external(ref)) continue;
    const node = ctx.targetNode(ref);
    if (node === undefined) continue;
    if (ctx.allocationsAt(node, ref.port).length > 0) continue;
    const elsewhere = ctx.allocationsAt(undefined, ref.port).find((a) => a.node !== node);
    if (elsewhere === undefined) continue;
    const address = ctx.model.data.nodes[elsewhere.node]?.address ?? elsewhere.node;
    ctx.report(
      "scan-host-mismatch",
      "error",
      { text: refText(ref), port: ref.port, host: ref.host, hostNode: node, owner: elsewhere.label, ownerNode: elsewhere.node, address },
      ref,
      undefined,
      { ref, kind: "host", host: address },
    );
  }
}
