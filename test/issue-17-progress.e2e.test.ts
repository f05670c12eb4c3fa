import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freeStablePort, startStalledListener } from "./helpers/listeners.js";
import { runInTerminal } from "./helpers/pseudo-terminal.js";
import { CLI } from "./helpers/run-cli.js";

// Issue 17 item 13: a slow probe shows a progress line on the terminal, redrawn on a timer, never on a pipe or a file.
// desktop (127.0.0.2) and laptop (127.0.0.3) each have a port whose SYNs go unanswered; laptop has a closed one too.

const isLinux = process.platform === "linux";
if (!isLinux) console.warn(`skipping the progress-line tests: the stalled listener relies on Linux's full accept queue; this is ${process.platform}`);

let scratch = "";
let registry = "";
let slowDesktop = 0;
let slowLaptop = 0;
const children: ChildProcess[] = [];
const env = { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, SPARKPORT_REGISTRY: undefined, SPARKPORT_NO_CACHE: "1" };

beforeAll(async () => {
  if (!isLinux) return;
  scratch = await mkdtemp(path.join(tmpdir(), "sparkport-progress-"));
  const desktop = await startStalledListener("127.0.0.2");
  const laptop = await startStalledListener("127.0.0.3");
  children.push(desktop.child, laptop.child);
  [slowDesktop, slowLaptop] = [desktop.port, laptop.port];
  const closed = await freeStablePort();
  registry = path.join(scratch, "ports.yaml");
  await writeFile(
    registry,
    [
      "version: 1",
      "nodes:",
      "  here: {address: 127.0.0.1, os: linux}",
      "  desktop: {address: 127.0.0.2, os: linux}",
      "  laptop: {address: 127.0.0.3, os: linux}",
      "teams:",
      "  A: {name: Team A, ranges: [{name: main, from: 1024, to: 65535}]}",
      "environments:",
      "  dev: {offset: 0}",
      "services:",
      `  - {name: ollama, team: A, node: desktop, port: ${slowDesktop}, protocol: http, access: all-nodes, status: running}`,
      `  - {name: web, team: A, node: laptop, port: ${slowLaptop}, protocol: http, access: all-nodes, status: running}`,
      `  - {name: api, team: A, node: laptop, port: ${closed}, protocol: http, access: all-nodes, status: stopped}`,
      "",
    ].join("\n"),
  );
}, 20_000);

afterAll(async () => {
  for (const child of children) child.kill();
  if (scratch !== "") await rm(scratch, { recursive: true, force: true });
});

const sparkport = (args: readonly string[]): string[] => [process.execPath, CLI, "--registry", registry, "--this-node", "here", ...args];

/** The progress frames a terminal showed: each drawn after a carriage return, up to the next one. */
function frames(output: string): string[] {
  return output
    .split("\r")
    .map((piece) => piece.replace(/\u001b\[K/g, "").replace(/\n.*$/s, ""))
    .filter((piece) => /^(probing \d+\/\d+ · )?\d+\.\ds( · waiting on .*| · \d+ waiting)?$/.test(piece));
}

describe.skipIf(!isLinux)("the progress line (item 13)", () => {
  it("status on a terminal redraws done/total and what it waits on every 100 ms, then clears it before the table", async () => {
    const run = await runInTerminal(sparkport(["--timeout", "2s", "status"]), env);
    const shown = frames(run.output);
    expect(new Set(shown).size, run.output).toBeGreaterThanOrEqual(2);
    expect(shown).toContainEqual(expect.stringMatching(new RegExp(`^probing 1/3 · \\d\\.\\ds · waiting on (desktop:${slowDesktop}, laptop:${slowLaptop}|laptop:${slowLaptop}, desktop:${slowDesktop})$`)));
    // Nothing for the first half second, then about one frame a tenth of a second.
    expect(shown.map((f) => Number(/(\d+\.\d)s/.exec(f)?.[1])).every((s) => s >= 0.5)).toBe(true);
    expect(shown.length).toBeGreaterThanOrEqual(8);
    // Cleared before the result is printed: the table starts at the start of an empty line.
    const table = run.output.indexOf("SERVICE");
    expect(run.output.lastIndexOf("waiting on")).toBeLessThan(table);
    expect(run.output.slice(0, table)).toMatch(/\r\u001b\[K(.*\r?\n)*$/);
    expect(run.status).toBe(1);
  });

  it("check waiting on a slow node says so after half a second", async () => {
    const run = await runInTerminal(sparkport(["--timeout", "1500ms", "check", String(slowDesktop)]), env);
    const shown = frames(run.output);
    expect(shown[0], run.output).toMatch(new RegExp(`^0\\.[5-9]s · waiting on desktop:${slowDesktop}$`));
    expect(new Set(shown).size).toBeGreaterThanOrEqual(2);
    expect(run.output.lastIndexOf("waiting on")).toBeLessThan(run.output.indexOf(`${slowDesktop}  `));
  });

  it("a narrow terminal gets a line that fits, the names left out counted", async () => {
    // Both ports have five digits (Linux's ephemeral range): 58 columns hold one name and "and 1 more", 40 none.
    const narrow = await runInTerminal(sparkport(["--timeout", "1s", "status"]), env, 58);
    const narrower = await runInTerminal(sparkport(["--timeout", "1s", "status"]), env, 40);
    expect(frames(narrow.output).every((frame) => frame.length < 58)).toBe(true);
    expect(frames(narrower.output).every((frame) => frame.length < 40)).toBe(true);
    expect(frames(narrow.output), narrow.output).toContainEqual(expect.stringMatching(/^probing 1\/3 · \d\.\ds · waiting on [a-z]+:\d{5} and 1 more$/));
    expect(frames(narrower.output), narrower.output).toContainEqual(expect.stringMatching(/^probing 1\/3 · \d\.\ds · 2 waiting$/));
  });

  it("draws nothing with --json or --quiet on a terminal, nor when stdout and stderr go to a file", async () => {
    for (const args of [["--json"], ["--quiet"]]) {
      const run = await runInTerminal(sparkport(["--timeout", "1s", "status", ...args]), env);
      expect(run.status, args.join(" ")).toBe(1);
      expect(run.output, args.join(" ")).not.toMatch(/waiting on|probing/);
    }
    const file = path.join(scratch, "out.txt");
    const fd = openSync(file, "w");
    const status = await new Promise<number | null>((resolve) => {
      const [node = "", ...args] = sparkport(["--timeout", "1s", "status"]);
      const child = spawn(node, args, { env, stdio: ["ignore", fd, fd] });
      child.once("close", resolve);
    });
    closeSync(fd);
    const written = readFileSync(file, "utf8");
    expect(written).toContain("SERVICE");
    expect(written).not.toMatch(/waiting on|probing|\r/);
    expect(status).toBe(1);
  });
});
