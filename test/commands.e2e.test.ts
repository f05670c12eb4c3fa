import { execFileSync } from "node:child_process";
import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonReport } from "../src/reporters/json.js";
import { REPO_ROOT, runCli } from "./helpers/run-cli.js";

// Every command on a loopback registry (its one node is 127.0.0.1), offline: nothing leaves this machine.
let scratch: string;
const run = (args: readonly string[]) => runCli(["--no-remote", ...args], { cwd: scratch, env: { SPARKPORT_NODE: "box" } });

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "sparkport-commands-"));
  await copyFile(path.join(REPO_ROOT, "test", "fixtures", "cli-conflict", "ports.yaml"), path.join(scratch, "ports.yaml"));
  // `diff` compares with a git ref.
  const git = (...args: string[]) => execFileSync("git", args, { cwd: scratch, stdio: "ignore" });
  git("init", "-q");
  git("add", "ports.yaml");
  git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-qm", "registry");
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** One command line per command, each harmless: dry runs, and a write only into the scratch folder. */
const COMMAND_LINES: readonly (readonly string[])[] = [
  ["lint"],
  ["check", "8090"],
  // Refused (api shares 8002 with worker), so the command never runs.
  ["run", "api", "--", "true"],
  // Nothing listens on 8090: a short wait that times out.
  ["wait", "8090", "--timeout", "200ms"],
  ["next", "--team", "B"],
  ["status"],
  ["doctor", "8090"],
  ["allocate", "web", "--team", "B", "--node", "box", "--port", "8091", "--dry-run"],
  ["request", "web", "--team", "B", "--node", "box", "--port", "8091"],
  ["release", "worker", "--dry-run"],
  ["set-status", "api", "stopped", "--dry-run"],
  // Refused (outside the team's ranges), so it writes nothing and runs again alike.
  ["move", "api", "--port", "9000"],
  ["diff", "HEAD"],
  ["list"],
  ["docs"],
  ["export", "prometheus"],
  // Refused (8002 is api's), so it never starts listening.
  ["serve", "--listen", "127.0.0.1:8002"],
  ["init", "starter.yaml"],
  ["explain", "duplicate-port"],
  ["completion", "bash"],
];

describe("one way out", () => {
  it("every command answers --json with JSON on stdout", async () => {
    const names = new Set<string>();
    for (const args of COMMAND_LINES) {
      // Before a `--`: what follows it is the command `run` starts.
      const dashes = args.indexOf("--");
      const result = await run(dashes < 0 ? [...args, "--json"] : [...args.slice(0, dashes), "--json", ...args.slice(dashes)]);
      expect([0, 1], `${args.join(" ")}: ${result.stderr}`).toContain(result.status);
      expect(() => JSON.parse(result.stdout) as unknown, args.join(" ")).not.toThrow();
      names.add(args[0] ?? "");
    }
    // Every command of --help is among them.
    const help = await runCli(["--help"]);
    const commands = help.stdout.slice(help.stdout.indexOf("Commands:"));
    const listed = [...commands.matchAll(/^ {2}([a-z][a-z-]*) /gm)].map((m) => m[1]).filter((name) => name !== "help");
    expect(new Set(listed)).toEqual(names);
  });

  it("every command with --quiet prints nothing and exits as it does without (issue 17 item 17)", async () => {
    for (const line of COMMAND_LINES) {
      // init refuses to replace the file its first run wrote.
      const args = line[0] === "init" ? [...line, "--force"] : line;
      const loud = await run(args);
      const quiet = await run(["--quiet", ...args]);
      expect(loud.stdout, args.join(" ")).not.toBe("");
      expect([quiet.status, quiet.stdout, quiet.stderr], args.join(" ")).toEqual([loud.status, "", ""]);
    }
  });

  it("lint --json is lint --format json", async () => {
    const [json, format] = await Promise.all([run(["lint", "--json"]), run(["lint", "--format", "json"])]);
    expect(json.status).toBe(1);
    expect(json).toEqual(format);
    expect(JSON.parse(json.stdout)).toMatchObject({ tool: "sparkport", command: "lint", exitCode: 1 });
  });

  it("--json with another --format is a usage error", async () => {
    const result = await run(["check", "8090", "--json", "--format", "text"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--json and --format text disagree");
  });

  it("bad input is printed in the format asked for, by every command", async () => {
    const bad = path.join(scratch, "bad.yaml");
    await writeFile(bad, "version: 1\nnodes: {}\nnodes: {}\n");
    for (const args of [["check", "8090", "--json"], ["list", "--format", "json"]]) {
      const result = await run(["--registry", bad, ...args]);
      expect(result.status).toBe(2);
      const report = JSON.parse(result.stdout) as JsonReport;
      expect(report).toMatchObject({ command: args[0], registry: null, exitCode: 2 });
      expect(report.findings.map((f) => [f.code, f.location.line])).toEqual([["yaml-duplicate-key", 3]]);
    }
    const text = await run(["--registry", bad, "check", "8090"]);
    expect([text.status, text.stdout]).toEqual([2, ""]);
    expect(text.stderr).toContain("yaml-duplicate-key");
  });

  it("findings with a file and line are GitHub annotations beyond lint", async () => {
    const result = await run(["check", "8002", "--format", "github"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^::error file=ports\.yaml,line=\d+,col=\d+,title=sparkport port-allocated::/m);
    expect(result.stdout).toMatch(/^sparkport check: \d+ errors?, /m);
    const list = await run(["list", "--format", "github"]);
    expect(list.status).toBe(2);
    expect(list.stderr).toContain("argument 'github' is invalid");
  });
});

describe("help", () => {
  it("every command lists the global options, its output formats and examples", async () => {
    // `<format>`, or export's own `<file_sd|http_sd>`.
    for (const args of COMMAND_LINES) {
      const help = await runCli([args[0] ?? "", "--help"]);
      expect(help.status, args[0]).toBe(0);
      for (const option of ["--registry <file>", "--timeout <duration>", "--no-remote", "--this-node <node>", "-v, --verbose", "-q, --quiet", "--no-color", "-f, --format <", "--json"]) {
        expect(help.stdout, `${args[0]} --help`).toContain(option);
      }
      expect(help.stdout).toMatch(/Global Options:\n/);
      expect(help.stdout).toMatch(/Examples:\n {2}\$ sparkport /);
      expect(help.stdout.match(/^ {2}\$ sparkport /gm)?.length, `${args[0]} --help`).toBeOneOf([1, 2]);
    }
  });
});
