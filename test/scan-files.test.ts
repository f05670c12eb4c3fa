import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lint } from "../src/commands/lint/lint.js";
import { nodeFileSystem } from "../src/io/file-system.js";
import { scanTree } from "../src/project/scan-tree.js";
import type { JsonReport } from "../src/reporters/json.js";
import { runCli } from "./helpers/run-cli.js";

// Which files the scan reads: git's list in a work tree, a walk honouring .gitignore elsewhere.

const REGISTRY = `version: 1
nodes:
  box: {address: 127.0.0.2, os: linux}
teams:
  B:
    name: Backend
    ranges: [{name: backend, from: 8000, to: 8099}]
environments:
  dev: {offset: 0}
services:
  - {name: api, team: B, node: box, port: 8000, protocol: http, access: all-nodes, status: running}
scan:
  nodes:
    backend/**: box
`;

let temp: string;
/** A git repository: what is tracked, untracked and ignored is set up below. */
let repo: string;
/** The same files without .git, plus a FIFO. */
let plain: string;

const write = (root: string, file: string, text: string | Buffer): void => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};

beforeAll(() => {
  temp = mkdtempSync(path.join(tmpdir(), "sparkport-files-"));
  repo = path.join(temp, "repo");
  write(temp, "outside/.env", "OUTSIDE_PORT=8090\n");
  write(repo, "ports.yaml", REGISTRY);
  write(repo, ".gitignore", ".env.*\nsecrets/\n");
  // Committed on purpose although .gitignore matches it.
  write(repo, ".env.example", "APP_PORT=8000\n");
  write(repo, ".env.local", "APP_PORT=8091\n");
  write(repo, "secrets/.env", "SECRET_PORT=8092\n");
  write(repo, "backend/.env", "API_URL=http://127.0.0.2:8000/api\n");
  // A nested .gitignore: brings back what the root's ignores, and ignores a folder of its own.
  write(repo, "backend/.gitignore", "!.env.staging\nold/\n");
  write(repo, "backend/.env.staging", "STAGING_PORT=8001\n");
  write(repo, "backend/old/.env", "OLD_PORT=8093\n");
  write(repo, "backend/blob.env", Buffer.from([0x50, 0x4f, 0x52, 0x54, 0x00, 0x01, 0x02]));
  symlinkSync(path.join(temp, "outside", ".env"), path.join(repo, "backend", "outside.env"));

  plain = path.join(temp, "plain");
  cpSync(repo, plain, { recursive: true, verbatimSymlinks: true });
  execFileSync("mkfifo", [path.join(plain, "backend", "pipe.env")]);

  const git = (...args: string[]): string => execFileSync("git", ["-C", repo, "-c", "user.email=t@example.invalid", "-c", "user.name=t", ...args], { encoding: "utf8" });
  git("init", "-q");
  git("add", "ports.yaml", ".gitignore", "backend/.gitignore", "backend/blob.env", "backend/outside.env");
  git("add", "--force", ".env.example");
  git("commit", "-qm", "the tracked files");
});

afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe("in a git work tree: the files git lists", () => {
  it("reads tracked files even when .gitignore matches them, and untracked ones unless ignored", async () => {
    const result = await scanTree(repo);
    // .env.local and secrets/.env are untracked and ignored; backend/old/ is ignored by the nested .gitignore.
    expect(result.read).toEqual([".env.example", "backend/.env", "backend/.env.staging"]);
    expect(result.skipped).toEqual([
      { file: "backend/blob.env", reason: "binary", detail: "a NUL byte in the first 8 KB" },
      { file: "backend/outside.env", reason: "link-out-of-tree" },
    ]);
    expect(result.references.map((r) => [r.file, r.line, r.key, r.port])).toEqual([
      [".env.example", 1, "APP_PORT", 8000],
      ["backend/.env", 1, "API_URL", 8000],
      ["backend/.env.staging", 1, "STAGING_PORT", 8001],
    ]);
  });

  it("narrows git's list with scan.include and scan.exclude (picomatch, dotfiles included)", async () => {
    expect((await scanTree(repo, { include: ["backend/**"] })).read).toEqual(["backend/.env", "backend/.env.staging"]);
    expect((await scanTree(repo, { include: ["backend/**"], exclude: ["**/*.staging"] })).read).toEqual(["backend/.env"]);
    expect((await scanTree(repo, { exclude: ["*.example"] })).read).toEqual(["backend/.env", "backend/.env.staging"]);
  });

  it("skips a nested repository with the reason, and a tracked file deleted from the tree silently", async () => {
    const dir = path.join(temp, "nested");
    const git = (cwd: string, ...args: string[]): string => execFileSync("git", ["-C", cwd, "-c", "user.email=t@example.invalid", "-c", "user.name=t", ...args], { encoding: "utf8" });
    write(dir, ".env", "APP_PORT=8000\n");
    write(dir, "gone/.env", "GONE_PORT=8001\n");
    write(dir, "vendor/lib/.env", "LIB_PORT=8002\n");
    git(dir, "init", "-q");
    git(dir, "add", ".env", "gone/.env");
    git(dir, "commit", "-qm", "two files");
    git(path.join(dir, "vendor", "lib"), "init", "-q");
    rmSync(path.join(dir, "gone"), { recursive: true });
    const result = await scanTree(dir);
    expect([result.read, result.skipped, result.problems]).toEqual([[".env"], [{ file: "vendor/lib", reason: "git-repository" }], []]);
  });

  it("does not read a tracked file through a folder since replaced by a link out of the tree", async () => {
    const dir = path.join(temp, "swapped");
    const git = (...args: string[]): string => execFileSync("git", ["-C", dir, "-c", "user.email=t@example.invalid", "-c", "user.name=t", ...args], { encoding: "utf8" });
    write(dir, "conf/.env", "APP_PORT=8000\n");
    write(dir, "kept/.env", "KEPT_PORT=8001\n");
    write(temp, "elsewhere/.env", "ELSEWHERE_PORT=8094\n");
    git("init", "-q");
    git("add", "conf/.env", "kept/.env");
    git("commit", "-qm", "two folders");
    rmSync(path.join(dir, "conf"), { recursive: true });
    symlinkSync(path.join(temp, "elsewhere"), path.join(dir, "conf"));
    const result = await scanTree(dir);
    expect([result.read, result.skipped]).toEqual([["kept/.env"], [{ file: "conf/.env", reason: "link-out-of-tree" }]]);
  });

  it("applies scan.ignore to tracked files too: it is the registry's own word", async () => {
    expect((await scanTree(repo, { ignore: [".env.*", "!backend/.env.staging"] })).read).toEqual(["backend/.env", "backend/.env.staging"]);
  });
});

