import type { Allocation } from "../../registry/model.js";
import type { PortReference } from "../../project/port-reference.js";
import { referenceNames, type ScanContext } from "../../project/scan-context.js";

/** The service on another node that holds the port and that the reference itself names; a bare number names nobody. */
export function namedOwnerElsewhere(ctx: ScanContext, ref: PortReference, node: string): Allocation | undefined {
  return ctx.allocationsAnywhere(ref.port).find((a) => a.node !== node && referenceNames(ref, a.service));
}
