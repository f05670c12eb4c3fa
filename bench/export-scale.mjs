// Issue 20 part 4: `export prometheus` on a generated registry of 1,000 services (every one in two
// environments: 2,000 targets), target <= 1 s; and `serve`'s /metrics for 100 services of this node
// (a tenth of them with real listeners on 127.0.0.1), target <= 50 ms per scrape.
//
//   npm run bench:prometheus
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { benchEnv, CLI, target } from "./harness.mjs";

const dir = mkdtempSync(path.join(tmpdir(), "sparkport-bench-prom-"));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function registry(file, services, base, serveService) {
  const lines = ["version: 1", "nodes:", "  box: {address: 127.0.0.1, os: linux}", "teams:", "  A: {name: A, ranges: [{name: main, from: 20000, to: 29999}]}"];
  lines.push("environments:", "  dev: {offset: 0}", "  test: {offset: 5000}", "services:");
  if (serveService !== undefined) lines.push(`  - {name: sparkport-box, team: A, node: box, port: ${serveService}, protocol: http, access: all-nodes, status: planned, start: sparkport serve}`);
  for (let i = 0; i < services; i += 1) {
    const protocol = i % 2 === 0 ? "http" : "tcp";
    lines.push(`  - {name: s${i}, team: A, node: box, port: ${base + i}, protocol: ${protocol}, access: all-nodes, status: running, environments: {dev: {}, test: {}}}`);
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
}

const listeners = [];
let server;
let ok = true;
try {
  // export: cold (no registry cache) and warm.
  const big = path.join(dir, "ports-1000.yaml");
  registry(big, 1000, 20000);
  const cacheHome = mkdtempSync(path.join(tmpdir(), "sparkport-bench-prom-cache-"));
  // One run on a small registry first: Node's compile cache of the bundle is then warm, as on any machine but after an install.
  const warm = path.join(dir, "ports-1.yaml");
  registry(warm, 1, 20000);
  spawnSync(process.execPath, [CLI, "-r", warm, "export", "prometheus"], { env: benchEnv({ XDG_CACHE_HOME: cacheHome }) });
  const times = [];
  for (let i = 0; i < 6; i += 1) {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [CLI, "-r", big, "export", "prometheus"], { env: benchEnv({ XDG_CACHE_HOME: cacheHome }), encoding: "utf8", maxBuffer: 64 << 20 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (run.status !== 0) throw new Error(`export exited ${run.status}: ${run.stderr}`);
    if (JSON.parse(run.stdout).length !== 2000) throw new Error("export gave other than 2,000 targets");
  }
  rmSync(cacheHome, { recursive: true, force: true });
  console.log(`\nexport prometheus, 1,000 services x 2 environments: first run ${times[0].toFixed(0)} ms (no registry cache), median of the others ${median(times.slice(1)).toFixed(0)} ms`);
  // The first run's time is the registry's parse (list costs the same); the cache serves every later run until the file changes.
  ok = target("export prometheus, 1,000 services (first run, registry parsed)", times[0] / 1000, 1, " s") && ok;
  ok = target("export prometheus, 1,000 services (median, registry cached)", median(times.slice(1)) / 1000, 1, " s") && ok;

  // serve: 100 services of this node, a tenth listening.
  const small = path.join(dir, "ports-100.yaml");
  const base = 24000;
  const servePort = 23999;
  registry(small, 100, base, servePort);
  for (let i = 0; i < 100; i += 10) {
    const s = createServer();
    await new Promise((resolve, reject) => s.once("error", reject).listen({ host: "127.0.0.1", port: base + i }, resolve));
    listeners.push(s);
  }
  server = spawn(process.execPath, [CLI, "-r", small, "--this-node", "box", "serve"], { env: benchEnv(), stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  server.stderr.setEncoding("utf8").on("data", (chunk) => (err += chunk));
  for (let i = 0; i < 400 && !err.includes("serving"); i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!err.includes("serving")) throw new Error(`serve did not start: ${err}`);
  const scrapes = [];
  let lines = 0;
  for (let i = 0; i < 33; i += 1) {
    const start = process.hrtime.bigint();
    const response = await fetch(`http://127.0.0.1:${servePort}/metrics`);
    const body = await response.text();
    if (i >= 3) scrapes.push(Number(process.hrtime.bigint() - start) / 1e6);
    lines = body.split("\n").filter((l) => l.startsWith("sparkport_service_listening{")).length;
  }
  console.log(`serve /metrics, ${lines} ports of this node: median ${median(scrapes).toFixed(1)} ms, max ${Math.max(...scrapes).toFixed(1)} ms over ${scrapes.length} scrapes after 3 warm-up`);
  ok = target("serve /metrics, 100 services (median)", median(scrapes), 50, " ms") && ok;
} finally {
  server?.kill("SIGTERM");
  await Promise.all(listeners.map((s) => new Promise((resolve) => s.close(resolve))));
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = ok ? 0 : 1;
