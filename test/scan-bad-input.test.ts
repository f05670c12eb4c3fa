import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliRun } from "./helpers/run-cli.js";

/**
 * Files no person writes, in a tree lint scans: each skipped with its reason or read in bounded memory. The heap is
 * capped for the run, so a scan whose memory grew with the input (a line of thousands of URLs, a megabyte script)
 * fails here instead of passing on a large machine.
 */
const HEAP_MB = 192;
let dir = "";
let outside = "";
let run: CliRun;
let before: string[];

const listing = (): string[] =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .sort()
    .map((f) => {
      const s = statSync(path.join(dir, f), { throwIfNoEntry: false });
      return `${f} ${s?.size ?? "-"} ${s?.mtimeMs ?? "-"}`;
    });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "sparkport-scan-bad-"));
  outside = mkdtempSync(path.join(tmpdir(), "sparkport-scan-outside-"));
  writeFileSync(path.join(outside, ".env"), "API_PORT=8123\n");
  writeFileSync(
    path.join(dir, "ports.yaml"),
    [
      "version: 1",
      "nodes: { macmini: { address: 127.0.0.2, os: linux } }",
      "teams: { A: { name: Infrastructure, ranges: [{ name: infra, from: 5000, to: 6999 }] } }",
      "environments: { dev: { offset: 0 } }",
      "services:",
      "  - { name: postgresql, team: A, node: macmini, port: 5432, protocol: tcp, access: all-nodes, status: running }",
      "  - { name: redis, team: A, node: macmini, port: 6379, protocol: tcp, access: all-nodes, status: running }",
      "scan:",
      '  nodes: { "**": macmini }',
      "",
    ].join("\n"),
  );
  const app = path.join(dir, "app");
  mkdirSync(app);
  // 140,000 references in one .env, ten to a line; one line of 6,000 URLs.
  const lines: string[] = [];
  for (let i = 0; i < 14_000; i++) lines.push(`DB_${i}=${Array.from({ length: 10 }, () => "macmini:5432").join(",")}`);
  writeFileSync(path.join(app, ".env"), `${lines.join("\n")}\n`);
  writeFileSync(path.join(app, "urls.env"), `REDIS_URLS=${Array.from({ length: 6_000 }, (_, i) => `redis://localhost:6379/${i % 16}`).join(",")}\n`);
  // Generated, minified or hostile: a 420 KB Procfile line, a 1 MB package.json script, 2 MB on one line.
  writeFileSync(path.join(app, "Procfile"), `web: uvicorn app:app --port 8000 ${"--x y ".repeat(70_000)}\n`);
  writeFileSync(path.join(app, "package.json"), JSON.stringify({ scripts: { dev: `next dev -p 3000 ${"a ".repeat(500_000)}` } }));
  writeFileSync(path.join(app, "one-line.env"), `A=${"x".repeat(2_000_000)}`);
  writeFileSync(path.join(app, "binary.env"), Buffer.from([0x50, 0x4f, 0x52, 0x54, 0x3d, 0x00, 0x01, 0x02]));
  writeFileSync(path.join(app, "latin1.env"), Buffer.concat([Buffer.from("# caf"), Buffer.from([0xe9]), Buffer.from("\nAPI_PORT=8124\n")]));
  execFileSync("mkfifo", [path.join(app, "pipe.env")]);
  symlinkSync(path.join(outside, ".env"), path.join(app, "outside.env"));
  before = listing();
  run = await runCli(["lint", "--verbose"], { cwd: dir, env: { NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` } });
});

afterAll(() => {
  for (const temporary of [dir, outside]) if (temporary !== "") rmSync(temporary, { recursive: true, force: true });
});

describe("scan: bad input is skipped with its reason, or read in bounded memory", () => {
  it(`finishes under a ${HEAP_MB} MB heap, with no stack trace and nothing written`, () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(listing()).toEqual(before);
  });

  it("reads the 140,000 references and the line of 6,000 URLs, and finds nothing wrong in them", () => {
    const summary = run.stdout.split("\n").find((l) => l.startsWith("scan: "));
    expect(summary).toBe(
      "scan: 2 files read, 146000 port references; 7 skipped (3 a line over 256 KB, 1 binary, 1 not UTF-8, 1 symbolic link out of the tree, 1 not a regular file)",
    );
  });

  it("names each skipped file with its reason under --verbose", () => {
    for (const expected of [
      /app\/binary\.env\s+binary/,
      /app\/latin1\.env\s+not UTF-8/,
      /app\/Procfile\s+a line over 256 KB: a line of 42\d{4} bytes/,
      /app\/package\.json\s+a line over 256 KB/,
      /app\/one-line\.env\s+a line over 256 KB: a line of 2000002 bytes/,
      /app\/pipe\.env\s+not a regular file/,
      /app\/outside\.env\s+symbolic link out of the tree/,
    ]) {
      expect(run.stdout).toMatch(expected);
    }
  });
});
