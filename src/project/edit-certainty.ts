import type { Allocation } from "../registry/model.js";
import type { Service } from "../registry/schema.js";
import type { PortReference } from "./port-reference.js";
import { referenceNames, type ScanContext, type ScanEdit } from "./scan-context.js";
import { lintWords } from "../words/lint-words.js";

export type Certainty = ScanEdit["certainty"];

export const CERTAIN: Certainty = { certain: true };
export const doubt = (reason: string): Certainty => ({ certain: false, reason });

/**
 * Whether `lint --fix --write` may make an edit that points `ref` at `target`: the same service's registered port,
 * or its own node's address, in a `connect` or `listen` reference of a file whose node is known, where the
 * reference itself names the service (a bare port number may be an unregistered service that shares it).
 */
export function editCertainty(ctx: ScanContext, ref: PortReference, target: Allocation | undefined): Certainty {
  const w = lintWords().doubts;
  if (ctx.fileNode(ref) === undefined) return doubt(w.unmappedFile);
  if (ref.resolvedFrom?.file !== undefined) return doubt(w.portFrom(ref.resolvedFrom.file));
  if (ref.role === "browser" && target?.access === "backend-only") return doubt(w.browserToBackend(target.label));
  if (ref.role === undefined) return doubt(w.roleUnknown);
  if (ref.role !== "connect" && ref.role !== "listen") return doubt(w[ref.role]);
  if (target === undefined) return doubt(w.noService);
  if (!referenceNames(ref, target.service) && !programNames(ref.program, target.service)) return doubt(w.notNamed(target.service.label ?? target.service.name));
  return CERTAIN;
}

const squash = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, "");

/** The program a command starts is the service: `next dev` starts Next.js, `uvicorn` does not name FastAPI. */
function programNames(program: string | undefined, service: Service): boolean {
  const name = squash(program ?? "");
  if (name.length < 3) return false;
  return [service.name, service.label ?? ""].map(squash).some((n) => n.length >= 3 && (n.startsWith(name) || name.startsWith(n)));
}

/** A port edit's target: `service`'s allocation at `port` on `node`, if it has one. */
export function allocationOf(ctx: ScanContext, node: string, port: number, service: string): Allocation | undefined {
  return ctx.allocationsAt(node, port).find((a) => a.service.name === service);
}
