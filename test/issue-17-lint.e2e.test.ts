import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { messages } from "../src/findings/messages.js";
import type { JsonReport } from "../src/reporters/json.js";
import { registryRules } from "../src/rules/registry/index.js";
import { CODE_TABLE } from "../src/commands/explain/code-table.js";
import { runCli } from "./helpers/run-cli.js";

// Issue 17, items 5, 6, 9, 10, 12 and 14's words, as a user meets them: the built CLI on real files in a real git repository.
const REGISTRY = `version: 1
nodes:
  macmini: {address: 100.123.51.5, os: macos}
  laptop: {address: 100.101.68.23, os: macos}
teams:
  B: {name: Backend, ranges: [{name: backend, from: 8000, to: 8099}]}
  C: {name: Frontend, ranges: [{name: frontend, from: 3000, to: 3099}]}
environments:
  dev: {offset: 0}
  test: {offset: 1}
  preview: {offset: 1}
services:
  - {name: fastapi, label: FastAPI, team: B, node: macmini, port: 8000, protocol: http, access: all-nodes, status: running, environments: {dev: {}, test: {status: reserved}}}
  - {name: nextjs, label: Next.js, team: C, node: laptop, port: 3000, protocol: http, access: developers-browser, status: running, environments: {dev: {}, preview: {}}}
scan:
  nodes:
    backend/**: macmini
    frontend/**: laptop
`;

const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

const git = (dir: string, ...args: string[]): string =>
  execFileSync("git", ["-C", dir, "-c", "user.email=t@example.invalid", "-c", "user.name=t", ...args], { encoding: "utf8" });

/** `files` beside REGISTRY in a fresh git repository, committed. */
async function repository(files: Record<string, string>, registry = REGISTRY): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "sparkport-issue17-"));
  scratch.push(dir);
  for (const [file, text] of Object.entries({ "ports.yaml": registry, ...files })) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  git(dir, "init", "-q");
  git(dir, "add", ".");
  git(dir, "commit", "-qm", "start");
  return dir;
}

const json = (stdout: string): JsonReport => JSON.parse(stdout) as JsonReport;
const codesAt = (report: JsonReport): string[] => report.findings.map((f) => `${f.code} ${f.location.file}:${f.location.line ?? ""}`).sort();

const PACKAGE_JSON = `{
  "scripts": {
    "dev": "next dev -p 3000",
    "start": "next start -p 3001",
    "e2e:start": "BASE_URL=http://localhost:3001 playwright test",
    "e2e": "BASE_URL=http://localhost:3000 playwright test"
  }
}
`;

describe("item 5: references in different environments never disagree", () => {
  it("a start script and its client on the preview port are no disagreement, and --fix --write leaves 3001 alone", async () => {
    const dir = await repository({ "frontend/package.json": PACKAGE_JSON });
    const run = await runCli(["lint", "--format", "json"], { cwd: dir });
    expect(codesAt(json(run.stdout))).toEqual([]);
    expect(run.status).toBe(0);
    const fix = await runCli(["lint", "--fix", "--write"], { cwd: dir });
    expect(fix.status).toBe(0);
    expect(await readFile(path.join(dir, "frontend/package.json"), "utf8")).toBe(PACKAGE_JSON);
  });

  it("a client with no environment in its context on the preview port still disagrees", async () => {
    const dir = await repository({ "frontend/package.json": PACKAGE_JSON, "frontend/.env": "NEXTJS_URL=http://localhost:3001\n" });
    const run = await runCli(["lint", "--format", "json"], { cwd: dir });
    expect(codesAt(json(run.stdout))).toEqual(["scan-files-disagree frontend/.env:1"]);
  });
});

