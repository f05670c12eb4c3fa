import { execFileSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lint } from "../src/commands/lint/lint.js";
import { MAX_RELATED } from "../src/findings/finding.js";
import { nodeFileSystem } from "../src/io/file-system.js";
import type { JsonReport } from "../src/reporters/json.js";
import { REPO_ROOT, runCli } from "./helpers/run-cli.js";

const FIXTURES = path.join(REPO_ROOT, "test", "fixtures");
const lintDir = (dir: string, options: { scan?: boolean; base?: string } = {}) =>
  lint({ registry: path.join(dir, "ports.yaml"), processEnv: {}, cwd: dir, fs: nodeFileSystem, ...options });

const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

describe("lint scans the project's files against the registry", () => {
  it("the fixture monorepo raises each scan finding at its file, line and column", async () => {
    const result = await lintDir(path.join(FIXTURES, "lint-scan-monorepo"));
    const where = result.findings.map((f) => [f.code, f.location.file, f.location.line, f.location.column]);
    expect(where).toEqual([
      ["scan-unregistered-port", "backend/.env", 4, 13],
      ["scan-compose-loopback", "docker/mac-mini/docker-compose.yml", 5, 20],
      ["scan-files-disagree", "frontend/.env.local", 1, 41],
      ["scan-access-violation", "frontend/.env.local", 2, 29],
      ["scan-host-mismatch", "frontend/.env.local", 3, 32],
      ["scan-wrong-service", "frontend/package.json", 5, 25],
    ]);
    const byCode = Object.fromEntries(result.findings.map((f) => [f.code, f]));
    expect(byCode["scan-files-disagree"]?.message).toBe("NEXT_PUBLIC_API_URL=http://100.123.51.5:8001 uses 8001 for FastAPI, while backend/.env:1 uses 8000");
    // A .env fix is the line to write, not a command.
    expect(byCode["scan-host-mismatch"]?.fix).toBe("write `COMFY_URL=http://100.120.180.42:8188` in frontend/.env.local");
    expect(byCode["scan-compose-loopback"]?.fix).toContain('write "5432:5432" instead');
    expect(byCode["scan-wrong-service"]?.fix).toBe("use 3000 (Next.js (dev))");
    expect(result.exitCode).toBe(1);
  });

  it("a clean tree yields nothing, and --no-scan skips the files", async () => {
    expect((await lintDir(path.join(FIXTURES, "lint-scan-clean"))).findings).toEqual([]);
    expect((await lintDir(path.join(FIXTURES, "lint-scan-monorepo"), { scan: false })).findings).toEqual([]);
  });
});

