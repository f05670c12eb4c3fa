import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { JsonReport } from "../src/reporters/json.js";
import { CLI, REPO_ROOT, runCli } from "./helpers/run-cli.js";

const fixture = (name: string): string => path.join(REPO_ROOT, "test", "fixtures", name, "ports.yaml");

let scratch: string;
beforeEach(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "sparkport-cli-"));
});
afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("the built CLI", () => {
  it("is what package.json's bin runs, and prints the package version", async () => {
    const manifest = JSON.parse(await readFile(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string; bin: Record<string, string> };
    expect(path.resolve(REPO_ROOT, manifest.bin.sparkport ?? "")).toBe(CLI);
    const run = await runCli(["--version"]);
    expect(run).toMatchObject({ status: 0, stdout: `${manifest.version}\n` });
  });

  it("lints the repo's own ports.yaml clean: exit 0, no colour codes", async () => {
    const run = await runCli(["lint"]);
    expect(run.status).toBe(0);
    // The scan's account first: outside sparkport's own code (excluded in ports.yaml), package.json, vitest.config.ts,
    // action.yml, .pre-commit-hooks.yaml and the two workflows.
    expect(run.stdout).toMatch(
      /^scan: 6 files read, 0 port references; 6 files that no scan\.nodes glob maps to a node \(--verbose lists them\)\n✔ ports\.yaml: 0 errors, 0 warnings, 0 info in 11 services \(14 ports\), 4 reservations, 3 nodes; 4 findings covered by declared exceptions\n$/,
    );
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it("exits 1 on error findings and names file:line:column, code and fix", async () => {
    const run = await runCli(["lint", "--registry", fixture("cli-conflict")]);
    expect(run.status).toBe(1);
    const file = path.relative(REPO_ROOT, fixture("cli-conflict"));
    expect(run.stdout).toContain(`errors (1)\n  ${file}:28:11  duplicate-port  port 8002/tcp on box is allocated to api, worker`);
    expect(run.stdout).toContain("fix: give one of them another port");
    expect(run.stdout).toContain(`see ${file}:21:11 (services[0].port)`);
    expect(run.stdout).toMatch(/✖ .*: 1 error, 0 warnings, 0 info/);
  });

  it("--format json prints the documented shape", async () => {
    const run = await runCli(["lint", "--format", "json", "--registry", fixture("cli-conflict")]);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report).toMatchObject({ tool: "sparkport", command: "lint", exitCode: 1, summary: { errors: 1, warnings: 0, infos: 0, excepted: 0 } });
    expect(report.findings.map((f) => [f.code, f.severity, f.location.line, f.location.column, f.location.path])).toEqual([
      ["duplicate-port", "error", 28, 11, "services[1].port"],
    ]);
  });

  it("--format github prints workflow annotations with file and line", async () => {
    const run = await runCli(["lint", "--format", "github", "--registry", fixture("cli-conflict")]);
    expect(run.status).toBe(1);
    const file = path.relative(REPO_ROOT, fixture("cli-conflict"));
    expect(run.stdout.split("\n")[0]).toBe(
      `::error file=${file},line=28,col=11,title=sparkport duplicate-port::port 8002/tcp on box is allocated to api, worker` +
        "%0Afix: give one of them another port in its team's range (`sparkport next` finds one)",
    );
  });

  it("--strict turns warnings into errors", async () => {
    const file = path.join(scratch, "ports.yaml");
    const text = (await readFile(fixture("cli-conflict"), "utf8")).replace(/  - name: worker[\s\S]*$/, "").replace("port: 8002", "port: 80");
    await writeFile(file, text.replace("from: 8000", "from: 1"));
    expect((await runCli(["lint", "--registry", file])).status).toBe(0);
    const strict = await runCli(["lint", "--strict", "--registry", file]);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain("privileged-port");
  });

  it("exits 2 with file:line:column and no stack trace on an invalid registry", async () => {
    const file = path.join(scratch, "ports.yaml");
    const original = "version: 1\nnodes: {}\nteams: {}\nenvironments: {}\nservices:\n  - name: api\n    port: eighty\n";
    await writeFile(file, original);
    const run = await runCli(["lint", "--registry", file]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`${file}:7:11  schema-invalid  expected a number, received "eighty"`);
    expect(run.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
    expect(await readFile(file, "utf8")).toBe(original);
  });

  it("exits 2 in JSON too, with the problems as findings", async () => {
    const file = path.join(scratch, "ports.yaml");
    await writeFile(file, "version: 1\nnodes: {}\nnodes: {}\n");
    const run = await runCli(["lint", "--format", "json", "--registry", file]);
    expect(run.status).toBe(2);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.registry).toBeNull();
    expect(report.findings.map((f) => [f.code, f.location.line, f.location.column])).toEqual([["yaml-duplicate-key", 3, 1]]);
  });

  it("exits 2 on bad usage: unknown option, unknown format, unknown command", async () => {
    for (const args of [["lint", "--nope"], ["lint", "--format", "xml"], ["frobnicate"]]) {
      const run = await runCli(args);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(/error: /);
    }
  });

  it("exits 2 and says how to create a registry when none is found", async () => {
    const run = await runCli(["lint"], { cwd: scratch });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`no ports.yaml in ${scratch} or any folder above it`);
    expect(run.stderr).toContain("sparkport init");
  });

  it("finds the registry through SPARKPORT_REGISTRY and by walking up", async () => {
    const viaEnv = await runCli(["lint"], { cwd: scratch, env: { SPARKPORT_REGISTRY: fixture("cli-conflict") } });
    expect(viaEnv.status).toBe(1);
    // A registry above the working directory, in the project it works in, is named from there, as its files are.
    const walked = await runCli(["lint", "--format", "json"], { cwd: path.join(REPO_ROOT, "src", "registry") });
    expect(JSON.parse(walked.stdout)).toMatchObject({ registry: { file: path.posix.join("..", "..", "ports.yaml") } });
    // One named from outside the project keeps its absolute path.
    const outside = await runCli(["lint", "--format", "json", "--no-scan", "-r", path.join(REPO_ROOT, "ports.yaml")], { cwd: scratch });
    expect(JSON.parse(outside.stdout)).toMatchObject({ registry: { file: path.join(REPO_ROOT, "ports.yaml") } });
  });

  it("finds the command after global options whose values are command names; help and suggestions still see every command", async () => {
    // Only the command named is defined, so a value taken for it would make the real one unknown.
    const registry = path.join(scratch, "ports.yaml");
    await writeFile(
      registry,
      "version: 1\nnodes:\n  list: {address: 127.0.0.1, os: linux}\nteams:\n  B: {name: B, ranges: [{name: b, from: 1024, to: 65535}]}\nenvironments:\n  dev: {offset: 0}\nservices: []\n",
    );
    const named = await runCli(["--this-node", "list", "--registry", registry, "--timeout", "500ms", "-v", "explain", "port-out-of-range"]);
    expect(named.status, named.stderr).toBe(0);
    expect(named.stdout).toContain("port-out-of-range");
    const listed = await runCli(["-vr", registry, "--this-node", "list", "list", "--json"]);
    expect(listed.status, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toHaveProperty("sections");
    const typo = await runCli(["--registry", registry, "chekc", "8002"]);
    expect([typo.status, typo.stderr]).toEqual([2, expect.stringContaining("(Did you mean check?)")]);
    const help = await runCli(["check", "--help"]);
    expect([help.status, help.stdout]).toEqual([0, expect.stringContaining("Usage: sparkport check [options] [port...]")]);
    const helpCommand = await runCli(["help", "list"]);
    expect([helpCommand.status, helpCommand.stdout]).toEqual([0, expect.stringContaining("Usage: sparkport list [options]")]);
  });

  it("help exits 0 and lists the commands", async () => {
    const run = await runCli(["--help"]);
    expect(run.status).toBe(0);
    for (const command of ["lint", "list", "docs", "init", "explain"]) expect(run.stdout).toContain(command);
  });
});

describe("sparkport list", () => {
  it("groups the repo's tables as the document does", async () => {
    const run = await runCli(["list"]);
    expect(run.status).toBe(0);
    const titles = run.stdout.split("\n").filter((l) => l !== "" && !l.startsWith(" "));
    expect(titles).toEqual(["Shared infrastructure (team A)", "AI workers (team A)", "Backend (team B)", "Frontend (team C)", "Reserved for later"]);
    expect(run.stdout).toMatch(/FastAPI \(staging\) +8010 +http +macmini +staging only +reserved/);
  });

  it("filters by team, node and environment, in JSON", async () => {
    const run = await runCli(["list", "--team", "B", "--env", "test", "--json"]);
    const result = JSON.parse(run.stdout) as { sections: { rows: { label: string; port: number }[] }[]; reservations: unknown[] };
    expect(result.sections.flatMap((s) => s.rows.map((r) => [r.label, r.port]))).toEqual([["FastAPI (test)", 8001]]);
    expect(result.reservations).toEqual([]);
    const desktop = JSON.parse((await runCli(["list", "--node", "desktop", "--json"])).stdout) as { sections: { rows: { service: string }[] }[] };
    expect(desktop.sections.flatMap((s) => s.rows.map((r) => r.service))).toEqual(["sparkport-desktop", "ollama", "comfyui"]);
  });

  it("rejects an unknown filter value with a suggestion and exit 2", async () => {
    const run = await runCli(["list", "--node", "macmni"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown node "macmni"; did you mean "macmini"?');
  });
});

describe("sparkport docs and lint --docs", () => {
  it("renders section 2's tables as Markdown", async () => {
    const run = await runCli(["docs"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("### 1. Shared infrastructure (team A)");
    expect(run.stdout).toContain("| **PostgreSQL** | 5432 | TCP | Mac mini (100.123.51.5) | all nodes | running | database; fixed: never change |");
    expect(run.stdout).toContain("| **FastAPI (test)** | 8001 | HTTP | Mac mini (100.123.51.5) | test only | reserved | optional integration tests |");
    expect(run.stdout).toContain("### 5. Reserved for later");
    expect(run.stdout).toContain("| **Celery Flower** | 5555 | async task monitoring | medium |");
  });

  it("writes the file, and lint --docs reports when it drifts", async () => {
    const doc = path.join(scratch, "PORT_ALLOCATION.md");
    expect((await runCli(["docs", "--write", doc])).status).toBe(0);
    expect((await runCli(["lint", "--docs", doc])).status).toBe(0);
    const text = await readFile(doc, "utf8");
    await writeFile(doc, text.replace("| 8001 |", "| 8002 |"));
    const stale = await runCli(["lint", "--docs", doc]);
    expect(stale.status).toBe(1);
    expect(stale.stdout).toMatch(/docs-out-of-date +.*PORT_ALLOCATION\.md differs from the registry from line \d+ on/);
    expect(stale.stdout).toContain(`fix: run \`sparkport docs --write ${doc}\``);
  });

  it("lint --docs on a file that does not exist says so, with the command that creates it", async () => {
    const doc = path.join(scratch, "missing.md");
    const run = await runCli(["lint", "--docs", doc, "--no-scan"], { env: { NO_COLOR: "1" } });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/docs-missing +.*missing\.md does not exist/);
    expect(run.stdout).toContain(`fix: run \`sparkport docs --write ${doc}\` to create it`);
    expect(run.stdout).not.toContain("differs from the registry");
  });
});

describe("sparkport init", () => {
  it("writes a starter that lints clean, and refuses to overwrite without --force", async () => {
    const created = await runCli(["init"], { cwd: scratch });
    expect(created).toMatchObject({ status: 0 });
    expect((await runCli(["lint", "--strict"], { cwd: scratch })).status).toBe(0);
    const file = path.join(scratch, "ports.yaml");
    await writeFile(file, "# mine\n");
    const refused = await runCli(["init"], { cwd: scratch });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("ports.yaml already exists; nothing was written. Use --force to replace it.");
    expect(await readFile(file, "utf8")).toBe("# mine\n");
    expect((await runCli(["init", "--force"], { cwd: scratch })).stdout).toContain("replaced ports.yaml");
    expect(await readFile(file, "utf8")).toContain("version: 1");
  });

  it("reports a missing folder as a usage error", async () => {
    const run = await runCli(["init", path.join("no", "such", "dir", "ports.yaml")], { cwd: scratch });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("its folder does not exist");
  });
});

describe("sparkport explain", () => {
  it("lists every rule with its severity", async () => {
    const run = await runCli(["explain"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/outside-team-range +error +A port must lie in one of its team's ranges\./);
  });

  it("suggests a near code", async () => {
    const run = await runCli(["explain", "duplicate-prot"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('did you mean "duplicate-port"?');
  });
});

describe("colour", () => {
  it("colours on FORCE_COLOR, and NO_COLOR wins over it", async () => {
    const file = fixture("cli-conflict");
    const forced = await runCli(["lint", "--registry", file], { env: { FORCE_COLOR: "1", NO_COLOR: "" } });
    expect(forced.stdout).toMatch(/\u001b\[31m/);
    const both = await runCli(["lint", "--registry", file], { env: { FORCE_COLOR: "1", NO_COLOR: "1" } });
    expect(both.stdout).not.toMatch(/\u001b\[/);
    expect(both.stdout).toContain("duplicate-port");
  });
});

describe("docs stay comparable from any folder", () => {
  it("lint --docs agrees whether run from the repo root or below it", async () => {
    const doc = path.join(scratch, "PORTS.md");
    await runCli(["docs", "--write", doc]);
    const below = await runCli(["lint", "--docs", doc], { cwd: path.join(REPO_ROOT, "src") });
    expect(below.status).toBe(0);
  });
});

describe("write errors", () => {
  it("docs --write and init --force into a missing folder or a directory: exit 2, no stack trace", async () => {
    for (const args of [
      ["docs", "--write", path.join(scratch, "missing", "x.md")],
      ["docs", "--write", scratch],
      ["init", "--force", path.join(scratch, "missing", "ports.yaml")],
      ["init", "--force", scratch],
      ["lint", "--docs", scratch],
    ]) {
      const run = await runCli(args);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(/^sparkport: cannot (write|create|read) .*: (its folder does not exist|it is a directory)/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
