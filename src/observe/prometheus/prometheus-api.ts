import * as z from "zod/mini";
import { useEnglishMessages } from "../../util/zod-english.js";
import { httpGetBody } from "../http-prober.js";

/** Why Prometheus gave no usable answer: src/words/prometheus-words.ts says each. */
export type PrometheusProblem =
  | { kind: "unreachable"; detail: string }
  | { kind: "timeout"; timeoutMs: number }
  | { kind: "http"; status: number; detail: string | undefined }
  | { kind: "not-json" }
  | { kind: "failed"; detail: string }
  | { kind: "shape"; detail: string };

export class PrometheusError extends Error {
  /** The endpoint asked, without its query string. */
  readonly url: string;
  readonly problem: PrometheusProblem;

  constructor(url: string, problem: PrometheusProblem) {
    super(`${url}: ${problem.kind}`);
    this.name = "PrometheusError";
    this.url = url;
    this.problem = problem;
  }
}

/** One series of an instant vector: its labels and its value (NaN for "NaN"). */
export interface Sample {
  labels: Readonly<Record<string, string>>;
  value: number;
}

const envelope = z.object({ status: z.string(), data: z.optional(z.unknown()), errorType: z.optional(z.string()), error: z.optional(z.string()) });

// A thousand label sets per answer: one loop checks each, a third of what z.record's per-entry schemas cost.
const labelSet = z.custom<Record<string, string>>(
  (v) => typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string"),
  "expected an object of label names and string values",
);

const vector = z.object({
  resultType: z.literal("vector"),
  result: z.array(z.object({ metric: labelSet, value: z.tuple([z.number(), z.string()]) })),
});

const targets = z.object({
  activeTargets: z.array(z.object({ labels: labelSet, scrapeInterval: z.optional(z.string()) })),
});

function shapeOf(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  return issue === undefined ? "" : `${issue.path.length === 0 ? "(top level)" : issue.path.map(String).join(".")}: ${issue.message}`;
}

/** The base URL as given, without a trailing slash: `http://prom:9090/` and `http://prom:9090` ask the same. */
export const prometheusBase = (url: string): string => url.replace(/\/+$/, "");

/** GET an API endpoint and return its `data`, or throw a PrometheusError naming the endpoint. */
async function apiGet<T>(base: string, endpoint: string, params: Record<string, string>, schema: z.ZodMiniType<T>, timeoutMs: number): Promise<T> {
  const url = `${prometheusBase(base)}${endpoint}`;
  const query = new URLSearchParams(params).toString();
  const answer = await httpGetBody(query === "" ? url : `${url}?${query}`, timeoutMs);
  if ("error" in answer) {
    throw new PrometheusError(url, answer.error === "TimeoutError" ? { kind: "timeout", timeoutMs } : { kind: "unreachable", detail: answer.error });
  }
  let json: unknown;
  try {
    json = JSON.parse(answer.body);
  } catch {
    json = undefined;
  }
  useEnglishMessages();
  const outer = envelope.safeParse(json);
  // Prometheus answers a bad query with 400 and an error in its envelope: that text says more than the status.
  if (answer.status < 200 || answer.status > 299) throw new PrometheusError(url, { kind: "http", status: answer.status, detail: outer.success ? outer.data.error : undefined });
  if (json === undefined) throw new PrometheusError(url, { kind: "not-json" });
  if (!outer.success) throw new PrometheusError(url, { kind: "shape", detail: shapeOf(outer.error) });
  if (outer.data.status !== "success") throw new PrometheusError(url, { kind: "failed", detail: outer.data.error ?? outer.data.status });
  const data = schema.safeParse(outer.data.data);
  if (!data.success) throw new PrometheusError(url, { kind: "shape", detail: `data.${shapeOf(data.error)}` });
  return data.data;
}

/** An instant query (`/api/v1/query`) whose answer must be a vector. */
export async function instantQuery(base: string, query: string, timeoutMs: number): Promise<Sample[]> {
  const data = await apiGet(base, "/api/v1/query", { query }, vector, timeoutMs);
  return data.result.map((r) => ({ labels: r.metric, value: Number(r.value[1]) }));
}

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000 };

/** Prometheus's own duration format (`15s`, `1m30s`), not sparkport's --timeout: undefined when it is not one. */
export function prometheusDurationMs(text: string): number | undefined {
  if (!/^(\d+(ms|s|m|h|d|w|y))+$/.test(text)) return undefined;
  let ms = 0;
  for (const [, amount = "", unit = ""] of text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)) ms += Number(amount) * (UNIT_MS[unit] ?? 0);
  return ms > 0 ? ms : undefined;
}

/** Each job's scrape interval, from the active targets (`/api/v1/targets`): a job missing here has none known. */
export async function scrapeIntervals(base: string, timeoutMs: number): Promise<Map<string, number>> {
  const data = await apiGet(base, "/api/v1/targets", { state: "active" }, targets, timeoutMs);
  const intervals = new Map<string, number>();
  for (const t of data.activeTargets) {
    const job = t.labels.job;
    const ms = t.scrapeInterval === undefined ? undefined : prometheusDurationMs(t.scrapeInterval);
    if (job !== undefined && ms !== undefined) intervals.set(job, Math.max(ms, intervals.get(job) ?? 0));
  }
  return intervals;
}
