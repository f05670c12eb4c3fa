import { refText, type ScanContext } from "../../project/scan-context.js";
import { isTailnetOrPrivate, oneOctetOff } from "../../util/private-address.js";

/** A tailnet or LAN address that is no node: a typo one octet off a node's address, or a machine the registry does not know. */
export function unknownAddress(ctx: ScanContext): void {
  const nodes = Object.entries(ctx.model.data.nodes).map(([node, n]) => ({ node, address: n.address }));
  for (const ref of ctx.references) {
    if (ref.host === undefined || !ctx.external(ref) || !isTailnetOrPrivate(ref.host)) continue;
    const near = oneOctetOff(ref.host, nodes);
    const nearest = near === undefined ? undefined : { node: near.node, address: near.address };
    ctx.report(
      "scan-unknown-address",
      "warning",
      { text: refText(ref), host: ref.host, ...(nearest === undefined ? {} : { nearest }) },
      ref,
      undefined,
      undefined,
      { port: ref.port, host: ref.host, ...(nearest === undefined ? {} : { node: nearest.node, suggestion: nearest.address }) },
    );
  }
}
