import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { StatusResult } from "../src/commands/status/status.js";
import { freeStablePort } from "./helpers/listeners.js";
import { runCli } from "./helpers/run-cli.js";

// Issue 17 item 16: without a tailscale CLI, the note saying so is printed once a day on a machine, not on every
// probing run; --verbose prints it every time, and JSON always carries it. The day is kept in the user's cache folder.

const PATH = "/usr/sbin:/usr/bin:/sbin:/bin";
const tailscaleHere = spawnSync("tailscale", ["version"], { env: { PATH } }).error === undefined;
if (tailscaleHere) console.warn("skipping the daily tailscale-missing note tests: a tailscale CLI is installed here");

const NOTE = "the tailscale CLI is not installed here";
let scratch = "";
let registry = "";
let home = "";

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "sparkport-daily-note-"));
  registry = path.join(scratch, "ports.yaml");
  const closed = await freeStablePort();
  await writeFile(
    registry,
    [
      "version: 1",
      "nodes:",
      "  here: {address: 127.0.0.1, os: linux}",
      "  desktop: {address: 127.0.0.2, os: linux}",
      "teams:",
      "  A: {name: Team A, ranges: [{name: main, from: 1024, to: 65535}]}",
      "environments:",
      "  dev: {offset: 0}",
      "services:",
      `  - {name: web, team: A, node: desktop, port: ${closed}, protocol: http, access: all-nodes, status: stopped}`,
      "",
    ].join("\n"),
  );
});

beforeEach(async () => {
  home = await mkdtemp(path.join(scratch, "home-"));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** status as a user at this machine runs it: their HOME and cache folder, a PATH without tailscale. */
const status = (args: readonly string[] = [], cache = path.join(home, ".cache")) =>
  runCli(["--registry", registry, "--this-node", "here", "--timeout", "500ms", "status", ...args], {
    env: { HOME: home, XDG_CACHE_HOME: cache, SPARKPORT_NO_CACHE: "", PATH },
  });

describe.skipIf(tailscaleHere)("the tailscale-missing note, once a day (item 16)", () => {
  it("is printed on the first probing run of the day, not on the next; --verbose prints it every time", async () => {
    const first = await status();
    expect([first.status, first.stdout, first.stderr]).toEqual([0, expect.stringContaining(NOTE), ""]);
    const second = await status();
    expect([second.status, second.stderr]).toEqual([0, ""]);
    expect(second.stdout).toContain("SERVICE");
    expect(second.stdout).not.toContain(NOTE);
    const verbose = await status(["--verbose"]);
    expect(verbose.stdout).toContain(NOTE);
    expect((await status()).stdout).not.toContain(NOTE);
  });

  it("JSON carries it every time; a JSON run does not use up the day's note", async () => {
    for (let i = 0; i < 2; i += 1) {
      const json = await status(["--json"]);
      expect((JSON.parse(json.stdout) as StatusResult).notes.map((n) => n.code)).toEqual(["tailscale-missing"]);
    }
    expect((await status()).stdout).toContain(NOTE);
  });

  it("is printed again on another day", async () => {
    expect((await status()).stdout).toContain(NOTE);
    // The day it was printed, moved back to yesterday's or older, as tomorrow's run would find it.
    const folder = path.join(home, ".cache", "sparkport", "notes");
    const [file = ""] = readdirSync(folder);
    const days = JSON.parse(readFileSync(path.join(folder, file), "utf8")) as Record<string, string>;
    expect(Object.keys(days)).toEqual(["tailscale-missing"]);
    writeFileSync(path.join(folder, file), JSON.stringify({ "tailscale-missing": "2000-01-01" }));
    expect((await status()).stdout).toContain(NOTE);
    expect((await status()).stdout).not.toContain(NOTE);
  });

  it("a cache folder that cannot be written never fails the run: the note is printed each time", async () => {
    // Root may write anywhere: a file where the cache folder would be, and a folder where the state file would be.
    const notAFolder = path.join(home, "cache-file");
    writeFileSync(notAFolder, "");
    const stateIsAFolder = path.join(home, "cache");
    mkdirSync(path.join(stateIsAFolder, "sparkport", "notes", "shown.json"), { recursive: true, mode: 0o700 });
    for (const cache of [notAFolder, notAFolder, stateIsAFolder, stateIsAFolder]) {
      const run = await status([], cache);
      expect([run.status, run.stderr], cache).toEqual([0, ""]);
      expect(run.stdout).toContain(NOTE);
    }
  });
});
