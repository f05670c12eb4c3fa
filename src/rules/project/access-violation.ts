import { refText, type ScanContext } from "../../project/scan-context.js";

/** "backend-only" admits the service's node and nodes running backend-team services; *-only environment scopes only its node. */
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
      const data = { port: ref.port, ...(ref.host === undefined ? {} : { host: ref.host }), node: target, service: a.service.name };
      ctx.report("scan-access-violation", "error", { text: refText(ref), owner: a.label, access: a.access, fileNode }, ref, undefined, undefined, data);
    }
  }
}
