import type { Allocation } from "../../registry/model.js";
import { refText, type ScanContext } from "../../project/scan-context.js";

/** A page can be served by anything a browser may reach. */
const servesPages = (a: Allocation): boolean => a.access !== "backend-only";

/**
 * A CORS origin says where a page is served, not where a client connects. Named by a node's address, that node must
 * serve a browser-facing service on the port; a localhost origin is the developer's own machine, so any node will do.
 */
export function originNotServed(ctx: ScanContext): void {
  for (const ref of ctx.references) {
    if (ref.role !== "origin" || ctx.external(ref)) continue;
    const named = ctx.namedNode(ref);
    const served = named === undefined ? ctx.allocationsAnywhere(ref.port) : ctx.allocationsAt(named, ref.port);
    if (served.some(servesPages)) continue;
    ctx.report("scan-origin-not-served", named === undefined ? "info" : "error", { text: refText(ref), port: ref.port, ...(named === undefined ? {} : { node: named }) }, ref, undefined, undefined, {
      ...(named === undefined ? {} : { node: named }),
    });
  }
}
