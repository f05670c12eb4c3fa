// `sparkport check` against the floor (`node -e 0`) and the commands people
// run by hand (`lsof -i :PORT`, `ss -ltnH`), medians in one run; then
// `status` over 64 services on a node whose packets are dropped, with a
// 500 ms timeout (target: the whole run within 700 ms; needs root for a
// network namespace, skipped with the reason otherwise).
//
//   npm run bench:check          RUNS=21 npm run bench:check
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../dist/bin.cjs", import.meta.url));
const runs = Number(process.env.RUNS ?? 11);
const warmup = 2;
const env = { ...process.env, NODE_EXTRA_CA_CERTS: "", NO_COLOR: "1", SPARKPORT_NODE: "here" };
delete env.NODE_EXTRA_CA_CERTS;

function time(file, args) {
  const samples = [];
  for (let i = 0; i < warmup + runs; i += 1) {
    const start = process.hrtime.bigint();
    spawnSync(file, args, { stdio: "ignore", env });
    if (i >= warmup) samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0], max: samples.at(-1) };
}

const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
const dir = mkdtempSync(path.join(tmpdir(), "sparkport-bench-"));
const registry = (file, services) => {
  const lines = [
    "version: 1",
    "nodes:",
    "  here: {address: 127.0.0.1, os: linux}",
    "  far: {address: 127.0.0.2, os: linux}",
    "teams:",
    "  B: {name: B, ranges: [{name: b, from: 18000, to: 18999}]}",
    "environments:",
    "  dev: {offset: 0}",
    "services:",
    ...services.map((s) => `  - {name: ${s.name}, team: B, node: ${s.node}, port: ${s.port}, protocol: http, access: all-nodes, status: running}`),
  ];
  writeFileSync(file, `${lines.join("\n")}\n`);
};

const server = createServer();
await new Promise((resolve) => server.listen({ host: "127.0.0.1", port: 18003 }, resolve));
try {
  const reg = path.join(dir, "ports.yaml");
  registry(reg, [{ name: "api", node: "here", port: 18000 }]);
  const rows = [["node -e 0 (baseline)", time(process.execPath, ["-e", "0"])]];
  if (has("lsof")) rows.push(["lsof -i :18002", time("lsof", ["-i", ":18002"])]);
  if (has("ss")) rows.push(["ss -ltnH 'sport = :18002'", time("ss", ["-ltnH", "sport = :18002"])]);
  rows.push(["sparkport check 18002 (free)", time(process.execPath, [cli, "check", "--registry", reg, "18002"])]);
  rows.push(["sparkport check 18003 (held)", time(process.execPath, [cli, "check", "--registry", reg, "18003"])]);
  const base = rows[0][1].median;
  console.log(`${runs} runs after ${warmup} warm-up, child processes, node ${process.version}`);
  for (const [name, t] of rows) {
    console.log(`${name.padEnd(34)} median ${t.median.toFixed(1).padStart(7)} ms  min ${t.min.toFixed(1).padStart(7)}  max ${t.max.toFixed(1).padStart(7)}  ${(t.median / base).toFixed(2)}x baseline`);
  }
  console.log("target: check <= 2x node -e 0");

  if (process.getuid?.() !== 0 || !has("ip") || !has("nft")) {
    console.log("status over 64 blackholed services: skipped (needs root, ip and nft for a network namespace)");
  } else {
    const ns = `sparkport-bench-${process.pid}`;
    const reg64 = path.join(dir, "ports-64.yaml");
    registry(reg64, Array.from({ length: 64 }, (_, i) => ({ name: `s${i}`, node: "far", port: 18100 + i })));
    try {
      execFileSync("ip", ["netns", "add", ns]);
      execFileSync("ip", ["netns", "exec", ns, "ip", "link", "set", "lo", "up"]);
      // Inside the namespace only: every packet to 127.0.0.2 is dropped, so each probe must time out.
      execFileSync("ip", ["netns", "exec", ns, "nft", "add table inet sparkport; add chain inet sparkport out { type filter hook output priority 0; }; add rule inet sparkport out ip daddr 127.0.0.2 drop"]);
      const start = process.hrtime.bigint();
      const run = spawnSync("ip", ["netns", "exec", ns, process.execPath, cli, "--timeout", "500ms", "status", "--registry", reg64, "--json"], { env, encoding: "utf8" });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const observed = JSON.parse(run.stdout).rows.map((r) => r.observed);
      const filtered = observed.filter((o) => o === "filtered").length;
      console.log(`status, 64 services on a blackholed node, --timeout 500ms: ${ms.toFixed(0)} ms (target <= 700 ms), ${filtered}/64 filtered`);
    } finally {
      spawnSync("ip", ["netns", "delete", ns]);
    }
  }
} finally {
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
