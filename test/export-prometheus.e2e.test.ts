import { chmod, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REPO_ROOT, runCli } from "./helpers/run-cli.js";

// Issue 20 part 1: `export prometheus` reads the registry only (no probe), so a fixture with loopback nodes is enough.
const REGISTRY = path.join(REPO_ROOT, "test", "fixtures", "prometheus", "ports.yaml");
const run = (args: readonly string[], cwd?: string) => runCli(["-r", REGISTRY, ...args], cwd === undefined ? {} : { cwd });

const EXPECTED = [
  {
    targets: ["http://127.0.0.1:8002/"],
    labels: { service: "api", environment: "dev", team: "B", node: "box", access: "all-nodes", protocol: "http", status: "running", module: "http_2xx" },
  },
  {
    targets: ["http://127.0.0.1:8003/"],
    labels: { service: "api", environment: "test", team: "B", node: "box", access: "all-nodes", protocol: "http", status: "reserved", module: "http_2xx" },
  },
  {
    targets: ["[::1]:8020"],
    labels: { service: "db", environment: "dev", team: "B", node: "six", access: "backend-only", protocol: "tcp", status: "planned", module: "tcp_connect" },
  },
];

let scratch: string;
beforeEach(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "sparkport-export-"));
});
afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("export prometheus", () => {
  it("prints file_sd JSON for every registered port, each environment on its node's address, UDP left out with a note", async () => {
    const result = await run(["export", "prometheus"]);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(EXPECTED);
    expect(result.stdout).toBe(`${JSON.stringify(EXPECTED, null, 2)}\n`);
    expect(result.stderr).toBe("left out (UDP; the blackbox exporter has no UDP probe): metrics-udp.dev@box:8030/udp\n");
  });

  it("http_sd and --json are the same array", async () => {
    const sd = await run(["export", "prometheus", "--format", "http_sd"]);
    const json = await run(["export", "prometheus", "--json"]);
    expect([sd.status, json.status]).toEqual([0, 0]);
    expect(JSON.parse(sd.stdout)).toEqual(EXPECTED);
    expect(JSON.parse(json.stdout)).toEqual(EXPECTED);
  });

  it("--write writes through the atomic writer, and leaves an unchanged file untouched", async () => {
    const file = path.join(scratch, "targets.json");
    const first = await run(["export", "prometheus", "--write", file]);
    expect([first.status, first.stdout]).toEqual([0, ""]);
    expect(first.stderr).toContain(`created ${file} (3 targets)`);
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual(EXPECTED);
    // An older mtime and an unusual mode: a rewrite (rename of a temporary file) would change the inode and the mtime.
    await chmod(file, 0o640);
    const before = await stat(file);
    const again = await run(["export", "prometheus", "--write", file]);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain("already matches the registry (3 targets); nothing was written");
    const after = await stat(file);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    // A changed file is replaced whole: a new inode (rename), the mode kept.
    await writeFile(file, "[]\n");
    const changed = await run(["export", "prometheus", "--write", file]);
    expect(changed.stderr).toContain(`wrote ${file} (3 targets)`);
    const replaced = await stat(file);
    expect(replaced.ino).not.toBe(before.ino);
    expect(replaced.mode & 0o777).toBe(0o640);
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual(EXPECTED);
  });

  it("bad input is one line and exit 2", async () => {
    const cases: [string[], string][] = [
      [["export", "prometheus", "--format", "yaml"], 'sparkport: unknown --format "yaml". Formats: file_sd, http_sd.\n'],
      [["export", "prometheus", "--format", "http-sd"], 'sparkport: unknown --format "http-sd"; did you mean "http_sd"? Formats: file_sd, http_sd.\n'],
      [["export", "prometeus"], 'sparkport: unknown export target "prometeus"; did you mean "prometheus"? Targets: prometheus.\n'],
      [["export", "prometheus", "--write", path.join(scratch, "no", "such", "t.json")], `sparkport: cannot write ${path.join(scratch, "no", "such", "t.json")}: its folder does not exist; nothing was written\n`],
      [["export", "prometheus", "--write", scratch], `sparkport: cannot read ${scratch}: it is a directory\n`],
    ];
    for (const [args, stderr] of cases) {
      const result = await run(args);
      expect([result.status, result.stdout, result.stderr], args.join(" ")).toEqual([2, "", stderr]);
    }
  });
});