describe("item 6: lint --base after a move names the old port", () => {
  it("reports the old references as the service's old port and --fix --write rewrites the certain one", async () => {
    const dir = await repository({ "frontend/.env.local": "FASTAPI_URL=http://100.123.51.5:8000\n", "backend/Procfile": "web: uvicorn app.main:app --host 0.0.0.0 --port 8000\n" });
    await writeFile(path.join(dir, "ports.yaml"), REGISTRY.replace("port: 8000, protocol", "port: 8020, protocol"));

    const run = await runCli(["lint", "--base", "HEAD"], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain("scan-unregistered-port");
    expect(run.stdout).toContain("frontend/.env.local:1:33  scan-moved-port  FASTAPI_URL=http://100.123.51.5:8000 uses 8000, FastAPI (dev)'s old port, now 8020 (moved since HEAD)");
    expect(run.stdout).toContain("backend/Procfile:1:49  scan-moved-port  uvicorn app.main:app --host 0.0.0.0 --port 8000 uses 8000, FastAPI (dev)'s old port, now 8020");
    expect(run.stdout).toContain("2 references still use 8000; notify team C");
    expect(run.stdout).toContain("0 references still use 8001");

    const fix = await runCli(["lint", "--base", "HEAD", "--fix", "--write"], { cwd: dir });
    // The .env names FastAPI: certain. uvicorn names no service: a suggestion, with the reason.
    expect(await readFile(path.join(dir, "frontend/.env.local"), "utf8")).toBe("FASTAPI_URL=http://100.123.51.5:8020\n");
    expect(await readFile(path.join(dir, "backend/Procfile"), "utf8")).toBe("web: uvicorn app.main:app --host 0.0.0.0 --port 8000\n");
    expect(fix.stdout).toContain("backend/Procfile:1: nothing in it names FastAPI");
    expect(fix.stdout).toContain("+web: uvicorn app.main:app --host 0.0.0.0 --port 8020");
  });
});

describe("item 9: explain knows every code any command prints", () => {
  it("explains each code of the message table, through the CLI", async () => {
    const codes = Object.keys(messages);
    // Four at a time: some 130 node processes at once starve a two-core CI machine.
    const runs: Awaited<ReturnType<typeof runCli>>[] = [];
    for (let i = 0; i < codes.length; i += 4) runs.push(...(await Promise.all(codes.slice(i, i + 4).map((code) => runCli(["explain", code, "--format", "json"])))));
    runs.forEach((run, i) => {
      const code = codes[i] ?? "";
      expect(run.status, `explain ${code}: ${run.stderr}`).toBe(0);
      const rules = (JSON.parse(run.stdout) as { rules: { code: string; explain: string }[] }).rules;
      expect(rules.map((r) => r.code)).toEqual([code]);
      expect(rules[0]?.explain).toBe(messages[code as keyof typeof messages].explain);
    });
  }, 60_000);

  it("lists scan, change-protocol and doctor codes under who prints them", async () => {
    const run = await runCli(["explain"]);
    expect(run.stdout).toContain("lint: the project's files:");
    for (const code of ["scan-unregistered-port", "scan-files-disagree", "locked-port-changed", "port-moved", "doctor-port-in-use"]) expect(run.stdout).toMatch(new RegExp(`^${code} `, "m"));
  });

  it("gives lint's registry rules the severity the rule reports", () => {
    for (const rule of registryRules) for (const [code, severity] of Object.entries(rule.codes)) expect(CODE_TABLE[code as keyof typeof CODE_TABLE], code).toEqual({ group: "registry", severity });
  });
});

describe("item 10: --format github paths are relative to the repository root", () => {
  it("from a subfolder, from the git top level, and from GITHUB_WORKSPACE", async () => {
    const dir = await repository({ "frontend/.env": "NEXTJS_URL=http://localhost:3001\n", "frontend/package.json": PACKAGE_JSON, "backend/app/.keep": "" });
    for (const cwd of [dir, path.join(dir, "frontend"), path.join(dir, "backend/app")]) {
      const run = await runCli(["lint", "--format", "github"], { cwd });
      expect(run.stdout, cwd).toContain("::error file=frontend/.env,line=1,");
    }
    // A registry in a subfolder of the repository: still from the top level.
    const nested = await repository({});
    await mkdir(path.join(nested, "infra/frontend"), { recursive: true });
    await writeFile(path.join(nested, "infra/ports.yaml"), REGISTRY);
    await writeFile(path.join(nested, "infra/frontend/.env"), "NEXTJS_URL=http://localhost:3001\n");
    await writeFile(path.join(nested, "infra/frontend/package.json"), PACKAGE_JSON);
    const fromSub = await runCli(["lint", "--format", "github"], { cwd: path.join(nested, "infra/frontend") });
    expect(fromSub.stdout).toContain("::error file=infra/frontend/.env,line=1,");
    const workspace = await runCli(["lint", "--format", "github"], { cwd: path.join(nested, "infra/frontend"), env: { GITHUB_WORKSPACE: path.join(nested, "infra") } });
    expect(workspace.stdout).toContain("::error file=frontend/.env,line=1,");
  });
});

describe("item 12: a command binding an all-nodes service to loopback", () => {
  it("a Procfile, a package.json script and a shell script each get scan-loopback-bind with the program's bind fix", async () => {
    const registry = REGISTRY.replace("access: developers-browser", "access: all-nodes");
    const dir = await repository(
      {
        "backend/Procfile": "web: uvicorn app.main:app --host 127.0.0.1 --port 8000\n",
        "backend/run.sh": "#!/bin/sh\nexec uvicorn app.main:app --host 127.0.0.1 --port 8000\n",
        "frontend/package.json": '{\n  "scripts": {\n    "dev": "next dev -H 127.0.0.1 -p 3000"\n  }\n}\n',
      },
      registry,
    );
    const run = await runCli(["lint", "--format", "json"], { cwd: dir });
    const report = json(run.stdout);
    expect(codesAt(report)).toEqual(["scan-loopback-bind backend/Procfile:1", "scan-loopback-bind backend/run.sh:2", "scan-loopback-bind frontend/package.json:3"]);
    const procfile = report.findings.find((f) => f.location.file === "backend/Procfile");
    expect(procfile?.message).toBe("uvicorn app.main:app --host 127.0.0.1 --port 8000 listens on 127.0.0.1:8000 only, but FastAPI (dev) is for all nodes: other nodes are refused");
    expect(procfile?.fix).toBe("write `uvicorn app.main:app --host 0.0.0.0 --port 8000` instead, then restart it");
    expect(report.findings.find((f) => f.location.file === "frontend/package.json")?.fix).toBe("write `next dev -H 0.0.0.0 -p 3000` instead, then restart it");
    // Listening wider is a person's decision: --fix shows it, --write does not make it.
    const fix = await runCli(["lint", "--fix", "--write"], { cwd: dir });
    expect(fix.stdout).toContain("+web: uvicorn app.main:app --host 0.0.0.0 --port 8000");
    expect(await readFile(path.join(dir, "backend/Procfile"), "utf8")).toBe("web: uvicorn app.main:app --host 127.0.0.1 --port 8000\n");
  });

  it("a loopback bind of a service that is not for all nodes is silent", async () => {
    const dir = await repository({ "frontend/package.json": '{"scripts": {"dev": "next dev -H 127.0.0.1 -p 3000"}}\n' });
    expect(codesAt(json((await runCli(["lint", "--format", "json"], { cwd: dir })).stdout))).toEqual([]);
  });
});

describe("item 14: words", () => {
  it("the summary line counts the registry's findings apart from each scanned file's", async () => {
    const dir = await repository({ "frontend/.env": "NEXTJS_URL=http://localhost:3001\nOTHER_URL=http://localhost:3055\n", "frontend/package.json": PACKAGE_JSON });
    const run = await runCli(["lint"], { cwd: dir });
    expect(run.stdout).toContain("✔ ports.yaml: 0 errors, 0 warnings, 0 info in 2 services (4 ports), 0 reservations, 2 nodes\n");
    expect(run.stdout).toContain("✖ 1 project file: 2 errors, 0 warnings, 0 info (frontend/.env: 2 errors)\n");
  });

  it("messages quote what stands in the file", async () => {
    const dir = await repository({ "frontend/.env": "NEXTJS_URL=http://localhost:3001\n", "frontend/package.json": '{"scripts": {"dev": "next dev -p 3001"}}\n' });
    const report = json((await runCli(["lint", "--format", "json"], { cwd: dir })).stdout);
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) {
      const line = (await readFile(path.join(dir, f.location.file), "utf8")).split("\n")[(f.location.line ?? 1) - 1] ?? "";
      const quoted = f.message.slice(0, f.message.indexOf(" ("));
      const head = f.message.split(" uses ")[0] ?? "";
      expect(line, f.message).toContain(head.length < quoted.length || quoted === "" ? head : quoted);
    }
  });

  it("one reference is counted in proper English", async () => {
    const dir = await repository({ "frontend/.env.local": "FASTAPI_URL=http://100.123.51.5:8000\n" });
    await writeFile(path.join(dir, "ports.yaml"), REGISTRY.replace("port: 8000, protocol", "port: 8020, protocol"));
    const run = await runCli(["lint", "--base", "HEAD"], { cwd: dir });
    expect(run.stdout).toContain("1 reference still uses 8000");
    expect(run.stdout).toContain("0 references still use 8001");
    expect(run.stdout).not.toMatch(/\(s\)/);
  });
});
