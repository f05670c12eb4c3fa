import { refText, type ScanContext } from "../../project/scan-context.js";

/**
 * A file of one node referencing a service its access scope keeps from that
 * node. "backend-only" admits the service's own node and the nodes that run a
 * backend team's services; the *-only environment scopes admit only the
 * service's node. all-nodes and developers-browser admit every node.
 */
export function accessViolation(ctx: ScanContext): void {
  const backendTeams = new Set(Object.entries(ctx.model.data.teams).filter(([, t]) => /backend/i.test(t.name)).map(([id]) => id));
  const backendNodes = new Set(ctx.model.data.services.filter((s) => backendTeams.has(s.team)).map((s) => s.node));
  for (const ref of ctx.references) {
    const fileNode = ctx.fileNode(ref);
    const target = ctx.targetNode(ref);
    if (fileNode === undefined || target === undefined || fileNode === target || ctx.external(ref)) continue;
    for (const a of ctx.allocationsAt(target, ref.port)) {
      const allowed =
        a.access === "all-nodes" || a.access === "developers-browser" || (a.access === "backend-only" && backendNodes.has(fileNode));
      if (allowed) continue;
      ctx.report("scan-access-violation", "error", { text: refText(ref), owner: a.label, access: a.access, fileNode }, ref);
    }
  }
}
