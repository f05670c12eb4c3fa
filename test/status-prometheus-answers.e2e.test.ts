import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { StatusResult } from "../src/commands/status/status.js";
import { seriesHandler, startFakePrometheus, type FakePrometheus, type FakeSeries, type Handler } from "./helpers/fake-prometheus.js";
import { freePort } from "./helpers/listeners.js";
import { runCli } from "./helpers/run-cli.js";
import { loopbackRegistry } from "./helpers/loopback-registry.js";

// status --source prometheus against a stand-in for Prometheus's HTTP API on 127.0.0.1: answers a real one
// cannot be made to give on cue (old samples, errors, silence). The registry's nodes are 127.0.0.x; nothing is probed.

const env = { SPARKPORT_NODE: "here" };
let scratch: string;
let registry: string;
const fakes: FakePrometheus[] = [];

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "sparkport-status-prom-answers-"));
  registry = path.join(scratch, "ports.yaml");
  await writeFile(
    registry,
    loopbackRegistry({
      environments: { dev: 0 },
      services: [
        "  - {name: web, team: B, node: other, port: 28001, protocol: http, access: all-nodes, status: running}",
        "  - {name: db, team: B, node: other, port: 28002, protocol: tcp, access: all-nodes, status: running}",
        "  - {name: cache, team: B, node: other, port: 28003, protocol: tcp, access: all-nodes, status: running}",
      ],
    }),
  );
});
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function fake(handler: Handler): Promise<FakePrometheus> {
  const started = await startFakePrometheus(handler);
  fakes.push(started);
  return started;
}

const labels = (service: string, module = "tcp_connect"): Record<string, string> => ({
  service,
  environment: "dev",
  team: "B",
  node: "other",
  access: "all-nodes",
  protocol: module === "http_2xx" ? "http" : "tcp",
  status: "running",
  module,
  instance: service,
});

async function statusJson(url: string, extra: string[] = []): Promise<{ status: number; result: StatusResult; stderr: string }> {
  const run = await runCli(["-r", registry, ...extra, "status", "--source", "prometheus", "--prometheus-url", url, "--json"], { env });
  expect(run.stderr).toBe("");
  return { status: run.status, result: JSON.parse(run.stdout) as StatusResult, stderr: run.stderr };
}

