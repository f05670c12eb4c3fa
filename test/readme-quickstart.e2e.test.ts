import type { ChildProcess } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { splitCommandLine } from "../src/command-line/split-command-line.js";
import { canConnect, startPythonServer } from "./helpers/listeners.js";
import { REPO_ROOT, runCli } from "./helpers/run-cli.js";

// The README's quick start shows real output of the built CLI on examples/quickstart. This test runs every
// ```console block there and fails when the output differs; `UPDATE_README=1` writes the fresh output instead.
const README = path.join(REPO_ROOT, "README.md");
const EXAMPLE = path.join(REPO_ROOT, "examples", "quickstart");
const BLOCK = /```console\n\$ (sparkport [^\n]*)\n([\s\S]*?)```/g;
const HELD_PORT = 3000;

/** What differs from machine to machine: PIDs, the user, Python's version and where it lives. */
const normalize = (text: string): string =>
  text
    .replace(/\b(PID|kill|kill -9) \d+/g, "$1 N")
    .replace(/user [^),]+/g, "user U")
    .replace(/\S*\/python3(\.\d+)?\b|\bpython3\.\d+\b/g, "python3")
    .trimEnd();

// Whether the tailscale CLI is installed is this machine's business, not the quick start's.
const withoutTailscaleNotes = (text: string): string =>
  text
    .split("\n")
    .filter((line) => !/^i tailscale-/.test(line))
    .join("\n");

let holder: ChildProcess | undefined;
let busy = false;

beforeAll(async () => {
  busy = await canConnect("127.0.0.1", HELD_PORT);
  if (busy) console.warn(`skipped: port ${HELD_PORT} is already in use on this machine, and the quick start needs it free to hold it`);
  else holder = await startPythonServer("127.0.0.1", HELD_PORT);
});
afterAll(() => holder?.kill());

describe("the README's quick start shows what the built CLI prints", () => {
  it("runs each console block in examples/quickstart and gets its output", async (context) => {
    if (busy) return context.skip();
    const readme = await readFile(README, "utf8");
    const blocks = [...readme.matchAll(BLOCK)];
    expect(blocks.map((b) => b[1]?.split(" ")[1])).toEqual(["lint", "check", "doctor"]);
    let updated = readme;
    for (const [whole, command = "", shown = ""] of blocks) {
      const run = await runCli(splitCommandLine(command).slice(1), { cwd: EXAMPLE });
      const printed = withoutTailscaleNotes(`${run.stderr}${run.stdout}`);
      expect(run.status, `${command}: ${run.stderr}`).toBe(1);
      if (process.env.UPDATE_README === "1") updated = updated.replace(whole, `\`\`\`console\n$ ${command}\n${printed.trimEnd()}\n\`\`\``);
      else expect(normalize(shown), command).toBe(normalize(printed));
    }
    if (updated !== readme) await writeFile(README, updated);
  });
});
