import { METRICS } from "./metric-names.js";
import type { NodeObservation } from "./node-observation.js";

export interface MetricsText {
  contentType: string;
  text: string;
}

/** The Prometheus text format of one observation, through prom-client (loaded here, so only serve pays for it). */
export async function metricsText(observation: NodeObservation, registrySha: string): Promise<MetricsText> {
  const { Gauge, Registry } = await import("prom-client");
  // A registry per scrape: two scrapes at once never see each other's half-set values.
  const registry = new Registry();
  const gauge = <L extends string>(metric: { name: string; help: string }, labelNames: readonly L[]) =>
    new Gauge<L>({ name: metric.name, help: metric.help, labelNames, registers: [registry] });
  const listening = gauge(METRICS.listening, ["service", "environment", "node", "port", "protocol"]);
  const scope = gauge(METRICS.bindScope, ["service", "environment", "node", "port", "scope"]);
  const holder = gauge(METRICS.holder, ["service", "environment", "node", "port", "pid", "program"]);
  for (const p of observation.ports) {
    const at = { service: p.service, environment: p.environment, node: p.node, port: String(p.port) };
    listening.set({ ...at, protocol: p.protocol }, p.listening ? 1 : 0);
    for (const s of p.scopes) scope.set({ ...at, scope: s }, 1);
    for (const h of p.holders) holder.set({ ...at, pid: h.pid, program: h.program }, 1);
  }
  gauge(METRICS.registry, ["sha"]).set({ sha: registrySha }, 1);
  gauge(METRICS.scan, []).set(observation.scanSeconds);
  return { contentType: registry.contentType, text: await registry.metrics() };
}
