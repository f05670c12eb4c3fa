import type { Allocation } from "../../registry/model.js";
import { ownService } from "../../registry/own-service.js";
import { httpGetBody } from "../../observe/http-prober.js";
import { parsePrometheusText } from "../../observe/parse/prometheus-text.js";
import type { DoctorContext } from "../doctor-context.js";
import { hostPort } from "../../util/host-port.js";

/** What a node's `sparkport serve` says of one of its services: where it is bound, and who holds it. */
export interface ServedBind {
  url: string;
  scopes: string[];
  pid: string | undefined;
  program: string | undefined;
}

/** Asked only when the node runs serve; anything but a clear answer (no serve, no route, no series) is undefined. */
export async function servedBind(ctx: DoctorContext, target: Allocation, host: string): Promise<ServedBind | undefined> {
  const serve = ownService(ctx.model, target.node);
  if (serve === undefined || serve === target) return undefined;
  const url = `http://${hostPort(host, serve.port)}/metrics`;
  ctx.ran.push({ check: "serve-metrics", url });
  const answer = await httpGetBody(url, ctx.network.timeoutMs);
  if ("error" in answer || answer.status !== 200) return undefined;
  const samples = parsePrometheusText(answer.body);
  const ours = (labels: Readonly<Record<string, string>>): boolean =>
    labels.service === target.service.name && (labels.environment ?? "") === (target.environment ?? "") && labels.port === String(target.port);
  // One series per scope it is bound on: 127.0.0.1 and the node's address are two.
  const scopes = samples.filter((s) => s.name === "sparkport_service_bind_scope" && s.value > 0 && ours(s.labels)).map((s) => s.labels.scope ?? "");
  if (scopes.length === 0) return undefined;
  const holder = samples.find((s) => s.name === "sparkport_service_holder_info" && ours(s.labels));
  const given = (text: string | undefined): string | undefined => (text === undefined || text === "" ? undefined : text);
  return { url, scopes: [...new Set(scopes)].sort(), pid: given(holder?.labels.pid), program: given(holder?.labels.program) };
}
