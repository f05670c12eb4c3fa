import { instantQuery, PrometheusError, scrapeIntervals, type PrometheusProblem, type Sample } from "./prometheus-api.js";

/** The labels `sparkport export prometheus` gives a target, and `serve` its series: one allocation each. */
export const sampleKey = (service: string, environment: string | undefined, node: string): string => `${service}\u0000${environment ?? ""}\u0000${node}`;

const keyOf = (labels: Sample["labels"]): string | undefined =>
  labels.service === undefined || labels.node === undefined ? undefined : sampleKey(labels.service, labels.environment, labels.node);

export interface ProbeSample {
  up: boolean;
  /** By Prometheus's clock: the clocks of this machine and Prometheus's may differ. */
  ageMs: number;
  durationMs: number | null;
  /** Three of its job's scrape intervals; undefined when the job's interval is not known. */
  staleAfterMs: number | undefined;
  job: string | undefined;
}

export interface FleetSamples {
  probes: Map<string, ProbeSample>;
  /** The scopes `serve` reports each allocation bound on (all, loopback, node-address), sorted. */
  bindScopes: Map<string, string[]>;
  /** Jobs whose scrape interval could not be read: their samples are taken as Prometheus keeps them (its lookback). */
  intervalsUnknown: string[];
  /** Why /api/v1/targets gave no intervals, when it did not. */
  targetsProblem: PrometheusProblem | undefined;
}

// Series from targets that sparkport exported carry a `service` label; others are not ours to read.
const OURS = '{service!=""}';
export const QUERIES = {
  success: `probe_success${OURS}`,
  // time() and timestamp() are both Prometheus's: the age does not depend on this machine's clock.
  age: `time() - timestamp(probe_success${OURS})`,
  duration: `probe_duration_seconds${OURS}`,
  bindScope: `sparkport_service_bind_scope${OURS} > 0`,
} as const;

/** Four queries for the whole fleet, asked at once, and the scrape intervals they are judged by. */
export async function readFleetSamples(base: string, timeoutMs: number): Promise<FleetSamples> {
  const intervals = scrapeIntervals(base, timeoutMs).then(
    (found) => ({ found, problem: undefined }),
    (error: unknown) => {
      if (error instanceof PrometheusError) return { found: new Map<string, number>(), problem: error.problem };
      throw error;
    },
  );
  const [success, age, duration, bindScope, jobs] = await Promise.all([
    instantQuery(base, QUERIES.success, timeoutMs),
    instantQuery(base, QUERIES.age, timeoutMs),
    instantQuery(base, QUERIES.duration, timeoutMs),
    instantQuery(base, QUERIES.bindScope, timeoutMs),
    intervals,
  ]);
  // A series is one target of one job: its instance and job, with our labels, pair the three answers up.
  const seriesKey = (labels: Sample["labels"]): string => `${labels.job ?? ""}\u0000${labels.instance ?? ""}\u0000${keyOf(labels) ?? ""}`;
  const ages = new Map(age.map((s) => [seriesKey(s.labels), s.value]));
  const durations = new Map(duration.map((s) => [seriesKey(s.labels), s.value]));
  const probes = new Map<string, ProbeSample>();
  const unknownJobs = new Set<string>();
  for (const s of success) {
    const key = keyOf(s.labels);
    if (key === undefined) continue;
    const ageS = ages.get(seriesKey(s.labels));
    // Asked a moment apart, the two answers may differ by a series: a value of no known age is not taken.
    if (ageS === undefined || Number.isNaN(ageS)) continue;
    const durationS = durations.get(seriesKey(s.labels));
    const job = s.labels.job;
    const interval = job === undefined ? undefined : jobs.found.get(job);
    if (interval === undefined) unknownJobs.add(job ?? "");
    const sample: ProbeSample = {
      up: s.value === 1,
      ageMs: Math.max(0, Math.round(ageS * 1000)),
      durationMs: durationS === undefined || Number.isNaN(durationS) ? null : Math.round(durationS * 1000),
      staleAfterMs: interval === undefined ? undefined : 3 * interval,
      job,
    };
    // One allocation may be probed by more than one job: the freshest sample speaks for it.
    const before = probes.get(key);
    if (before === undefined || sample.ageMs < before.ageMs) probes.set(key, sample);
  }
  const bindScopes = new Map<string, string[]>();
  for (const s of bindScope) {
    const key = keyOf(s.labels);
    const scope = s.labels.scope;
    if (key === undefined || scope === undefined) continue;
    const scopes = bindScopes.get(key) ?? [];
    if (!scopes.includes(scope)) bindScopes.set(key, [...scopes, scope].sort());
  }
  return { probes, bindScopes, intervalsUnknown: [...unknownJobs].sort(), targetsProblem: jobs.problem };
}