describe("the change protocol: lint --base and sparkport diff", () => {
  it("a moved port is reported with the files still using it; a locked port moved is an error", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "sparkport-base-"));
    scratch.push(dir);
    await cp(path.join(FIXTURES, "lint-scan-clean"), dir, { recursive: true });
    const git = (...args: string[]): string => execFileSync("git", ["-C", dir, ...args], { encoding: "utf8" });
    git("init", "-q");
    git("-c", "user.email=t@example.invalid", "-c", "user.name=t", "add", ".");
    git("-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-qm", "initial allocation");
    const registry = path.join(dir, "ports.yaml");
    const text = await readFile(registry, "utf8");
    await writeFile(registry, text.replace("port: 8000, protocol: http", "port: 8002, protocol: http").replace("port: 5432,", "port: 5433,"));

    const result = await lintDir(dir, { base: "HEAD" });
    const codes = result.findings.map((f) => f.code);
    expect(codes).toContain("locked-port-changed");
    const moved = result.findings.find((f) => f.code === "port-moved" && f.message.startsWith("FastAPI (dev)"));
    expect(moved?.message).toBe("FastAPI (dev) moved since HEAD: 8000 → 8002; 1 reference still uses 8000; notify teams A, C");
    expect(moved?.related).toEqual([{ file: "backend/.env", line: 1, column: 10 }]);
    expect(result.exitCode).toBe(1);

    const diff = await runCli(["diff", "HEAD"], { cwd: dir });
    expect(diff.status).toBe(0);
    expect(diff.stdout).toContain("| FastAPI (dev) | dev | macmini | 8000 | 8002 |  |");
    expect(diff.stdout).toContain("| postgresql | dev | macmini | 5432 | 5433 | yes |");
    expect(diff.stdout).toContain("- `backend/.env:1` APP_PORT: `8000` (FastAPI (dev) 8000 → 8002)");
    expect(diff.stdout).toContain("### Teams to notify");

    const badRef = await runCli(["diff", "no-such-ref"], { cwd: dir });
    expect([badRef.status, badRef.stderr.trim()]).toEqual([2, 'sparkport: unknown git ref "no-such-ref".']);
    git("branch", "release");
    const typo = await runCli(["lint", "--base", "relaese"], { cwd: dir });
    expect([typo.status, typo.stderr.trim()]).toEqual([2, 'sparkport: unknown git ref "relaese"; did you mean "release"?']);
  });

  it("outside a git repository, names what was asked: --base for lint, diff for diff", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "sparkport-no-git-"));
    scratch.push(dir);
    await cp(path.join(FIXTURES, "lint-scan-clean"), dir, { recursive: true });
    // GIT_CEILING_DIRECTORIES keeps git from finding a repository above the temporary folder.
    const env = { GIT_CEILING_DIRECTORIES: path.dirname(dir) };
    const lintRun = await runCli(["lint", "--base", "HEAD"], { cwd: dir, env });
    expect([lintRun.status, lintRun.stdout, lintRun.stderr.trim()]).toEqual([2, "", "sparkport: ports.yaml is not inside a git repository, so --base has nothing to compare with."]);
    const diffRun = await runCli(["diff", "HEAD"], { cwd: dir, env });
    expect([diffRun.status, diffRun.stdout, diffRun.stderr.trim()]).toEqual([2, "", "sparkport: ports.yaml is not inside a git repository, so diff has nothing to compare with."]);
  });
});

describe("lint --fix", () => {
  it("a dry run shows the diff; --write changes only the intended bytes", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "sparkport-fix-"));
    scratch.push(dir);
    await cp(path.join(FIXTURES, "lint-scan-monorepo"), dir, { recursive: true });
    const files = ["frontend/.env.local", "frontend/package.json", "docker/mac-mini/docker-compose.yml", "backend/.env"];
    const before = Object.fromEntries(await Promise.all(files.map(async (f) => [f, await readFile(path.join(dir, f), "utf8")] as const)));

    const dry = await runCli(["lint", "--fix"], { cwd: dir });
    expect(dry.stdout).toContain("-COMFY_URL=http://100.101.68.23:8188\n+COMFY_URL=http://100.120.180.42:8188");
    // Suggestions only: a browser-side URL, and a compose port opened from loopback to every interface.
    expect(dry.stdout).toContain("frontend/.env.local:1: it runs in a browser, whose way to the service may differ");
    expect(dry.stdout).toContain("+NEXT_PUBLIC_API_URL=http://100.123.51.5:8000");
    expect(dry.stdout).toContain("docker/mac-mini/docker-compose.yml:5: it publishes the port on every interface, not loopback only");
    for (const f of files) expect(await readFile(path.join(dir, f), "utf8")).toBe(before[f]);

    const written = await runCli(["lint", "--fix", "--write"], { cwd: dir });
    expect(written.stdout).toContain("wrote frontend/.env.local");
    const expected: Record<string, string> = {
      "frontend/.env.local": (before["frontend/.env.local"] ?? "").replace("100.101.68.23:8188", "100.120.180.42:8188"),
      "frontend/package.json": (before["frontend/package.json"] ?? "").replace('"next dev -p 3001"', '"next dev -p 3000"'),
      "docker/mac-mini/docker-compose.yml": before["docker/mac-mini/docker-compose.yml"] ?? "",
      "backend/.env": before["backend/.env"] ?? "",
    };
    for (const f of files) expect(await readFile(path.join(dir, f), "utf8"), f).toBe(expected[f]);
    // What is left needs a person: an unregistered port, the loopback-only compose port, the browser's API URL, and
    // two backend-only services (MinIO, and ComfyUI now that COMFY_URL points at its real node) referenced from the laptop.
    const after = await lintDir(dir);
    expect(after.findings.map((f) => f.code).sort()).toEqual(
      ["scan-unregistered-port", "scan-compose-loopback", "scan-files-disagree", "scan-access-violation", "scan-access-violation"].sort(),
    );
  });

  it("--write without --fix is bad usage", async () => {
    const run = await runCli(["lint", "--write"], { cwd: path.join(FIXTURES, "lint-scan-clean") });
    expect(run.status).toBe(2);
  });
});

