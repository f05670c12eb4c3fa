import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, runCli, type CliRun } from "./helpers/run-cli.js";

// Every secret the fixture holds; none may reach the screen, whatever the format.
const SECRETS = ["s3cr3t-pass", "hunter2", "tkn_live_9f8e7d6c", "pg-s3cret-pw", "correct-horse-battery"];
const FILES = ["backend/.env", "docker/mini/docker-compose.yml"];

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sparkport-secrets-"));
  await cp(path.join(REPO_ROOT, "test", "fixtures", "lint-scan-secrets"), dir, { recursive: true });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function expectMasked(run: CliRun): void {
  for (const secret of SECRETS) {
    expect(run.stdout, secret).not.toContain(secret);
    expect(run.stderr, secret).not.toContain(secret);
  }
}

describe("lint masks secrets in scanned files", () => {
  it("text: URL passwords and secret keys' values are ***, the host:port stays", async () => {
    const run = await runCli(["lint", "--format", "text"], { cwd: dir });
    expect(run.status).toBe(1);
    expectMasked(run);
    expect(run.stdout).toContain("DATABASE_URL=postgresql://app:***@127.0.0.1:5433/app uses 5433");
    expect(run.stdout).toContain("REDIS_URL=redis://:***@127.0.0.1:6380 uses 6380");
    expect(run.stdout).toContain("API_TOKEN=*** uses 6390");
    expect(run.stdout).toContain("  redis-server --requirepass *** --port 6380 uses 6380");
    expect(run.stdout).toContain("  redis://default:***@127.0.0.1:6381 uses 6381");
  });

  it("json: messages, fixes and related locations", async () => {
    const run = await runCli(["lint", "--format", "json"], { cwd: dir });
    expectMasked(run);
    const report = JSON.parse(run.stdout) as { findings: { code: string; message: string; location: { file: string; line?: number } }[] };
    const at = (file: string, line: number) => report.findings.filter((f) => f.location.file === file && f.location.line === line).map((f) => f.message);
    expect(at("backend/.env", 2)).toEqual([expect.stringContaining("postgresql://app:***@127.0.0.1:5433/app")]);
    expect(at("backend/.env", 3)).toEqual([expect.stringContaining("redis://:***@127.0.0.1:6380")]);
    expect(at("backend/.env", 4)).toEqual([expect.stringContaining("API_TOKEN=***")]);
  });

  it("github: the workflow annotations", async () => {
    const run = await runCli(["lint", "--format", "github"], { cwd: dir });
    expectMasked(run);
    expect(run.stdout).toContain("::error file=backend/.env,line=2,col=53,title=sparkport scan-files-disagree::DATABASE_URL=postgresql://app:***@127.0.0.1:5433/app");
    expect(run.stdout).toContain("::error file=backend/.env,line=3,col=38,title=sparkport scan-unregistered-port::REDIS_URL=redis://:***@127.0.0.1:6380");
  });

  it("--fix: the diff on screen is masked, changed lines and context alike", async () => {
    const before = await Promise.all(FILES.map((f) => readFile(path.join(dir, f), "utf8")));
    const run = await runCli(["lint", "--fix"], { cwd: dir });
    expectMasked(run);
    expect(run.stdout).toContain("-DATABASE_URL=postgresql://app:***@127.0.0.1:5433/app");
    expect(run.stdout).toContain("+DATABASE_URL=postgresql://app:***@127.0.0.1:5432/app");
    expect(run.stdout).toContain(" SESSION_SECRET=***");
    expect(run.stdout).toContain("       POSTGRES_PASSWORD: ***");
    expect(run.stdout).toContain("command: redis-server --requirepass *** --port 6380");
    // JSON carries no diff; it must leak nothing all the same.
    expectMasked(await runCli(["lint", "--fix", "--format", "json"], { cwd: dir }));
    expect(await Promise.all(FILES.map((f) => readFile(path.join(dir, f), "utf8")))).toEqual(before);
  });

  it("--fix --write: the files keep their real secrets, only the fixed bytes change", async () => {
    const [env = "", compose = ""] = await Promise.all(FILES.map((f) => readFile(path.join(dir, f), "utf8")));
    const run = await runCli(["lint", "--fix", "--write"], { cwd: dir });
    expectMasked(run);
    expect(run.stdout).toContain("wrote backend/.env");
    // Postgres agreed on with compose; REDIS_URL names Redis, which holds 6379 on that node.
    expect(await readFile(path.join(dir, "backend/.env"), "utf8")).toBe(env.replace("127.0.0.1:5433/app", "127.0.0.1:5432/app").replace("127.0.0.1:6380", "127.0.0.1:6379"));
    // Redis's own command and URL go back to its registered port; opening a loopback-only port to every interface is
    // a suggestion, never written.
    expect(await readFile(path.join(dir, "docker/mini/docker-compose.yml"), "utf8")).toBe(
      compose.replace("--requirepass hunter2 --port 6380", "--requirepass hunter2 --port 6379").replace("127.0.0.1:6381", "127.0.0.1:6379"),
    );
    expect(compose).toContain('"127.0.0.1:5432:5432"');
    expect(env).toContain("postgresql://app:s3cr3t-pass@127.0.0.1:5433/app");
  });
});
