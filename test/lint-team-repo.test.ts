import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lint, type LintResult } from "../src/commands/lint/lint.js";
import { nodeFileSystem } from "../src/io/file-system.js";
import { REPO_ROOT, runCli } from "./helpers/run-cli.js";

/**
 * The team's repository as it really looks (FastAPI settings class, Next.js clients and config, compose for the
 * Mac mini, scripts of each machine, a load test, CI, guides), its ports.yaml at the root, built into a git work tree:
 * the .env.example files are tracked although .gitignore matches them, a developer's .env.local is not.
 */
const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "team-repo");
let dir = "";
let result: LintResult;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "sparkport-team-repo-"));
  cpSync(FIXTURE, dir, { recursive: true });
  renameSync(path.join(dir, "_gitignore"), path.join(dir, ".gitignore"));
  const git = (...args: string[]): string => execFileSync("git", ["-C", dir, "-c", "user.email=t@example.invalid", "-c", "user.name=t", ...args], { encoding: "utf8" });
  git("init", "-q");
  git("add", ".");
  git("add", "-f", "backend/.env.example", "frontend/.env.local.example");
  git("commit", "-qm", "the team's repository");
  // Untracked and ignored: a developer's own overrides, which the scan must not read.
  writeFileSync(path.join(dir, "backend", ".env.local"), "API_PORT=8123\nCACHE_URL=redis://100.123.51.5:6390\n");
  result = await lint({ registry: path.join(dir, "ports.yaml"), processEnv: {}, cwd: dir, fs: nodeFileSystem });
});

afterAll(() => {
  if (dir !== "") rmSync(dir, { recursive: true, force: true });
});

const at = (r: LintResult): string[] => r.findings.map((f) => `${f.severity} ${f.code} ${f.location.file}:${f.location.line}`);

