import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { JsonReport } from "../src/reporters/json.js";
import type { RegistryData } from "../src/registry/schema.js";
import { runCli } from "./helpers/run-cli.js";

// Issue 17 item 18: init writes a registry that lints clean, and --from-scan starts from the ports the project's files use.
const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

async function project(files: Record<string, string>, git = true): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "sparkport-init-"));
  scratch.push(dir);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  if (git) {
    execFileSync("git", ["-C", dir, "init", "-q"]);
    execFileSync("git", ["-C", dir, "add", "."]);
  }
  return dir;
}

/** A FastAPI backend with a settings class, its .env and Dockerfile; a Next.js frontend; redis and postgres in compose. */
const REALISTIC = {
  "backend/app/settings.py": `from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    database_url: str = "postgresql://app:app@localhost:5432/app"
    redis_url: str = "redis://localhost:6379/0"
`,
  "backend/.env": "FASTAPI_PORT=8020\nDATABASE_URL=postgresql://app:app@localhost:5432/app\nREDIS_URL=redis://localhost:6379/0\n",
  "backend/Dockerfile": 'FROM python:3.12-slim\nCOPY . .\nEXPOSE 8020\nCMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8020"]\n',
  "frontend/package.json": '{\n  "name": "web",\n  "scripts": {\n    "dev": "next dev -p 3010",\n    "start": "next start -p 3011",\n    "build": "next build"\n  }\n}\n',
  "docker-compose.yml": `services:
  redis:
    image: redis:7
    ports:
      - "6379:6379"
  postgres:
    image: postgres:16
    ports:
      - "5432:5432"
`,
};

const lintJson = async (cwd: string): Promise<{ status: number; report: JsonReport }> => {
  const run = await runCli(["lint", "--format", "json"], { cwd });
  return { status: run.status, report: JSON.parse(run.stdout) as JsonReport };
};

describe("init", () => {
  it("writes a starter with no lint finding at all, and check reads its ranges without saying a name twice", async () => {
    const dir = await project({});
    expect((await runCli(["init"], { cwd: dir })).status).toBe(0);
    const { status, report } = await lintJson(dir);
    expect(report.findings).toEqual([]);
    expect(status).toBe(0);
    const check = await runCli(["check", "8050", "--no-remote"], { cwd: dir });
    expect(check.stdout).toContain("inside team backend's range apis (8000-8099)");
    expect(check.stdout).not.toMatch(/backend's backend|frontend's frontend/);
  });

  it("says a range named as its team once", async () => {
    const dir = await project({});
    await runCli(["init"], { cwd: dir });
    const file = path.join(dir, "ports.yaml");
    await writeFile(file, (await readFile(file, "utf8")).replace("- name: apis", "- name: backend"));
    const check = await runCli(["check", "8050", "--no-remote"], { cwd: dir });
    expect(check.stdout).toContain("inside team backend's range 8000-8099");
  });
});

describe("init --from-scan", () => {
  it("proposes a service per port the project's files use, and the registry it writes lints clean", async () => {
    const dir = await project(REALISTIC);
    const run = await runCli(["init", "--from-scan"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ {2}fastapi +8020 +http +backend +all-nodes +backend\/Dockerfile:3 EXPOSE 8020/m);
    expect(run.stdout).toMatch(/^ {2}postgres +5432 +tcp +backend +all-nodes +docker-compose\.yml:9 5432:5432/m);
    expect(run.stdout).toMatch(/^ {2}redis +6379 +tcp +backend/m);
    expect(run.stdout).toMatch(/^ {2}frontend-dev +3010 +http +frontend +developers-browser +frontend\/package\.json:4 .*next dev -p 3010/m);
    expect(run.stdout).toMatch(/^ {2}frontend-start +3011 /m);
    expect(run.stdout).toContain("created ports.yaml with 5 services");

    const data = parse(await readFile(path.join(dir, "ports.yaml"), "utf8")) as RegistryData;
    const node = Object.keys(data.nodes)[0] ?? "";
    expect(node).toBe(hostname().split(".")[0]?.toLowerCase().replace(/[^a-z0-9._-]+/g, "-") || "devbox");
    expect(data.services.map((s) => [s.name, s.port, s.protocol, s.team, s.node])).toEqual([
      ["frontend-dev", 3010, "http", "frontend", node],
      ["frontend-start", 3011, "http", "frontend", node],
      ["postgres", 5432, "tcp", "backend", node],
      ["redis", 6379, "tcp", "backend", node],
      ["fastapi", 8020, "http", "backend", node],
    ]);
    const { status, report } = await lintJson(dir);
    expect(report.findings).toEqual([]);
    expect(status).toBe(0);
    expect(report.scan?.references).toBeGreaterThanOrEqual(10);
  });

  it("--dry-run prints the registry and writes nothing; an existing file stays unless --force", async () => {
    const dir = await project(REALISTIC, false);
    const dry = await runCli(["init", "--from-scan", "--dry-run"], { cwd: dir });
    expect(dry.status).toBe(0);
    expect(dry.stderr).toContain("dry run: ports.yaml not written");
    expect((parse(dry.stdout) as RegistryData).services).toHaveLength(5);
    await expect(readFile(path.join(dir, "ports.yaml"), "utf8")).rejects.toThrow();

    await writeFile(path.join(dir, "ports.yaml"), "# mine\nport: 9999\n");
    expect((await runCli(["init", "--from-scan", "--dry-run"], { cwd: dir })).stderr).toContain("(ports.yaml exists: --force replaces it)");
    const refused = await runCli(["init", "--from-scan"], { cwd: dir });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe("sparkport: ports.yaml already exists; nothing was written. Use --force to replace it.\n");
    expect(await readFile(path.join(dir, "ports.yaml"), "utf8")).toBe("# mine\nport: 9999\n");

    expect((await runCli(["init", "--from-scan", "--force"], { cwd: dir })).stdout).toContain("replaced ports.yaml with 5 services");
    // The file it replaced is not read as one of the project's files: the same proposal.
    expect(await readFile(path.join(dir, "ports.yaml"), "utf8")).toBe(dry.stdout);
    expect((await lintJson(dir)).status).toBe(0);
  });

  it("a service published on loopback only is not proposed for all nodes, so lint does not flag it", async () => {
    const dir = await project({ "docker-compose.yml": 'services:\n  redis:\n    image: redis:7\n    ports:\n      - "127.0.0.1:6380:6379"\n' });
    await runCli(["init", "--from-scan"], { cwd: dir });
    const data = parse(await readFile(path.join(dir, "ports.yaml"), "utf8")) as RegistryData;
    expect(data.services.map((s) => [s.name, s.port, s.access])).toEqual([["redis", 6380, "backend-only"]]);
    expect((await lintJson(dir)).report.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("a project whose files use no port gets the plain starter, and says so", async () => {
    const dir = await project({ "README.md": "# nothing here\n" });
    const run = await runCli(["init", "--from-scan"], { cwd: dir });
    expect(run.stdout).toContain("the project's files use no port on this machine: the plain starter instead");
    expect((await lintJson(dir)).status).toBe(0);
  });
});
