// Lint time against registry size: a generated 1,000-service and a
// 10,000-service registry, each linted by the built CLI as a child process.
// Prints medians and the ratio 10k / 1k (target: <= 12, i.e. no quadratic
// rule), with `node -e 0` as the named baseline measured in the same run.
//
//   npm run bench            (builds dist/ first)
//   RUNS=15 npm run bench    (more runs per command)
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../dist/bin.cjs", import.meta.url));
const runs = Number(process.env.RUNS ?? 7);
const warmup = 2;

/** A valid registry of `services` services: 100 per node, with test and staging environments on a third of them. */
function registry(services) {
  const nodes = Math.ceil(services / 100);
  const lines = ["version: 1", "nodes:"];
  for (let n = 0; n < nodes; n += 1) lines.push(`  n${n}:`, `    address: 127.0.${Math.floor(n / 250)}.${(n % 250) + 1}`, "    os: linux");
  lines.push("teams:", "  A:", "    name: Team A", "    ranges:", "      - name: main", "        from: 10000", "        to: 19999");
  lines.push("environments:", "  dev: {offset: 0}", "  test: {offset: 1}", "  staging: {offset: 10}");
  lines.push("services:");
  for (let i = 0; i < services; i += 1) {
    const withEnvs = i % 3 === 0;
    lines.push(
      `  - name: s${i}`,
      "    team: A",
      `    node: n${Math.floor(i / 100)}`,
      `    port: ${10000 + (i % 100) * 20}`,
      "    protocol: http",
      "    access: all-nodes",
      "    status: running",
    );
    if (withEnvs) lines.push("    environments: {dev: {}, test: {}, staging: {}}");
  }
  return `${lines.join("\n")}\n`;
}

function time(file, args) {
  const samples = [];
  for (let i = 0; i < warmup + runs; i += 1) {
    const start = process.hrtime.bigint();
    try {
      execFileSync(file, args, { stdio: "ignore", env: { ...process.env, NODE_EXTRA_CA_CERTS: "" } });
    } catch (error) {
      if (typeof error.status !== "number") throw error;
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (i >= warmup) samples.push(ms);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0], max: samples.at(-1) };
}

const dir = mkdtempSync(path.join(tmpdir(), "sparkport-bench-"));
try {
  const small = path.join(dir, "ports-1k.yaml");
  const large = path.join(dir, "ports-10k.yaml");
  writeFileSync(small, registry(1_000));
  writeFileSync(large, registry(10_000));
  // Measure the real thing: both registries must load and lint clean.
  for (const file of [small, large]) execFileSync(process.execPath, [cli, "lint", "--registry", file], { stdio: "ignore" });
  const rows = [
    ["node -e 0 (baseline)", time(process.execPath, ["-e", "0"])],
    ["sparkport lint, 1k services", time(process.execPath, [cli, "lint", "--registry", small, "--format", "json"])],
    ["sparkport lint, 10k services", time(process.execPath, [cli, "lint", "--registry", large, "--format", "json"])],
  ];
  const base = rows[0][1].median;
  console.log(`${runs} runs after ${warmup} warm-up, child processes, node ${process.version}`);
  for (const [name, t] of rows) {
    console.log(`${name.padEnd(32)} median ${t.median.toFixed(1).padStart(8)} ms  min ${t.min.toFixed(1).padStart(8)}  max ${t.max.toFixed(1).padStart(8)}  ${(t.median / base).toFixed(2)}x baseline`);
  }
  const ratio = rows[2][1].median / rows[1][1].median;
  console.log(`lint 10k / 1k: ${ratio.toFixed(2)} (target <= 12)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
