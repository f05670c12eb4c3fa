import type { PortReference } from "../../project/port-reference.js";
import { refText, type ScanContext } from "../../project/scan-context.js";
import { allocationOf, editCertainty } from "../../project/edit-certainty.js";
import { meantEnvironments } from "./meant-environments.js";

interface Use {
  ref: PortReference;
  port: number;
  label: string;
  base: number;
  node: string;
  /** On the service's port in an environment its context may mean: it counts towards agreement, never disagrees. */
  settled: boolean;
}

/**
 * Files reaching one service on different ports: backend on APP_PORT=8000, the frontend calling 8001. A port the
 * service holds in an environment the reference's context may mean (`start` on the preview port) is no disagreement,
 * so --fix never moves it; a context that names its environment is scan-wrong-service's to judge.
 */
export function filesDisagree(ctx: ScanContext): void {
  const byService = new Map<string, Use[]>();
  for (const ref of ctx.references) {
    // A compose value resolved from the .env beside it is the .env line again: count it once.
    const node = ctx.targetNode(ref);
    if (ref.role === "origin" || node === undefined || ref.resolvedFrom?.file !== undefined) continue;
    const meant = meantEnvironments(ctx.model, ref);
    if (meant?.named === true) continue;
    for (const a of ctx.allocationsAt(node, ref.port)) {
      const settled = meant !== undefined && a.environment !== undefined && meant.environments.has(a.environment);
      const list = byService.get(a.service.name) ?? [];
      list.push({ ref, port: ref.port, label: a.service.label ?? a.service.name, base: a.service.port, node, settled });
      byService.set(a.service.name, list);
    }
  }
  for (const [service, uses] of byService) reportDisagreements(ctx, service, uses);
}

function reportDisagreements(ctx: ScanContext, service: string, uses: readonly Use[]): void {
  const counts = new Map<number, number>();
  for (const u of uses) counts.set(u.port, (counts.get(u.port) ?? 0) + 1);
  if (counts.size < 2) return;
  // The registry's base port is the agreed one when a file uses it; else the port most files use.
  const base = uses[0]?.base;
  const mostUsed = [...counts].sort(([p, n], [q, m]) => m - n || p - q)[0]?.[0];
  const agreed = base !== undefined && counts.has(base) ? base : mostUsed;
  // Built once per service, not per finding: each finding names the first and counts the rest.
  const majority = uses.filter((u) => u.port === agreed).map((u) => u.ref);
  const first = majority[0];
  if (first === undefined || agreed === undefined) return;
  // Named as the finding's own location is: one path base per finding.
  const others = { first: `${ctx.location(first).file}:${first.line}`, more: majority.length - 1, port: agreed };
  for (const use of uses.filter((u) => u.port !== agreed && !u.settled)) {
    const fix = { ref: use.ref, kind: "port" as const, port: agreed, certainty: editCertainty(ctx, use.ref, allocationOf(ctx, use.node, agreed, service)) };
    const host = use.ref.host === undefined ? {} : { host: use.ref.host };
    const data = { port: use.port, ...host, node: use.node, service, suggestion: String(agreed) };
    ctx.report("scan-files-disagree", "error", { text: refText(use.ref), port: use.port, service: use.label, others }, use.ref, majority, fix, data);
  }
}
