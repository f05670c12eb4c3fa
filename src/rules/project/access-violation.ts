import type { Allocation } from "../../registry/model.js";
import { refText, type ScanContext } from "../../project/scan-context.js";

/**
 * Access scope from the referencing side. Code that runs in a browser may reach anything but a backend-only service;
 * a node's file may reach another node's service when its scope admits that node: "backend-only" admits nodes that
 * run backend-team services, *-only environment scopes only the service's own node.
 */
export function accessViolation(ctx: ScanContext): void {
  const backendTeams = new Set(Object.entries(ctx.model.data.teams).filter(([, t]) => /backend/i.test(t.name)).map(([id]) => id));
  const backendNodes = new Set(ctx.model.data.services.filter((s) => backendTeams.has(s.team)).map((s) => s.node));
  const admits = (a: Allocation, fileNode: string): boolean =>
    a.access === "all-nodes" || a.access === "developers-browser" || (a.access === "backend-only" && backendNodes.has(fileNode));
  for (const ref of ctx.references) {
    if (ref.role === "origin" || ctx.external(ref)) continue;
    const fileNode = ctx.fileNode(ref);
    const target = ctx.targetNode(ref);
    const browser = ref.role === "browser";
    if (target === undefined || (!browser && (fileNode === undefined || fileNode === target))) continue;
    for (const a of ctx.allocationsAt(target, ref.port)) {
      if (browser ? a.access !== "backend-only" : fileNode === undefined || admits(a, fileNode)) continue;
      const from = browser ? {} : { fileNode };
      ctx.report("scan-access-violation", "error", { text: refText(ref), owner: a.label, access: a.access, ...from }, ref, undefined, undefined, {
        node: target,
        service: a.service.name,
      });
    }
  }
}
