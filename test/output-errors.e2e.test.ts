import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EXIT_UNFINISHED } from "../src/findings/exit-code.js";
import { CLI, REPO_ROOT } from "./helpers/run-cli.js";
import { skipping } from "./helpers/skip-reason.js";

// Where the output goes is the shell's business: a reader that stops early (`| head -c10`) ends the run
// quietly with its usual status; a write that fails (/dev/full) is one line on stderr and EXIT_UNFINISHED,
// never 0 or 1, never a stack trace. A file that is no regular file is bad input, never a bug.

const env = { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, SPARKPORT_REGISTRY: undefined, SPARKPORT_NO_CACHE: "1", SPARKPORT_NODE: undefined };

let large: string;
beforeAll(() => {
  const dir = mkdtempSync(path.join(tmpdir(), "sparkport-output-"));
  large = path.join(dir, "ports.yaml");
  const lines = ["version: 1", "nodes:", "  far: {address: 127.0.0.9, os: linux}", "teams:", "  A: {name: A, ranges: [{name: a, from: 20000, to: 29999}]}", "environments:", "  dev: {offset: 0}", "services:"];
  for (let i = 0; i < 3000; i += 1) lines.push(`  - {name: service-${i}, team: A, node: far, port: ${20000 + i}, protocol: tcp, access: all-nodes, status: stopped, note: "a note long enough to fill the pipe"}`);
  writeFileSync(large, `${lines.join("\n")}\n`);
});

/** The run read to its end, for its usual status and output. */
function whole(args: readonly string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env, encoding: "utf8", maxBuffer: 1 << 28 });
}

/** Reads the first bytes of stdout, as `head -c10` does, and closes the pipe while the CLI is still writing. */
function closedEarly(args: readonly string[]): Promise<{ status: number | null; signal: string | null; stderr: string; head: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let head = "";
    let stderr = "";
    child.stdout.once("data", (chunk: Buffer) => {
      head = chunk.toString("utf8", 0, 10);
      child.stdout.destroy();
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status, signal) => resolve({ status, signal, stderr, head }));
  });
}

/** stdout on /dev/full: every write fails with ENOSPC. */
function toFullDevice(args: readonly string[]) {
  const fd = openSync("/dev/full", "w");
  try {
    return spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env, encoding: "utf8", stdio: ["ignore", fd, "pipe"] });
  } finally {
    closeSync(fd);
  }
}

describe.skipIf(skipping(process.platform !== "linux", "the cut-short output tests", `they need Linux pipes and /dev/full; this is ${process.platform}`))("output the shell cuts short or cannot take", () => {
  it("a pipe closed after ten bytes (`list --json | head -c10`, `status --json | head -c10`, `list | head -c10`): no EPIPE, no trace, the usual status", async () => {
    for (const args of [
      ["--registry", large, "list", "--json"],
      ["--registry", large, "list"],
      ["--registry", large, "--no-remote", "status", "--json"],
    ]) {
      const usual = whole(args);
      expect(usual.stdout.length, args.join(" ")).toBeGreaterThan(1 << 17);
      const cut = await closedEarly(args);
      expect([cut.status, cut.signal, cut.stderr], args.join(" ")).toEqual([usual.status, null, usual.stderr]);
      expect(cut.head).toBe(usual.stdout.slice(0, 10));
    }
  });

  it.skipIf(skipping(!existsSync("/dev/full"), "the /dev/full case", "no /dev/full here"))("stdout on /dev/full: one line on stderr and EXIT_UNFINISHED (75), for every kind of output", () => {
    expect(EXIT_UNFINISHED).toBe(75);
    for (const args of [["list"], ["list", "--json"], ["lint", "--no-scan"], ["lint", "--no-scan", "--format", "github"], ["--registry", large, "list", "--json"], ["--help"], ["--version"], ["explain"]]) {
      const run = toFullDevice(args);
      expect([run.status, run.stderr], args.join(" ")).toEqual([EXIT_UNFINISHED, "sparkport: could not write the output: no space left on device\n"]);
    }
  });

  it("lint --docs on a FIFO or /dev/zero: exit 2 and one line, at once", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sparkport-docs-"));
    const fifo = path.join(dir, "PORTS.md");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    for (const [docs, what] of [[fifo, "a FIFO"], ["/dev/zero", "a device"]] as const) {
      const run = spawnSync(process.execPath, [CLI, "lint", "--no-scan", "--docs", docs], { cwd: REPO_ROOT, env, encoding: "utf8", timeout: 15_000 });
      expect([run.status, run.stdout, run.stderr], docs).toEqual([2, "", `sparkport: cannot read ${docs}: it is ${what}\n`]);
    }
  });
});
