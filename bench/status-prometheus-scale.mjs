// Issue 20 part 4: `status --source prometheus` on a generated registry of 1,000 services, against a stand-in
// for Prometheus's HTTP API on 127.0.0.1 that answers 1,000 samples to each of status's four queries.
// Target <= 1 s, the first run (registry parsed) as the later ones (registry cache). Nothing is probed.
//
//   npm run bench:status-prometheus
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { benchEnv, CLI, target } from "./harness.mjs";

const SERVICES = 1000;
const NODES = 10;
const dir = mkdtempSync(path.join(tmpdir(), "sparkport-bench-status-prom-"));
const cacheHome = mkdtempSync(path.join(tmpdir(), "sparkport-bench-status-prom-cache-"));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const lines = ["version: 1", "nodes:"];
for (let n = 0; n < NODES; n += 1) lines.push(`  n${n}: {address: 127.0.1.${n + 1}, os: linux}`);
lines.push("teams:", "  A: {name: A, ranges: [{name: main, from: 20000, to: 29999}]}", "environments:", "  dev: {offset: 0}", "services:");
const series = [];
for (let i = 0; i < SERVICES; i += 1) {
  const node = `n${i % NODES}`;
  const protocol = i % 2 === 0 ? "http" : "tcp";
  lines.push(`  - {name: s${i}, team: A, node: ${node}, port: ${20000 + i}, protocol: ${protocol}, access: all-nodes, status: running}`);
  const module = protocol === "http" ? "http_2xx" : "tcp_connect";
  series.push({ service: `s${i}`, environment: "dev", team: "A", node, access: "all-nodes", protocol, status: "running", module, instance: `127.0.1.${(i % NODES) + 1}:${20000 + i}`, job: "sparkport-ports" });
}
const registry = path.join(dir, "ports-1000.yaml");
writeFileSync(registry, `${lines.join("\n")}\n`);

// Every tenth service down; ages of a second or two at a 15 s interval: none stale.
const vector = (value, name) =>
  JSON.stringify({
    status: "success",
    data: { resultType: "vector", result: series.map((m, i) => ({ metric: name === undefined ? m : { __name__: name, ...m }, value: [Date.now() / 1000, String(value(i))] })) },
  });
const answers = {
  success: vector((i) => (i % 10 === 0 ? 0 : 1), "probe_success"),
  age: vector((i) => 1 + (i % 7) / 7),
  duration: vector(() => 0.0042, "probe_duration_seconds"),
  scope: JSON.stringify({ status: "success", data: { resultType: "vector", result: [] } }),
  targets: JSON.stringify({ status: "success", data: { activeTargets: series.map((labels) => ({ labels, scrapeInterval: "15s" })), droppedTargets: [] } }),
};
const server = createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://bench");
  const query = url.searchParams.get("query") ?? "";
  response.setHeader("content-type", "application/json");
  if (url.pathname === "/api/v1/targets") response.end(answers.targets);
  else if (query.startsWith("time()")) response.end(answers.age);
  else if (query.startsWith("probe_success")) response.end(answers.success);
  else if (query.startsWith("probe_duration_seconds")) response.end(answers.duration);
  else response.end(answers.scope);
});
await new Promise((resolve) => server.listen({ host: "127.0.0.1", port: 0 }, resolve));
const prometheus = `http://127.0.0.1:${server.address().port}`;

/** The CLI as a child, never spawnSync: this process answers its queries meanwhile. */
function runStatus(file) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const args = [CLI, "-r", file, "--this-node", "n0", "status", "--source", "prometheus", "--prometheus-url", prometheus, "--json"];
    const child = spawn(process.execPath, args, { env: benchEnv({ XDG_CACHE_HOME: cacheHome }), stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (c) => (out += c));
    child.stderr.setEncoding("utf8").on("data", (c) => (err += c));
    child.once("error", reject);
    child.once("close", (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0 && code !== 1) reject(new Error(`status exited ${code}: ${err}`));
      else resolve({ ms, result: JSON.parse(out) });
    });
  });
}

let ok = true;
try {
  // One run on a small registry first: Node's compile cache of the bundle is then warm, as on any machine but after an install.
  const small = path.join(dir, "ports-1.yaml");
  writeFileSync(small, `${lines.slice(0, lines.indexOf("services:") + 2).join("\n")}\n`);
  await runStatus(small);
  const runs = [];
  for (let i = 0; i < 6; i += 1) runs.push(await runStatus(registry));
  const { result } = runs[0];
  const open = result.rows.filter((r) => r.observed === "open").length;
  const down = result.rows.filter((r) => r.observed === "down").length;
  if (result.rows.length !== SERVICES || open !== 900 || down !== 100) throw new Error(`unexpected result: ${result.rows.length} rows, ${open} open, ${down} down`);
  const warm = median(runs.slice(1).map((r) => r.ms));
  console.log(`\nstatus --source prometheus, ${SERVICES} services, ${SERVICES} samples per query: first run ${runs[0].ms.toFixed(0)} ms (registry parsed), median of the others ${warm.toFixed(0)} ms`);
  ok = target("status --source prometheus, 1,000 services (first run)", runs[0].ms / 1000, 1, " s") && ok;
  ok = target("status --source prometheus, 1,000 services (median, registry cached)", warm / 1000, 1, " s") && ok;
} finally {
  server.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(cacheHome, { recursive: true, force: true });
}
process.exitCode = ok ? 0 : 1;
