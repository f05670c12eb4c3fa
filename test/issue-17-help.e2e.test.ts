import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, runCli } from "./helpers/run-cli.js";

// Issue 17 item 17: `sparkport -v` alone says what -v is for; --quiet leaves the answer to the exit code and errors to
// stderr; --no-color beside NO_COLOR. (Every command's --help and --quiet on every command: commands.e2e.test.ts.)

let scratch = "";
let registry = "";

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "sparkport-help-"));
  registry = path.join(scratch, "ports.yaml");
  // api and worker share 8002 on box (127.0.0.1): a conflict; 8090 is free in team B's range.
  await copyFile(path.join(REPO_ROOT, "test", "fixtures", "cli-conflict", "ports.yaml"), registry);
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const run = (args: readonly string[], env: Record<string, string> = {}) =>
  runCli(["--registry", registry, "--no-remote", ...args], { cwd: scratch, env: { SPARKPORT_NODE: "box", ...env } });

describe("sparkport -v alone (item 17)", () => {
  it("says in one line that -v is --verbose of a command and --version the version, exit 2", async () => {
    for (const args of [["-v"], ["--verbose"], ["--registry", "ports.yaml", "-v"]]) {
      const result = await runCli(args, { cwd: scratch });
      expect([result.status, result.stdout], args.join(" ")).toEqual([2, ""]);
      expect(result.stderr, args.join(" ")).toMatch(/^sparkport: -v is short for --verbose, .*--version.*\n$/);
      expect(result.stderr.split("\n")).toHaveLength(2);
    }
  });

  it("leaves the rest as it was: no command at all prints the help (exit 2), -V the version, -v with a command is verbose", async () => {
    const bare = await runCli([], { cwd: scratch });
    expect([bare.status, bare.stderr]).toEqual([2, expect.stringContaining("Usage: sparkport [options] [command]")]);
    const version = await runCli(["-V"]);
    expect([version.status, version.stdout]).toEqual([0, expect.stringMatching(/^\d+\.\d+\.\d+/)]);
    const verbose = await run(["-v", "explain", "port-out-of-range"]);
    expect(verbose.status).toBe(0);
  });
});

describe("--quiet (item 17)", () => {
  it("the exit code is the answer: 1 for a conflict, 0 for a free port, nothing printed", async () => {
    const taken = await run(["-q", "check", "8002"]);
    const free = await run(["check", "8090", "--quiet"]);
    expect([taken.status, taken.stdout, taken.stderr]).toEqual([1, "", ""]);
    expect([free.status, free.stdout, free.stderr]).toEqual([0, "", ""]);
  });

  it("errors still go to stderr, with their exit codes", async () => {
    const badPort = await run(["-q", "check", "99999"]);
    expect([badPort.status, badPort.stdout]).toEqual([2, ""]);
    expect(badPort.stderr).toContain("99999");
    const noRegistry = await runCli(["-q", "--registry", path.join(scratch, "missing.yaml"), "lint"]);
    expect([noRegistry.status, noRegistry.stdout]).toEqual([2, ""]);
    expect(noRegistry.stderr).toContain("missing.yaml");
    const unknown = await run(["-q", "chekc"]);
    expect([unknown.status, unknown.stdout, unknown.stderr]).toEqual([2, "", expect.stringContaining("(Did you mean check?)")]);
  });

  it("with --json, --format github or --verbose it is a usage error: they ask for output", async () => {
    for (const args of [["--json"], ["--format", "github"], ["-v"]]) {
      const result = await run(["-q", "check", "8002", ...args]);
      expect([result.status, result.stdout], args.join(" ")).toEqual([2, ""]);
      expect(result.stderr, args.join(" ")).toMatch(/^sparkport: --quiet and (--json|--format github|--verbose) disagree; give one of them\n$/);
    }
  });
});

describe("--no-color (item 17)", () => {
  const ESC = "\u001b[";

  it("turns colour off as NO_COLOR does, even where FORCE_COLOR turns it on", async () => {
    const forced = await run(["check", "8002"], { NO_COLOR: "", FORCE_COLOR: "1" });
    expect(forced.stdout).toContain(ESC);
    for (const args of [["--no-color", "check", "8002"], ["check", "8002", "--no-color"]]) {
      const plain = await run(args, { NO_COLOR: "", FORCE_COLOR: "1" });
      expect(plain.status, args.join(" ")).toBe(1);
      expect(plain.stdout, args.join(" ")).not.toContain(ESC);
      expect(plain.stdout).toBe((await run(["check", "8002"], { NO_COLOR: "1" })).stdout);
    }
  });

  it("reaches errors too: a mistyped command and bad input", async () => {
    for (const args of [["chekc"], ["check", "99999"]]) expect((await run(args, { NO_COLOR: "", FORCE_COLOR: "1" })).stderr, args.join(" ")).toContain(ESC);
    const typo = await run(["--no-color", "chekc"], { NO_COLOR: "", FORCE_COLOR: "1" });
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain("(Did you mean check?)");
    expect(typo.stderr).not.toContain(ESC);
    const bad = await run(["check", "99999", "--no-color"], { NO_COLOR: "", FORCE_COLOR: "1" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toContain(ESC);
  });
});
