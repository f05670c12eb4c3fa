// Lint time against registry size: the repo's own ports.yaml and generated
// 1,000- and 10,000-service registries, each linted by the built CLI as a
// child process, with `node -e 0` measured in the same run; the ratio
// 10k / 1k (target <= 12: no quadratic rule). Then the registry load alone
// (read, YAML, schema), in-process.
//
//   npm run bench:lint       RUNS=15 npm run bench:lint
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseRegistry } from "../dist/registry/parse-registry.js";
import { benchEnv, CLI, measure, report, runs, target } from "./harness.mjs";
import { benchInProcess } from "./in-process.mjs";

const repoRegistry = fileURLToPath(new URL("../ports.yaml", import.meta.url));

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

const dir = mkdtempSync(path.join(tmpdir(), "sparkport-bench-"));
try {
  const small = path.join(dir, "ports-1k.yaml");
  const large = path.join(dir, "ports-10k.yaml");
  writeFileSync(small, registry(1_000));
  writeFileSync(large, registry(10_000));
  // Measure the real thing: every registry must load and lint clean.
  for (const file of [repoRegistry, small, large]) execFileSync(process.execPath, [CLI, "lint", "--no-scan", "--registry", file], { stdio: "ignore" });
  const clean = (result) => {
    if (result.status !== 0) throw new Error(`lint exited ${result.status}: ${result.stderr}`);
  };
  // As CI runs it: a fresh machine, every registry parsed (SPARKPORT_NO_CACHE). Then the 10k registry
  // on a developer's machine, found in the registry cache from the second run on.
  const parsed = benchEnv({ SPARKPORT_NO_CACHE: "1" });
  const cached = benchEnv({ XDG_CACHE_HOME: path.join(dir, "cache") });
  const lint = (name, file, env = parsed) => ({ name, file: process.execPath, args: [CLI, "lint", "--no-scan", "--format", "json", "--registry", file], env, expect: clean });
  const rows = measure(
    [
      { name: "node -e 0", file: process.execPath, args: ["-e", "0"] },
      lint("lint ports.yaml (repo)", repoRegistry),
      lint("lint 1k services", small),
      lint("lint 10k services", large),
      lint("lint 10k services, cached", large, cached),
    ],
    { runs: runs(7), warmup: 2 },
  );
  const ratios = report("lint, child processes", rows, "node -e 0");
  target("lint 10k / 1k", ratios["lint 10k services"] / ratios["lint 1k services"], 12);

  const texts = [small, large].map((file) => readFileSync(file, "utf8"));
  const load = await benchInProcess(
    [
      { name: "load 1k services", fn: () => parseRegistry(texts[0], small) },
      { name: "load 10k services", fn: () => parseRegistry(texts[1], large) },
    ],
    { iterations: runs(7) },
  );
  const loadRatios = report("registry load (read, YAML, schema), in-process (tinybench)", load, "load 1k services");
  target("load 10k / 1k", loadRatios["load 10k services"], 12);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