describe("lint on the team's repository", () => {
  it("finds each planted drift at its file and line, and nothing else", () => {
    expect(at(result)).toEqual([
      "error scan-unregistered-port backend/app/core/config.py:12", // ComfyUI's URL on 8189: nothing there on the desktop
      "error scan-unregistered-port backend/app/core/config.py:14", // a Whisper server on the desktop, never allocated
      "error scan-origin-not-served backend/app/main.py:12", // a CORS origin on the Mac mini, where no page is served
      // The desktop with the port FastAPI holds on the Mac mini: unregistered there, not FastAPI misplaced.
      "error scan-unregistered-port backend/app/services/vision.py:6",
      "error scan-unregistered-port backend/app/workers/search.py:3", // getattr(settings, "MEILI_HOST", "…:7700")
      "error scan-unregistered-port backend/scripts/monitor.sh:10", // python3 -m http.server 8099
      "error scan-unregistered-port backend/scripts/monitor.sh:11", // curl to 11343 on the desktop: Ollama is 11434
      "error scan-compose-loopback docker/mac-mini/docker-compose.yml:15", // Redis for all nodes, published on 127.0.0.1
      "error scan-host-mismatch frontend/.env.local.example:2", // COMFY_URL at the Mac mini; ComfyUI runs on the desktop
      "error scan-access-violation frontend/next.config.js:7", // next/image fetches from MinIO's API, backend-only
      "error scan-access-violation frontend/src/lib/ai.ts:1", // the browser calling Ollama, backend-only
      "error scan-unregistered-port frontend/src/lib/api.ts:1", // localhost:8000 on the laptop: FastAPI is on the Mac mini
      "error scan-unregistered-port frontend/src/lib/upload.ts:1",
      "error scan-unregistered-port loadtest/artillery.yml:2", // the load test's target: 8100 on the Mac mini
      "warning scan-unknown-address backend/app/core/config.py:13", // 100.123.51.15: one octet off the Mac mini
      "info scan-unregistered-port backend/.env.example:8", // a commented-out line: history, not configuration
      "info scan-reserved-port backend/scripts/monitor.sh:5", // Flower's URL: reserved, not allocated yet
      "info scan-wrong-service backend/tests/test_health.py:5", // a test calling the dev server: a test tree is info
      "info scan-reserved-port docker/mac-mini/docker-compose.yml:27", // pgAdmin on its reserved 5050
    ]);
  });

  it("reads the tracked .env.example files that .gitignore matches, never the ignored .env.local", () => {
    const files = result.findings.map((f) => f.location.file);
    expect(files).toContain("backend/.env.example");
    expect(files).toContain("frontend/.env.local.example");
    expect(files.filter((f) => f.endsWith(".env.local"))).toEqual([]);
    expect(result.scan?.skipped).toEqual([]);
    // Read, but no scan.nodes glob maps them: only a node's address in them can be judged.
    expect(result.scan?.unmapped.sort()).toEqual([".github/workflows/ci.yml", "loadtest/artillery.yml"]);
  });

  it("stays silent on internal ports, service names, the right addresses, served origins, tests on their own port and guides", () => {
    const silent = (file: string): string[] => at(result).filter((f) => f.endsWith(` ${file}`) || f.includes(` ${file}:`));
    // Container sides, in-container healthchecks, `postgres:5432` and `redis:6379` on the compose network.
    expect(silent("docker/mac-mini/docker-compose.yml").map((f) => f.split(":").at(-1))).toEqual(["15", "27"]);
    // The registered addresses of Postgres, Redis, Ollama; the Dockerfile's own port; Next.js where it runs.
    for (const file of ["backend/Dockerfile", "frontend/playwright.config.ts", "frontend/package.json", "ai-workers/start_comfy.bat"]) {
      expect(silent(file), file).toEqual([]);
    }
    expect(silent("ai-workers/start_ollama.ps1")).toEqual([]);
    // A backend test calling FastAPI's test port; the CORS origins of the laptop's Next.js (dev and preview).
    expect(silent("backend/tests/conftest.py")).toEqual([]);
    expect(at(result).filter((f) => /main\.py:(9|10|11)$/.test(f))).toEqual([]);
    // Version numbers, years, phone numbers and ratios; CI's node-version and services; guides without scan.docs.
    for (const file of ["frontend/src/components/Footer.tsx", ".github/workflows/ci.yml", "docs/ports.md"]) expect(silent(file), file).toEqual([]);
  });

  it("gives each finding its port, host, node, service and role as data, and quotes what stands in the file", () => {
    const byPlace = new Map(result.findings.map((f) => [`${f.location.file}:${f.location.line}`, f]));
    expect(byPlace.get("backend/app/services/vision.py:6")?.data).toEqual({ port: 8000, host: "100.120.180.42", node: "desktop", role: "connect" });
    expect(byPlace.get("frontend/src/lib/ai.ts:1")?.data).toEqual({ port: 11434, host: "100.120.180.42", node: "desktop", service: "ollama", role: "browser" });
    expect(byPlace.get("backend/app/main.py:12")?.data).toEqual({ port: 3000, host: "100.123.51.5", node: "macmini", role: "origin" });
    expect(byPlace.get("backend/app/core/config.py:13")?.data).toMatchObject({ host: "100.123.51.15", suggestion: "100.123.51.5" });
    // The quote can be searched for in the file.
    expect(byPlace.get("frontend/src/lib/api.ts:1")?.message).toMatch(/^http:\/\/localhost:8000 uses 8000/);
  });

  it("masks a URL's password in every format, where the finding still names the line", async () => {
    for (const format of ["text", "json", "github"]) {
      const run = await runCli(["lint", "--format", format], { cwd: dir, env: { NO_COLOR: "1" } });
      expect(run.status, format).toBe(1);
      expect(run.stdout, format).toContain("admin:***@100.123.51.5:8080");
      expect(run.stdout + run.stderr, format).not.toContain("hunter2");
    }
  });

  // Last: it writes into the work tree.
  it("--fix --write makes the one certain edit, ComfyUI's URL back to its registered port, and nothing else", async () => {
    const before = readFileSync(path.join(dir, "backend", "app", "core", "config.py"));
    const run = await runCli(["lint", "--fix", "--write"], { cwd: dir });
    expect(run.stderr).toBe("");
    const changed = execFileSync("git", ["-C", dir, "diff", "--name-only"], { encoding: "utf8" });
    expect(changed).toBe("backend/app/core/config.py\n");
    const after = readFileSync(path.join(dir, "backend", "app", "core", "config.py"));
    const at = before.indexOf("8189");
    expect(Buffer.concat([before.subarray(0, at), Buffer.from("8188"), before.subarray(at + 4)])).toEqual(after);
    // Lint ran again: the finding is gone, the suggestions (a browser's URL, loopback compose, a test) stay.
    expect(run.stdout).not.toMatch(/config\.py:12:\d+ +scan-unregistered-port/);
    expect(run.stdout).toMatch(/backend\/app\/core\/config\.py:14:\d+ +scan-unregistered-port/);
  });
});
