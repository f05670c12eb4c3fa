// Start-up: what sparkport adds on top of Node's own start, against the
// commands people run by hand. Baselines measured in the same run:
// `node -e 0` (the floor), `lsof -i :PORT`, `ss -ltnH 'sport = :PORT'`, and
// detect-port's own CLI. Targets: --version <= 1.3x and check (free and held)
// <= 1.8x `node -e 0`, medians; `__complete`, which a shell runs on each Tab
// (the services of the registry -r names), no more than a check: <= 1.8x.
//
//   npm run bench:startup        RUNS=31 npm run bench:startup
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { benchEnv, CLI, has, header, measure, report, runs, target } from "./harness.mjs";

const FREE = 18002;
const HELD = 18003;
/** The package's `bin`, from its package.json found above its main module (neither is in its exports). */
function detectPortBin() {
  let dir = path.dirname(createRequire(import.meta.url).resolve("detect-port"));
  const manifest = () => (existsSync(path.join(dir, "package.json")) ? JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) : {});
  while (manifest().name !== "detect-port" || manifest().bin === undefined) dir = path.dirname(dir);
  return path.join(dir, manifest().bin["detect-port"]);
}

const dir = mkdtempSync(path.join(tmpdir(), "sparkport-bench-"));
const registry = path.join(dir, "ports.yaml");
// Loopback nodes only: the bench never sends a packet off this machine.
writeFileSync(
  registry,
  [
    "version: 1",
    "nodes:",
    "  here: {address: 127.0.0.1, os: linux}",
    "  far: {address: 127.0.0.2, os: linux}",
    "teams:",
    "  B: {name: B, ranges: [{name: b, from: 18000, to: 18999}]}",
    "environments:",
    "  dev: {offset: 0}",
    "services:",
    "  - {name: api, team: B, node: here, port: 18000, protocol: http, access: all-nodes, status: running}",
    "",
  ].join("\n"),
);

const server = createServer();
await new Promise((resolve) => server.listen({ host: "127.0.0.1", port: HELD }, resolve));
const exits = (code) => (result) => {
  if (result.status !== code) throw new Error(`exit ${String(result.status)}, expected ${code}: ${result.stderr}`);
};
const offers = (value) => (result) => {
  if (!result.stdout.split("\n").some((line) => line.split("\t")[0] === value)) throw new Error(`no ${value} offered: ${result.stdout}${result.stderr}`);
};
const env = benchEnv({ SPARKPORT_NODE: "here" });
try {
  const commands = [
    { name: "node -e 0", file: process.execPath, args: ["-e", "0"] },
    ...(has("lsof") ? [{ name: `lsof -i :${FREE}`, file: "lsof", args: ["-i", `:${FREE}`] }] : []),
    ...(has("ss") ? [{ name: `ss -ltnH 'sport = :${FREE}'`, file: "ss", args: ["-ltnH", `sport = :${FREE}`] }] : []),
    { name: `detect-port ${FREE}`, file: process.execPath, args: [detectPortBin(), String(FREE)] },
    { name: "sparkport --version", file: process.execPath, args: [CLI, "--version"], expect: exits(0) },
    { name: `sparkport check ${FREE} (free)`, file: process.execPath, args: [CLI, "--registry", registry, "check", String(FREE)], env, expect: exits(0) },
    { name: `sparkport check ${HELD} (held)`, file: process.execPath, args: [CLI, "--registry", registry, "check", String(HELD)], env, expect: exits(1) },
    { name: "sparkport __complete (services)", file: process.execPath, args: [CLI, "__complete", "-r", registry, "check", "--service", ""], env, expect: offers("api") },
  ];
  header();
  const ratios = report("start-up, child processes", measure(commands, { runs: runs(15) }), "node -e 0");
  target("sparkport --version", ratios["sparkport --version"], 1.3);
  target(`sparkport check ${FREE} (free)`, ratios[`sparkport check ${FREE} (free)`], 1.8);
  target(`sparkport check ${HELD} (held)`, ratios[`sparkport check ${HELD} (held)`], 1.8);
  target("sparkport __complete (services)", ratios["sparkport __complete (services)"], 1.8);
} finally {
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