describe("status --source prometheus: what the samples say, and what they cannot", () => {
  it("asks four queries for the whole registry; a sample older than three scrape intervals is unknown, with its age", async () => {
    const series: FakeSeries[] = [
      { labels: labels("web", "http_2xx"), success: 1, ageSeconds: 2, durationSeconds: 0.004 },
      { labels: labels("db"), success: 0, ageSeconds: 1 },
      // 40 s old at a 10 s interval: past 30 s.
      { labels: labels("cache"), success: 1, ageSeconds: 40 },
    ];
    const prometheus = await fake(seriesHandler(series, "10s"));
    const { status, result } = await statusJson(prometheus.url);
    expect(prometheus.queries).toHaveLength(4);
    expect(result.rows.map((r) => [r.service, r.observed, r.mismatch])).toEqual([
      ["web", "open", false],
      ["db", "down", true],
      ["cache", "unknown", false],
    ]);
    expect(result.rows[0]?.sample).toEqual({ ageMs: 2000, stale: false, staleAfterMs: 30_000, durationMs: 4, bindScopes: [] });
    expect(result.rows[2]?.sample).toMatchObject({ ageMs: 40_000, stale: true, staleAfterMs: 30_000 });
    expect(result.notes.map((n) => n.code)).toEqual(["prometheus-samples-stale"]);
    expect(result.findings.map((f) => f.code)).toEqual(["declared-running-but-down"]);
    expect(status).toBe(1);

    const text = await runCli(["-r", registry, "status", "--source", "prometheus", "--prometheus-url", prometheus.url], { env });
    expect(text.stdout).toMatch(/^cache +28003 +other +running +unknown \(Prometheus: sample 40 s old, over 30 s\)$/m);
    expect(text.stdout).toMatch(/^web +28001 +other +running +open \(Prometheus, 2 s ago\)$/m);
    expect(text.stdout).toContain("! 1 service with a sample older than three scrape intervals: unknown");
  });

  it("behind a proxy: a redirect is followed, a URL's user and password go as basic auth and are never printed", async () => {
    const answer = seriesHandler([{ labels: labels("db"), success: 1, ageSeconds: 1 }], "10s");
    const password = `Basic ${Buffer.from("ops:s3cret@1").toString("base64")}`;
    let asked = 0;
    // As behind a team's reverse proxy: the API lives under /prometheus/ and wants a password.
    const prometheus = await fake((request, response) => {
      if (request.headers.authorization !== password) {
        response.statusCode = 401;
        response.end("unauthorized");
      } else if (!(request.url ?? "").startsWith("/prometheus/")) {
        response.statusCode = 308;
        response.setHeader("location", `/prometheus${request.url ?? "/"}`);
        response.end();
      } else {
        asked += 1;
        request.url = (request.url ?? "/").slice("/prometheus".length);
        answer(request, response);
      }
    });
    const { status, result } = await statusJson(prometheus.url.replace("http://", "http://ops:s3cret%401@"));
    expect(result.rows.map((r) => [r.service, r.observed])).toEqual([
      ["web", "unknown"],
      ["db", "open"],
      ["cache", "unknown"],
    ]);
    // Four queries and the targets (for the scrape intervals), each through the redirect.
    expect(asked).toBe(5);
    expect(JSON.stringify(result)).not.toContain("s3cret");
    expect(status).toBe(0);

    const refused = await runCli(["-r", registry, "status", "--source", "prometheus", "--prometheus-url", prometheus.url.replace("http://", "http://ops:wrong@")], { env });
    expect([refused.status, refused.stdout]).toEqual([2, ""]);
    expect(refused.stderr.trimEnd().split("\n")).toEqual([`sparkport: Prometheus at ${prometheus.url.replace("http://", "http://ops:***@")}/api/v1/query answered HTTP 401`]);
  });

  it("a service with no sample is unknown, not down; a job without a known interval is said", async () => {
    const prometheus = await fake(seriesHandler([{ labels: labels("db"), success: 1, ageSeconds: 1 }], undefined));
    const { status, result } = await statusJson(prometheus.url);
    expect(result.rows.map((r) => [r.service, r.observed, r.mismatch])).toEqual([
      ["web", "unknown", false],
      ["db", "open", false],
      ["cache", "unknown", false],
    ]);
    expect(result.rows[0]?.sample).toEqual({ ageMs: null, stale: false, staleAfterMs: null, durationMs: null, bindScopes: [] });
    expect(result.notes.map((n) => [n.code, n.message])).toEqual([
      ["prometheus-samples-missing", `2 services with no sample in Prometheus at ${prometheus.url}: unknown`],
      ["prometheus-interval-unknown", "the scrape interval of job sparkport-ports is not known (/api/v1/targets gave no scrape interval): samples are not judged stale"],
    ]);
    expect(result.findings).toEqual([]);
    expect(status).toBe(0);
  });

  it("a node's serve reporting a loopback-only bind names it: service-localhost-only, not just down", async () => {
    const series: FakeSeries[] = [
      { labels: labels("web", "http_2xx"), success: 1, ageSeconds: 1 },
      { labels: labels("db"), success: 0, ageSeconds: 1, bindScopes: ["loopback"] },
      // Bound on 127.0.0.1 and the node's address: reachable, not loopback-only.
      { labels: labels("cache"), success: 1, ageSeconds: 1, bindScopes: ["loopback", "node-address"] },
    ];
    const prometheus = await fake(seriesHandler(series, "1s"));
    const { status, result } = await statusJson(prometheus.url);
    expect(result.rows.map((r) => [r.service, r.observed, r.sample?.bindScopes, r.mismatch])).toEqual([
      ["web", "open", [], false],
      ["db", "down", ["loopback"], true],
      ["cache", "open", ["loopback", "node-address"], false],
    ]);
    expect(result.findings.map((f) => [f.code, f.message])).toEqual([
      ["service-localhost-only", "db on other listens on loopback only: other nodes cannot reach 28002"],
    ]);
    expect(status).toBe(1);
  });
});

