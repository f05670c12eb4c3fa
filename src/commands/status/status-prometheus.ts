import { UsageError } from "../../findings/errors.js";
import { exitCodeFor } from "../../findings/exit-code.js";
import { makeFinding, type Finding } from "../../findings/finding.js";
import { identifyLocalNode } from "../../observe/local-node.js";
import { PrometheusError, prometheusBase, type PrometheusProblem } from "../../observe/prometheus/prometheus-api.js";
import { readFleetSamples, sampleKey } from "../../observe/prometheus/read-fleet-samples.js";
import { buildModel, type Allocation } from "../../registry/model.js";
import { openRegistry, type RegistryOptions } from "../../registry/open-registry.js";
import { maskSecrets } from "../../util/mask-secrets.js";
import { prometheusWords } from "../../words/prometheus-words.js";
import { judge, selectAllocations, type Seen, type StatusResult } from "./status.js";

export interface PrometheusStatusOptions extends RegistryOptions {
  prometheusUrl: string;
  timeoutMs: number;
  team?: string | undefined;
  node?: string | undefined;
  thisNode?: string | undefined;
  localAddresses: () => string[];
}

/** Bad input: one line naming the URL asked (its password masked), exit 2, and no table. */
function problemLine(given: string, problem: PrometheusProblem): string {
  const w = prometheusWords();
  const url = maskSecrets(given);
  switch (problem.kind) {
    case "unreachable":
      return w.unreachable(url, problem.detail);
    case "timeout":
      return w.timeout(url, problem.timeoutMs);
    case "http":
      return w.http(url, problem.status, problem.detail);
    case "not-json":
      return w.notJson(url);
    case "failed":
      return w.failed(url, problem.detail);
    case "shape":
      return w.shape(url, problem.detail);
  }
}

/** `status` from Prometheus's samples: the same rows and findings as a direct status, each `observed` a sample's value. */
export async function statusFromPrometheus(options: PrometheusStatusOptions): Promise<StatusResult> {
  const model = buildModel(await openRegistry(options));
  const selected = selectAllocations(model, options);
  const base = prometheusBase(options.prometheusUrl);
  const fleet = await readFleetSamples(base, options.timeoutMs).catch((error: unknown) => {
    if (error instanceof PrometheusError) throw new UsageError(problemLine(error.url, error.problem));
    throw error;
  });
  const observed = new Map<Allocation, Seen>();
  let missing = 0;
  let stale = 0;
  for (const a of selected) {
    const key = sampleKey(a.service.name, a.environment, a.node);
    const sample = fleet.probes.get(key);
    const bindScopes = fleet.bindScopes.get(key) ?? [];
    const host = model.data.nodes[a.node]?.address ?? null;
    const old = sample?.staleAfterMs !== undefined && sample.ageMs > sample.staleAfterMs;
    // UDP ports are not exported (the blackbox exporter has no UDP probe): unknown, but no target is missing.
    if (sample === undefined && a.transport === "tcp") missing += 1;
    if (old) stale += 1;
    observed.set(a, {
      observed: sample === undefined || old ? "unknown" : sample.up ? "open" : "down",
      host,
      addresses: [],
      loopbackOnly: bindScopes.join() === "loopback",
      sample: { ageMs: sample?.ageMs ?? null, stale: old, staleAfterMs: sample?.staleAfterMs ?? null, durationMs: sample?.durationMs ?? null, bindScopes },
    });
  }
  const { rows, findings } = judge(model, selected, observed);
  const where = { file: model.registry.file };
  const notes: Finding[] = [];
  if (missing > 0) notes.push(makeFinding("prometheus-samples-missing", "warning", { count: missing, url: maskSecrets(base) }, where));
  if (stale > 0) notes.push(makeFinding("prometheus-samples-stale", "warning", { count: stale }, where));
  if (fleet.intervalsUnknown.length > 0) {
    const detail = fleet.targetsProblem === undefined ? prometheusWords().noIntervals : problemLine(`${base}/api/v1/targets`, fleet.targetsProblem);
    notes.push(makeFinding("prometheus-interval-unknown", "warning", { jobs: fleet.intervalsUnknown, detail }, where));
  }
  const thisNode = identifyLocalNode(model.data, { env: options.thisNode, addresses: options.localAddresses() }).node ?? null;
  return {
    registry: model.registry.file,
    source: "prometheus",
    prometheus: maskSecrets(base),
    thisNode,
    rows,
    notes,
    findings,
    exitCode: exitCodeFor([...notes, ...findings]),
  };
}