describe("a finding's related locations are capped", () => {
  it("a files-disagree finding over 200 references lists the first few and counts the rest, in text and JSON", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "sparkport-cap-"));
    scratch.push(dir);
    await cp(path.join(FIXTURES, "lint-scan-monorepo"), dir, { recursive: true });
    // With backend/.env, 200 references to FastAPI on 8000 against frontend/.env.local's one on 8001.
    for (let i = 0; i < 199; i += 1) {
      await mkdir(path.join(dir, "backend", `svc${i}`), { recursive: true });
      await writeFile(path.join(dir, "backend", `svc${i}`, ".env"), "API_URL=http://100.123.51.5:8000\n");
    }
    const json = await runCli(["lint", "--format", "json"], { cwd: dir });
    const disagree = (JSON.parse(json.stdout) as JsonReport).findings.filter((f) => f.code === "scan-files-disagree");
    expect(disagree.map((f) => [f.location.file, f.location.line, f.related?.length, f.moreRelated])).toEqual([["frontend/.env.local", 1, MAX_RELATED, 200 - MAX_RELATED]]);
    expect(disagree[0]?.related?.[0]).toEqual({ file: "backend/.env", line: 1, column: 10 });
    expect(disagree[0]?.message).toBe("NEXT_PUBLIC_API_URL=http://100.123.51.5:8001 uses 8001 for FastAPI, while backend/.env:1 and 199 more use 8000");

    const text = await runCli(["lint"], { cwd: dir });
    const block = text.stdout.slice(text.stdout.indexOf("scan-files-disagree"));
    const lines = block.slice(0, block.indexOf("fix:")).split("\n");
    expect(lines.filter((l) => l.trimStart().startsWith("see ")).length).toBe(MAX_RELATED);
    expect(lines.map((l) => l.trim())).toContain(`and ${200 - MAX_RELATED} more`);
  });
});

describe("scan: review regressions", () => {
  it("the registry's port is the agreed one, however many files use another; localhost in a laptop file means the laptop", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "sparkport-agree-"));
    scratch.push(dir);
    await cp(path.join(FIXTURES, "lint-scan-monorepo"), dir, { recursive: true });
    await writeFile(path.join(dir, "frontend", ".env.development"), "API_SERVER_URL=http://100.123.51.5:8001/api\nCOMFY=http://localhost:8188\n");
    const result = await lintDir(dir);
    const disagree = result.findings.filter((f) => f.code === "scan-files-disagree").map((f) => [f.location.file, f.location.line]);
    // Two files on 8001 against one on 8000: 8000 is FastAPI's registered dev port, so the 8001 ones are stale.
    expect(disagree).toEqual([
      ["frontend/.env.development", 1],
      ["frontend/.env.local", 1],
    ]);
    const localhost = result.findings.find((f) => f.code === "scan-host-mismatch" && f.location.file === "frontend/.env.development");
    expect(localhost?.message).toBe("COMFY=http://localhost:8188 points at localhost:8188 (laptop), but ComfyUI runs on desktop");
  });
});

describe("scan: a *_PORT takes the host of its *_HOST", () => {
  it("an external SMTP port is not the registry's business; DB_PORT beside DB_HOST is that node's", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "sparkport-pair-"));
    scratch.push(dir);
    await cp(path.join(FIXTURES, "lint-scan-clean"), dir, { recursive: true });
    await writeFile(path.join(dir, "backend", ".env.mail"), "SMTP_HOST=smtp.gmail.com\nSMTP_PORT=587\nDB_HOST=100.123.51.5\nDB_PORT=5433\n");
    const result = await lintDir(dir);
    expect(result.findings.map((f) => [f.code, f.location.file, f.location.line, f.message])).toEqual([
      ["scan-unregistered-port", "backend/.env.mail", 4, "DB_PORT=5433 uses 5433, which no service on macmini holds"],
    ]);
  });
});