describe("outside a git work tree: a walk honouring .gitignore", () => {
  it("follows the root's and the nested .gitignore, negation included, and skips a FIFO with the reason", async () => {
    const result = await scanTree(plain);
    expect(result.read).toEqual(["backend/.env", "backend/.env.staging"]);
    expect(result.skipped).toEqual([
      { file: "backend/blob.env", reason: "binary", detail: "a NUL byte in the first 8 KB" },
      { file: "backend/outside.env", reason: "link-out-of-tree" },
      { file: "backend/pipe.env", reason: "not-a-file", detail: "a FIFO" },
    ]);
    expect(result.problems).toEqual([]);
  });

  it("narrows the walk with scan.include and scan.exclude", async () => {
    expect((await scanTree(plain, { exclude: ["backend/*.staging", "**/pipe.env"] })).read).toEqual(["backend/.env"]);
    const only = await scanTree(plain, { include: ["**/.env"] });
    expect([only.read, only.skipped]).toEqual([["backend/.env"], []]);
  });
});

describe("lint's account of the scan", () => {
  it("is in the lint result: files read, references, skipped by reason, files no scan.nodes glob maps", async () => {
    const result = await lint({ registry: path.join(repo, "ports.yaml"), processEnv: {}, cwd: repo, fs: nodeFileSystem });
    expect(result.scan).toEqual({
      read: 3,
      references: 3,
      skipped: [
        { file: "backend/blob.env", reason: "binary", detail: "a NUL byte in the first 8 KB" },
        { file: "backend/outside.env", reason: "link-out-of-tree" },
      ],
      unmapped: [".env.example"],
    });
    const off = await lint({ registry: path.join(repo, "ports.yaml"), processEnv: {}, cwd: repo, fs: nodeFileSystem, scan: false });
    expect(off.scan).toBeNull();
  });

  it("takes scan.include and scan.exclude from ports.yaml", async () => {
    const dir = path.join(temp, "narrowed");
    cpSync(plain, dir, { recursive: true, verbatimSymlinks: true, filter: (source) => !source.endsWith("pipe.env") });
    write(dir, "ports.yaml", `${REGISTRY}  include: ["backend/**"]\n  exclude: ["**/*.staging", "**/blob.env"]\n`);
    const result = await lint({ registry: path.join(dir, "ports.yaml"), processEnv: {}, cwd: dir, fs: nodeFileSystem });
    expect(result.scan).toEqual({ read: 1, references: 1, skipped: [{ file: "backend/outside.env", reason: "link-out-of-tree" }], unmapped: [] });
  });

  it("the built CLI prints the summary line, and --verbose lists the skipped and unmapped files", async () => {
    const run = await runCli(["lint"], { cwd: plain });
    expect(run.stderr).toBe("");
    expect(run.stdout.split("\n")[0]).toBe(
      "scan: 2 files read, 2 port references; 3 skipped (1 binary, 1 symbolic link out of the tree, 1 not a regular file) (--verbose lists them)",
    );
    const verbose = await runCli(["lint", "--verbose"], { cwd: repo });
    expect(verbose.stdout).toContain(
      [
        "skipped (2):",
        "  backend/blob.env  binary: a NUL byte in the first 8 KB",
        "  backend/outside.env  symbolic link out of the tree",
        "no scan.nodes glob maps (1):",
        "  .env.example",
        "scan: 3 files read, 3 port references; 2 skipped (1 binary, 1 symbolic link out of the tree); 1 file that no scan.nodes glob maps to a node",
        "",
      ].join("\n"),
    );
    expect(verbose.status).toBe(run.status);
  });

  it("--format json carries it, typed; null with --no-scan", async () => {
    const run = await runCli(["lint", "--format", "json"], { cwd: plain });
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.scan).toEqual({
      read: 2,
      references: 2,
      skipped: [
        { file: "backend/blob.env", reason: "binary", detail: "a NUL byte in the first 8 KB" },
        { file: "backend/outside.env", reason: "link-out-of-tree" },
        { file: "backend/pipe.env", reason: "not-a-file", detail: "a FIFO" },
      ],
      unmapped: [],
    });
    const off = JSON.parse((await runCli(["lint", "--format", "json", "--no-scan"], { cwd: plain })).stdout) as JsonReport;
    expect(off.scan).toBeNull();
  });
});