describe("status --source prometheus: bad answers are one line naming the URL, exit 2, no table", () => {
  const cases: [string, Handler, (url: string) => string, string[]?][] = [
    [
      "an HTTP 500",
      (_, response) => {
        response.statusCode = 500;
        response.end("internal error");
      },
      (url) => `sparkport: Prometheus at ${url}/api/v1/query answered HTTP 500`,
    ],
    [
      "Prometheus's own error for a bad query (400)",
      (_, response) => {
        response.statusCode = 400;
        response.end(JSON.stringify({ status: "error", errorType: "bad_data", error: "parse error:\nunexpected" }));
      },
      (url) => `sparkport: Prometheus at ${url}/api/v1/query answered HTTP 400: parse error: unexpected`,
    ],
    ["an answer that is not JSON", (_, response) => response.end("<html>Grafana</html>"), (url) => `sparkport: ${url}/api/v1/query answered with something that is not JSON: is it Prometheus's address?`],
    [
      "status error with 200",
      (_, response) => response.end(JSON.stringify({ status: "error", errorType: "timeout", error: "query timed out" })),
      (url) => `sparkport: Prometheus at ${url}/api/v1/query reported an error: query timed out`,
    ],
    [
      "a matrix where a vector belongs",
      (_, response) => response.end(JSON.stringify({ status: "success", data: { resultType: "matrix", result: [] } })),
      (url) => `sparkport: ${url}/api/v1/query answered JSON that is not a Prometheus API answer (data.resultType: Invalid input: expected "vector")`,
    ],
    [
      "a sample whose value is not a pair",
      (_, response) => response.end(JSON.stringify({ status: "success", data: { resultType: "vector", result: [{ metric: {}, value: 1 }] } })),
      (url) => `sparkport: ${url}/api/v1/query answered JSON that is not a Prometheus API answer (data.result.0.value: Invalid input: expected tuple, received number)`,
    ],
    ["no answer within --timeout", () => undefined, (url) => `sparkport: Prometheus at ${url}/api/v1/query did not answer within 300 ms (raise --timeout)`, ["--timeout", "300ms"]],
  ];
  for (const [what, handler, line, extra = []] of cases) {
    it(what, async () => {
      const prometheus = await fake(handler);
      const run = await runCli(["-r", registry, ...extra, "status", "--source", "prometheus", "--prometheus-url", `${prometheus.url}/`], { env });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr.trimEnd().split("\n")).toEqual([line(prometheus.url)]);
    });
  }

  it("nothing listening at the URL", async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const run = await runCli(["-r", registry, "status", "--source", "prometheus", "--prometheus-url", url, "--json"], { env });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n")).toEqual([`sparkport: cannot reach Prometheus at ${url}/api/v1/query (ECONNREFUSED)`]);
  });

  it("usage: no URL, a URL that is not http, an unknown source", async () => {
    const lines = async (args: string[], extraEnv: Record<string, string> = {}) => {
      const run = await runCli(["-r", registry, "status", ...args], { env: { ...env, ...extraEnv } });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      return run.stderr.trimEnd().split("\n");
    };
    expect(await lines(["--source", "prometheus"], { SPARKPORT_PROMETHEUS_URL: "" })).toEqual([
      "sparkport: --source prometheus needs --prometheus-url URL (or SPARKPORT_PROMETHEUS_URL)",
    ]);
    expect(await lines(["--prometheus-url", "127.0.0.1:9090"])).toEqual([
      'sparkport: --prometheus-url must be an http:// or https:// URL; got "127.0.0.1:9090"',
    ]);
    expect(await lines(["--source", "grafana"])).toEqual(['sparkport: --source must be probe or prometheus; got "grafana"']);
  });

  it("offline (--no-remote, SPARKPORT_OFFLINE) refuses a Prometheus on another machine before asking it, and asks one on this machine", async () => {
    // 192.0.2.1 is TEST-NET-1: it is refused before any connection is tried, and would lead nowhere if one were.
    for (const [args, extraEnv] of [
      [["--no-remote"], {}],
      [[], { SPARKPORT_OFFLINE: "1" }],
    ] as const) {
      const run = await runCli(["-r", registry, ...args, "status", "--source", "prometheus", "--prometheus-url", "http://ops:pw@192.0.2.1:9090"], { env: { ...env, ...extraEnv } });
      expect([run.status, run.stdout, run.stderr.trimEnd()]).toEqual([
        2,
        "",
        "sparkport: --no-remote (or SPARKPORT_OFFLINE) keeps sparkport on this machine, and Prometheus at http://ops:***@192.0.2.1:9090 is not on it: drop one of the two",
      ]);
    }
    const prometheus = await fake(seriesHandler([{ labels: labels("db"), success: 1, ageSeconds: 1 }], "10s"));
    const local = await runCli(["-r", registry, "--no-remote", "status", "--source", "prometheus", "--prometheus-url", prometheus.url.replace("127.0.0.1", "localhost")], { env });
    expect(local.stderr).toBe("");
    expect(prometheus.queries).toHaveLength(4);
  });
});
