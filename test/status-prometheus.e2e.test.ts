import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import type { Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StatusResult, StatusRow } from "../src/commands/status/status.js";
import { close, freePort, listen } from "./helpers/listeners.js";
import { CLI, REPO_ROOT, runCli } from "./helpers/run-cli.js";
import { skipping } from "./helpers/skip-reason.js";
import { loopbackRegistry } from "./helpers/loopback-registry.js";

// Issue 20, "Real components and how they start": Debian's prometheus and prometheus-blackbox-exporter, started
// here on 127.0.0.1 ports with a temporary config and data folder, scrape the targets `export prometheus` wrote;
// `status --source prometheus` must then say what a direct `status` says, service by service.
// Network safety: the nodes are 127.0.0.2 and 127.0.0.3, every listener and both servers are on loopback.

const PROMETHEUS = "/usr/bin/prometheus";
const BLACKBOX = "/usr/bin/prometheus-blackbox-exporter";
const isLinux = process.platform === "linux";
const skip =
  skipping(!isLinux, "status --source prometheus against a real Prometheus", `127.0.0.2 and 127.0.0.3 route to lo only on Linux; this is ${process.platform}`) ||
  skipping(!existsSync(PROMETHEUS), "status --source prometheus against a real Prometheus", `${PROMETHEUS} is absent (Debian package prometheus)`) ||
  skipping(!existsSync(BLACKBOX), "status --source prometheus against a real Prometheus", `${BLACKBOX} is absent (Debian package prometheus-blackbox-exporter)`);

const env = { SPARKPORT_NODE: "here" };
let scratch: string;
const children: ChildProcess[] = [];
const servers: (Server | HttpServer)[] = [];

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "sparkport-status-prom-"));
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((resolve) => c.once("exit", resolve)) : undefined)));
  await Promise.all(servers.map((s) => close(s as Server)));
  await rm(scratch, { recursive: true, force: true });
});

/** An HTTP server that answers 200: http_2xx asks more than a TCP connection. */
async function httpOk(host: string, port: number): Promise<HttpServer> {
  const server = createHttpServer((_, response) => response.end("ok\n"));
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen({ host, port, exclusive: true }, resolve));
  return server;
}

