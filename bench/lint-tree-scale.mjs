// lint on a generated git work tree: 20,000 project files (.env, compose, package.json, Procfile and plain
// source files) plus 10,000 under node_modules that .gitignore ignores, with a ports.yaml whose nodes are 127.x.
// The built CLI (SPARKPORT_NO_CACHE=1) against `grep -rnE '[0-9]{4,5}' --exclude-dir=node_modules` over the
// same files in the same run (target <= 5x), its peak RSS (target <= 200 MB) and the 20k / 5k time ratio
// (target <= 4.8).
//
//   npm run bench:tree       RUNS=5 npm run bench:tree
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchEnv, CLI, has, measure, report, runs, target } from "./harness.mjs";

const preload = fileURLToPath(new URL("./report-rss.cjs", import.meta.url));
const NODES = 20;

function registry() {
  const lines = ["version: 1", "nodes:"];
  for (let n = 0; n < NODES; n += 1) lines.push(`  n${n}: {address: 127.0.1.${n + 1}, os: linux}`);
  lines.push("teams:", "  A: {name: A, ranges: [{name: main, from: 3000, to: 9999}]}", "environments:", "  dev: {offset: 0}", "  test: {offset: 1}", "services:");
  for (let n = 0; n < NODES; n += 1) {
    lines.push(`  - {name: api${n}, team: A, node: n${n}, port: ${8000 + n * 2}, protocol: http, access: all-nodes, status: running, environments: {dev: {}, test: {}}}`);
    lines.push(`  - {name: web${n}, team: A, node: n${n}, port: ${3000 + n * 2}, protocol: http, access: all-nodes, status: running}`);
  }
  lines.push("scan:", "  nodes:");
  for (let n = 0; n < NODES; n += 1) lines.push(`    "n${n}/**": n${n}`);
  return `${lines.join("\n")}\n`;
}

/** File `i` of the tree: a tenth .env, compose, package.json and Procfile each, the rest plain source. Some drift. */
function projectFile(i) {
  const n = i % NODES;
  const api = 8000 + n * 2 + (i % 97 === 0 ? 1 : 0);
  const web = 3000 + n * 2;
  const host = `127.0.1.${n + 1}`;
  const dir = `n${n}/pkg${Math.floor(i / 500)}/app${Math.floor(i / 10)}`;
  switch (i % 10) {
    case 0:
      return [`${dir}/.env`, `API_PORT=${api}\nAPI_URL=http://${host}:${api}/api\nDATABASE_URL=postgresql://u:p@db:5432/app${i}\nWEB_URL=http://localhost:${web}\n`];
    case 1:
      return [`${dir}/docker-compose.yml`, `services:\n  api:\n    image: app\n    ports:\n      - "${api}:8000"\n    environment:\n      WEB: http://${host}:${web}\n  db:\n    image: postgres\n`];
    case 2:
      return [`${dir}/package.json`, JSON.stringify({ name: `app${i}`, private: true, scripts: { dev: `next dev -p ${web}`, start: "node server.js", test: "vitest" } }, null, 2)];
    case 3:
      return [`${dir}/Procfile`, `web: uvicorn main:app --host 0.0.0.0 --port ${api}\nworker: python worker.py\n`];
    default:
      return [`${dir}/src/mod${i}.ts`, `export const id${i} = ${i};\nexport function f${i}(x: number): number {\n  return x * 2 + ${i % 50};\n}\n`];
  }
}

function tree(files) {
  const root = mkdtempSync(path.join(tmpdir(), "sparkport-tree-bench-"));
  const made = new Set();
  const write = (rel, text) => {
    const dir = path.dirname(rel);
    if (!made.has(dir)) mkdirSync(path.join(root, dir), { recursive: true }), made.add(dir);
    writeFileSync(path.join(root, rel), text);
  };
  write("ports.yaml", registry());
  write(".gitignore", "node_modules/\n");
  for (let i = 0; i < files; i += 1) write(...projectFile(i));
  // Dependencies: half of them port-bearing kinds, all ignored.
  for (let i = 0; i < files / 2; i += 1) {
    const [rel, text] = projectFile(i);
    write(`node_modules/dep${i % 300}/${rel.replaceAll("/", "_")}`, text);
  }
  execFileSync("git", ["init", "-q", root]);
  return root;
}

if (!has("git") || !has("grep")) {
  console.log("skipped: needs git and grep");
  process.exit(0);
}
const small = tree(5_000);
const large = tree(20_000);
try {
  const lintOk = (result) => {
    if (result.status !== 0 && result.status !== 1) throw new Error(`lint exited ${result.status}: ${result.stderr.slice(0, 2000)}`);
  };
  const grepOk = (result) => {
    if (result.status !== 0) throw new Error(`grep exited ${result.status}: ${result.stderr}`);
  };
  const env = benchEnv({ SPARKPORT_NO_CACHE: "1" });
  const lint = (name, root) => ({ name, file: process.execPath, args: [CLI, "lint", "--format", "json", "--registry", path.join(root, "ports.yaml")], env, expect: lintOk });
  const grep = (name, root) => ({ name, file: "grep", args: ["-rnE", "[0-9]{4,5}", "--exclude-dir=node_modules", "--exclude-dir=.git", "."], cwd: root, expect: grepOk });
  // What lint found, once: the scan must have read the files, not skipped them.
  const first = spawnSync(process.execPath, ["--require", preload, ...lint("", large).args], { env, encoding: "utf8", maxBuffer: 256 << 20 });
  lintOk(first);
  const json = JSON.parse(first.stdout);
  console.log(`\nlint on a git tree of 20,000 files + 10,000 in node_modules: ${json.scan.read} files read, ${json.scan.references} references, ${json.findings.length} findings`);
  if (json.scan.read < 8_000) throw new Error(`the scan read only ${json.scan.read} files`);

  const rows = measure([grep("grep -rnE 20k", large), lint("lint 20k", large), grep("grep -rnE 5k", small), lint("lint 5k", small)], { runs: runs(5), warmup: 1 });
  const ratios = report(`lint vs grep, child processes, ${runs(5)} runs each after a warm-up`, rows, "grep -rnE 20k");
  const rss = [0, 1, 2].map(() => {
    const run = spawnSync(process.execPath, ["--require", preload, ...lint("", large).args], { env, encoding: "utf8", maxBuffer: 256 << 20 });
    return Number(/maxRSS (\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1024;
  }).sort((a, b) => a - b);
  console.log(`  lint 20k peak RSS median ${rss[1].toFixed(1)} MB (min ${rss[0].toFixed(1)}, max ${rss[2].toFixed(1)})`);
  target("lint 20k / grep 20k", ratios["lint 20k"], 5);
  target("lint 20k, peak RSS", rss[1], 200, " MB");
  target("lint 20k / lint 5k", ratios["lint 20k"] / ratios["lint 5k"], 4.8);
} finally {
  rmSync(small, { recursive: true, force: true });
  rmSync(large, { recursive: true, force: true });
}
