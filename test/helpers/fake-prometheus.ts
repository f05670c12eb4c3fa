import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A stand-in for Prometheus's HTTP API on 127.0.0.1, for what a real one cannot be made to do on cue:
// samples minutes old, a 500, an answer that is not JSON, one that never comes.

/** One probed allocation as Prometheus would hold it after scraping the blackbox exporter. */
export interface FakeSeries {
  labels: Record<string, string>;
  success: 0 | 1;
  ageSeconds: number;
  durationSeconds?: number;
  /** sparkport_service_bind_scope's scopes, as the node's serve reports them: one series each. */
  bindScopes?: string[];
}

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface FakePrometheus {
  url: string;
  /** Every query asked, in order. */
  queries: string[];
  close(): Promise<void>;
}

const vector = (result: { metric: Record<string, string>; value: number }[], now: number): string =>
  JSON.stringify({ status: "success", data: { resultType: "vector", result: result.map((r) => ({ metric: r.metric, value: [now, String(r.value)] })) } });

/** Answers the four queries status asks (by the metric each names) and /api/v1/targets with `scrapeInterval` (undefined: none given). */
export function seriesHandler(series: readonly FakeSeries[], scrapeInterval: string | undefined, job = "sparkport-ports"): Handler {
  return (request, response) => {
    const url = new URL(request.url ?? "/", "http://fake");
    const now = Date.now() / 1000;
    response.setHeader("content-type", "application/json");
    if (url.pathname === "/api/v1/targets") {
      const target = (s: FakeSeries) => ({ labels: { ...s.labels, job }, ...(scrapeInterval === undefined ? {} : { scrapeInterval }) });
      response.end(JSON.stringify({ status: "success", data: { activeTargets: series.map(target), droppedTargets: [] } }));
      return;
    }
    const query = url.searchParams.get("query") ?? "";
    const withJob = (s: FakeSeries) => ({ ...s.labels, job });
    if (query.startsWith("time() - timestamp(")) response.end(vector(series.map((s) => ({ metric: withJob(s), value: s.ageSeconds })), now));
    else if (query.startsWith("probe_success")) response.end(vector(series.map((s) => ({ metric: { __name__: "probe_success", ...withJob(s) }, value: s.success })), now));
    else if (query.startsWith("probe_duration_seconds")) {
      response.end(vector(series.map((s) => ({ metric: { __name__: "probe_duration_seconds", ...withJob(s) }, value: s.durationSeconds ?? 0.001 })), now));
    } else if (query.startsWith("sparkport_service_bind_scope")) {
      const bound = series.flatMap((s) => (s.bindScopes ?? []).map((scope) => ({ metric: { ...withJob(s), scope }, value: 1 })));
      response.end(vector(bound, now));
    } else {
      response.statusCode = 400;
      response.end(JSON.stringify({ status: "error", errorType: "bad_data", error: `unexpected query ${query}` }));
    }
  };
}

export async function startFakePrometheus(handler: Handler): Promise<FakePrometheus> {
  const queries: string[] = [];
  const sockets = new Set<import("node:net").Socket>();
  const server: Server = createServer((request, response) => {
    const query = new URL(request.url ?? "/", "http://fake").searchParams.get("query");
    if (query !== null) queries.push(query);
    handler(request, response);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen({ host: "127.0.0.1", port: 0 }, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    queries,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