/** A program of the machine, its output kept for the failure message; killed in afterAll. */
function start(program: string, args: string[]): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn(program, args, { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  children.push(child);
  return { child, output: () => output.slice(-2000) };
}

const up = (r: StatusRow): boolean => r.observed === "open" || r.observed === "listening";
const key = (r: StatusRow): string => `${r.service}/${r.environment ?? ""}@${r.node}:${r.port}`;

describe.skipIf(skip)("status --source prometheus, read from a real Prometheus scraping the blackbox exporter", () => {
  it("agrees with a direct status service by service, and says what only the node's serve sees", { timeout: 120_000 }, async () => {
    const [web, api, db, cache, old, idle, local, servePort, blackboxPort, prometheusPort] = await Promise.all(Array.from({ length: 10 }, () => freePort()));
    // api has two environments: dev (offset 0) is up, test (offset 1) is not.
    const apiTest = (api ?? 0) + 1;
    const registry = path.join(scratch, "ports.yaml");
    await writeFile(
      registry,
      loopbackRegistry({
        third: true,
        environments: { dev: 0, test: 1 },
        services: [
          `  - {name: web, team: B, node: other, port: ${web}, protocol: http, access: all-nodes, status: running}`,
          `  - {name: api, team: B, node: other, port: ${api}, protocol: http, access: all-nodes, status: running, environments: {dev: {}, test: {}}}`,
          `  - {name: db, team: B, node: third, port: ${db}, protocol: tcp, access: all-nodes, status: running}`,
          `  - {name: cache, team: B, node: third, port: ${cache}, protocol: tcp, access: all-nodes, status: running}`,
          `  - {name: old, team: B, node: third, port: ${old}, protocol: tcp, access: all-nodes, status: stopped}`,
          `  - {name: idle, team: B, node: other, port: ${idle}, protocol: tcp, access: all-nodes, status: stopped}`,
          // Bound to 127.0.0.1 on its node: refused from everywhere else, which only other's serve can tell.
          `  - {name: local, team: B, node: other, port: ${local}, protocol: tcp, access: all-nodes, status: running}`,
          `  - {name: sparkport-other, team: B, node: other, port: ${servePort}, protocol: http, access: all-nodes, status: running, start: sparkport serve}`,
        ],
      }),
    );
    servers.push(await httpOk("127.0.0.2", web ?? 0), await httpOk("127.0.0.2", api ?? 0), await listen("127.0.0.3", db), await listen("127.0.0.3", old), await listen("127.0.0.1", local));
    // Node other's serve, on other's address as the example's serve job expects it.
    const serve = start(process.execPath, [CLI, "-r", registry, "--this-node", "other", "serve", "--listen", `127.0.0.2:${servePort}`]);
    // cache, idle and api's test port stay down; apiTest must not be taken by chance.
    expect(apiTest).not.toBe(web);

    const targets = path.join(scratch, "targets.json");
    const exported = await runCli(["-r", registry, "export", "prometheus", "--write", targets], { env });
    expect(exported.status, exported.stderr).toBe(0);

    const blackbox = start(BLACKBOX, [`--config.file=${path.join(REPO_ROOT, "examples", "prometheus", "blackbox.yml")}`, `--web.listen-address=127.0.0.1:${blackboxPort}`]);
    const config = path.join(scratch, "prometheus.yml");
    // The scrape jobs of examples/prometheus/prometheus.yml, at a 1 s interval, pointed at this test's exporter and serve.
    await writeFile(
      config,
      [
        "global: {scrape_interval: 1s, evaluation_interval: 1s}",
        "scrape_configs:",
        "  - job_name: sparkport-ports",
        "    metrics_path: /probe",
        "    file_sd_configs: [{files: [" + JSON.stringify(targets) + "], refresh_interval: 1s}]",
        "    relabel_configs:",
        "      - {source_labels: [module], target_label: __param_module}",
        "      - {source_labels: [__address__], target_label: __param_target}",
        "      - {source_labels: [__param_target], target_label: instance}",
        `      - {target_label: __address__, replacement: "127.0.0.1:${blackboxPort}"}`,
        "  - job_name: sparkport-serve",
        "    honor_labels: true",
        `    static_configs: [{targets: ["127.0.0.2:${servePort}"], labels: {node: other}}]`,
        "",
      ].join("\n"),
    );
    const prometheus = start(PROMETHEUS, [
      `--config.file=${config}`,
      `--storage.tsdb.path=${path.join(scratch, "data")}`,
      `--web.listen-address=127.0.0.1:${prometheusPort}`,
    ]);
    const url = `http://127.0.0.1:${prometheusPort}`;

    // Until every exported service has a sample and serve has been scraped: Prometheus reads the file_sd file a few
    // seconds after it starts.
    let fromPrometheus: StatusResult | undefined;
    const running = () => prometheus.child.exitCode === null && blackbox.child.exitCode === null && serve.child.exitCode === null;
    for (let attempt = 0; attempt < 90 && running(); attempt += 1) {
      const run = await runCli(["-r", registry, "status", "--source", "prometheus", "--prometheus-url", url, "--format", "json"], { env });
      if (run.status !== 2) {
        const result = JSON.parse(run.stdout) as StatusResult;
        if (result.rows.every((r) => r.observed !== "unknown") && result.rows.some((r) => (r.sample?.bindScopes.length ?? 0) > 0)) {
          fromPrometheus = result;
          break;
        }
      }
      await sleep(500);
    }
    expect(fromPrometheus, `no samples for every service; prometheus: ${prometheus.output()}\nblackbox: ${blackbox.output()}\nserve: ${serve.output()}`).toBeDefined();
    const direct = JSON.parse((await runCli(["-r", registry, "status", "--format", "json"], { env })).stdout) as StatusResult;
    const prom = fromPrometheus as StatusResult;

    expect(prom.source).toBe("prometheus");
    expect(prom.prometheus).toBe(url);
    expect(prom.rows.map(key)).toEqual(direct.rows.map(key));
    const said = (rows: StatusRow[]) => rows.map((r) => ({ row: key(r), declared: r.declared, up: up(r), mismatch: r.mismatch }));
    expect(said(prom.rows)).toEqual(said(direct.rows));
    expect(prom.rows.filter(up).map((r) => r.service)).toEqual(["web", "api", "db", "old", "sparkport-other"]);
    // Refused from here either way; only other's serve knows it is bound to 127.0.0.1 alone.
    const findings = (result: StatusResult) => result.findings.map((f) => `${f.code} ${f.location.line}`).sort();
    const localLine = 18;
    expect(findings(direct)).toContain(`declared-running-but-down ${localLine}`);
    expect(findings(prom)).toEqual(findings(direct).map((f) => (f === `declared-running-but-down ${localLine}` ? `service-localhost-only ${localLine}` : f)).sort());
    const scopes = (service: string) => prom.rows.find((r) => r.service === service)?.sample?.bindScopes;
    expect([scopes("web"), scopes("local"), scopes("idle"), scopes("db")]).toEqual([["node-address"], ["loopback"], [], []]);
    expect(prom.exitCode).toBe(direct.exitCode);
    for (const row of prom.rows) {
      expect(row.sample?.stale).toBe(false);
      // Scraped every second: a sample is a few seconds old at most, and its job's interval is known.
      expect(row.sample?.ageMs).toBeLessThan(10_000);
      expect(row.sample?.staleAfterMs).toBe(3_000);
      expect(row.sample?.durationMs).not.toBeNull();
    }
    expect(prom.notes.map((n) => n.code)).toEqual([]);

    // The table: the same columns, each state said with where it came from and its age.
    const text = await runCli(["-r", registry, "status", "--source", "prometheus", "--prometheus-url", url], { env });
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/^SERVICE +PORT +NODE +DECLARED +OBSERVED/m);
    expect(text.stdout).toMatch(/^web +\d+ +other +running +open \(Prometheus, \d+ (ms|s) ago\)/m);
    expect(text.stdout).toMatch(/^cache +\d+ +third +running +down \(Prometheus, \d+ (ms|s) ago\) +MISMATCH/m);
    expect(text.stdout).toMatch(/^old +\d+ +third +stopped +open \(Prometheus, .*MISMATCH/m);
    expect(text.stdout).toContain("cache on third is declared running but is down");

    // honor_labels keeps serve's own node label: no exported_node beside it.
    const series = (await (await fetch(`${url}/api/v1/series?match[]=sparkport_service_bind_scope`)).json()) as { data: Record<string, string>[] };
    expect(series.data.length).toBeGreaterThan(0);
    for (const labels of series.data) expect([labels.node, labels.exported_node]).toEqual(["other", undefined]);

    // The environment gives the URL too; Prometheus gone, the same command is one line naming it, exit 2.
    prometheus.child.kill("SIGTERM");
    await new Promise((resolve) => prometheus.child.once("exit", resolve));
    const gone = await runCli(["-r", registry, "status", "--source", "prometheus"], { env: { ...env, SPARKPORT_PROMETHEUS_URL: url } });
    expect(gone.status).toBe(2);
    expect(gone.stdout).toBe("");
    expect(gone.stderr.trim().split("\n")).toEqual([`sparkport: cannot reach Prometheus at ${url}/api/v1/query (ECONNREFUSED)`]);
  });
});
