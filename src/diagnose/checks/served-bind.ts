import type { Allocation } from "../../registry/model.js";
import { httpGetBody } from "../../observe/http-prober.js";
import { parsePrometheusText } from "../../observe/parse/prometheus-text.js";
import type { DoctorContext } from "../doctor-context.js";

/** What a node's `sparkport serve` says of one of its services: where it is bound, and who holds it. */
export interface ServedBind {
  url: string;
  scope: string;
  pid: string | undefined;
  program: string | undefined;
}

/** The registry entry of `sparkport serve` on a node: a service started with `sparkport serve`, or named for it. */
export function serveAllocationOn(allocations: readonly Allocation[], node: string): Allocation | undefined {
  return allocations.find(
    (a) => a.node === node && a.transport === "tcp" && (a.service.name === "sparkport-serve" || /(^|\s|\/)sparkport\s+serve(\s|$)/.test(a.start ?? "")),
  );
}

/** Asked only when the node runs serve; anything but a clear answer (no serve, no route, no series) is undefined. */
export async function servedBind(ctx: DoctorContext, target: Allocation, host: string): Promise<ServedBind | undefined> {
  const serve = serveAllocationOn(ctx.model.allocations, target.node);
  if (serve === undefined || serve === target) return undefined;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${serve.port}/metrics`;
  ctx.ran.push({ check: "serve-metrics", url });
  const answer = await httpGetBody(url, ctx.network.timeoutMs);
  if ("error" in answer || answer.status !== 200) return undefined;
  const samples = parsePrometheusText(answer.body);
  const ours = (labels: Readonly<Record<string, string>>): boolean =>
    labels.service === target.service.name && (labels.environment ?? "") === (target.environment ?? "") && labels.port === String(target.port);
  const bound = samples.find((s) => s.name === "sparkport_service_bind_scope" && s.value > 0 && ours(s.labels));
  if (bound?.labels.scope === undefined) return undefined;
  const holder = samples.find((s) => s.name === "sparkport_service_holder_info" && ours(s.labels));
  return { url, scope: bound.labels.scope, pid: holder?.labels.pid, program: holder?.labels.program };
}
