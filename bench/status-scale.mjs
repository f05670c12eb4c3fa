// `sparkport status` at scale: 100 nodes x 100 services, 10,000 probes to
// loopback addresses 127.0.x.y (Linux routes all of 127/8 to lo), with real
// listeners on a tenth of the ports; wall time, peak RSS and the sockets open
// at once (bounded by --concurrency, default from the open-file limit).
// Targets: <= 3 s, peak RSS <= 110 MB (Node 24). Then 64 services on a blackholed node
// with --timeout 500ms (target <= 700 ms; root only: it needs a network
// namespace with a drop rule, and says so when skipped).
//
//   npm run bench:status
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchEnv, CLI, has, target } from "./harness.mjs";

const preload = fileURLToPath(new URL("./report-rss.cjs", import.meta.url));
const NODES = 100;
const PER_NODE = 100;
const BASE = 21000;
const dir = mkdtempSync(path.join(tmpdir(), "sparkport-bench-"));

function registry(file, nodes, perNode, address) {
  const lines = ["version: 1", "nodes:"];
  for (let n = 0; n < nodes; n += 1) lines.push(`  n${n}: {address: ${address(n)}, os: linux}`);
  lines.push("teams:", "  A: {name: A, ranges: [{name: main, from: 20000, to: 29999}]}", "environments:", "  dev: {offset: 0}", "services:");
  for (let n = 0; n < nodes; n += 1) {
    for (let i = 0; i < perNode; i += 1) lines.push(`  - {name: s${n}-${i}, team: A, node: n${n}, port: ${BASE + i}, protocol: tcp, access: all-nodes, status: running}`);
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
}

// A cache folder of the bench's own: the first run finds no registry cache (cold), the others do (warm).
const cacheHome = mkdtempSync(path.join(tmpdir(), "sparkport-bench-cache-"));

function runStatus(args, env = benchEnv({ XDG_CACHE_HOME: cacheHome })) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ["--require", preload, CLI, ...args], { env, encoding: "utf8", maxBuffer: 256 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = Number(/maxRSS (\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1024;
  if (run.status !== 0 && run.status !== 1) throw new Error(`status exited ${run.status}: ${run.stderr}`);
  return { ms, rss, rows: JSON.parse(run.stdout).rows };
}

const listeners = [];
try {
  // 127.0.1.1 upwards: no node is 127.0.0.1, so none is "this machine" and every service is probed.
  const big = path.join(dir, "ports-10k.yaml");
  registry(big, NODES, PER_NODE, (n) => `127.0.${1 + Math.floor(n / 200)}.${(n % 200) + 1}`);
  for (let i = 0; i < PER_NODE; i += 10) {
    const server = createServer();
    await new Promise((resolve, reject) => server.once("error", reject).listen({ host: "0.0.0.0", port: BASE + i }, resolve));
    listeners.push(server);
  }
  console.log(`\nstatus, ${NODES} nodes x ${PER_NODE} services on 127.0.x.y, ${listeners.length * NODES} of them open`);
  const cold = runStatus(["--timeout", "1s", "--registry", big, "status", "--json"]);
  const runs = [1, 2, 3].map(() => runStatus(["--timeout", "1s", "--registry", big, "status", "--json"]));
  const { rows } = runs[0];
  if (JSON.stringify(cold.rows) !== JSON.stringify(rows)) throw new Error("a run from the registry cache gave other rows than the run that parsed the registry");
  const open = rows.filter((r) => r.observed === "open").length;
  const closed = rows.filter((r) => r.observed === "closed").length;
  if (rows.length !== NODES * PER_NODE || open !== listeners.length * NODES || closed !== rows.length - open) {
    throw new Error(`unexpected result: ${rows.length} rows, ${open} open, ${closed} closed`);
  }
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  const rss = runs.map((r) => r.rss).sort((a, b) => a - b);
  console.log(`  cold (parses the 1 MB registry and caches it): ${cold.ms.toFixed(0)} ms, peak RSS ${cold.rss.toFixed(1)} MB`);
  console.log(`  ${rows.length} rows: ${open} open, ${closed} closed; warm wall median ${ms[1].toFixed(0)} ms (min ${ms[0].toFixed(0)}, max ${ms[2].toFixed(0)}); peak RSS median ${rss[1].toFixed(1)} MB`);
  target("status 100 x 100, seconds (warm)", ms[1] / 1000, 3, " s");
  target("status 100 x 100, seconds (cold)", cold.ms / 1000, 3, " s");
  target("status 100 x 100, peak RSS", rss[1], 110, " MB");
  const narrow = runStatus(["--timeout", "1s", "--registry", big, "status", "--json", "--concurrency", "16"]);
  console.log(`  with --concurrency 16: ${narrow.ms.toFixed(0)} ms, peak RSS ${narrow.rss.toFixed(1)} MB`);

  if (process.getuid?.() !== 0 || !has("ip") || !has("nft")) {
    console.log("\nstatus over 64 blackholed services: skipped (needs root, ip and nft for a network namespace)");
  } else {
    const ns = `sparkport-bench-${process.pid}`;
    const reg64 = path.join(dir, "ports-64.yaml");
    registry(reg64, 1, 64, () => "127.0.0.2");
    try {
      execFileSync("ip", ["netns", "add", ns]);
      execFileSync("ip", ["netns", "exec", ns, "ip", "link", "set", "lo", "up"]);
      // Inside the namespace only: every packet to 127.0.0.2 is dropped, so each probe must time out.
      execFileSync("ip", ["netns", "exec", ns, "nft", "add table inet sparkport; add chain inet sparkport out { type filter hook output priority 0; }; add rule inet sparkport out ip daddr 127.0.0.2 drop"]);
      const blackholed = () => {
        const start = process.hrtime.bigint();
        const run = spawnSync("ip", ["netns", "exec", ns, process.execPath, CLI, "--timeout", "500ms", "--registry", reg64, "status", "--json"], { env: benchEnv({ XDG_CACHE_HOME: cacheHome }), encoding: "utf8" });
        return { ms: Number(process.hrtime.bigint() - start) / 1e6, filtered: JSON.parse(run.stdout).rows.filter((r) => r.observed === "filtered").length };
      };
      const first = blackholed();
      const again = blackholed();
      console.log(`\nstatus, 64 services on a blackholed node, --timeout 500ms: ${again.ms.toFixed(0)} ms, ${again.filtered}/64 filtered (first run, parsing the registry: ${first.ms.toFixed(0)} ms)`);
      target("status 64 blackholed, ms", again.ms, 700, " ms");
    } finally {
      spawnSync("ip", ["netns", "delete", ns]);
    }
  }
} finally {
  for (const server of listeners) server.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(cacheHome, { recursive: true, force: true });
}
