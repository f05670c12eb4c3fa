import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { JsonReport } from "../src/reporters/json.js";
import { runCli } from "./helpers/run-cli.js";

// Issue 17 item 14, as a newcomer reads it through the built CLI. Nodes on loopback (here 127.0.0.1, other
// 127.0.0.2); every probe of another node is off (--no-remote), and nothing listens: only words are tested.
const REGISTRY = `version: 1
nodes:
  here: {address: 127.0.0.1, os: linux}
  other: {address: 127.0.0.2, os: linux}
teams:
  B: {name: Backend, ranges: [{name: apis, from: 8000, to: 8099}]}
  C: {name: Frontend, ranges: [{name: web, from: 3000, to: 3099}]}
environments:
  dev: {offset: 0}
  test: {offset: 1}
services:
  - {name: fastapi, label: FastAPI, team: B, node: here, port: 8020, protocol: http, access: all-nodes, status: in-development, environments: {dev: {}, test: {}}}
  - {name: nextjs, label: Next.js, team: C, node: other, port: 3000, protocol: http, access: developers-browser, status: in-development}
  - {name: redis, label: Redis, team: B, node: here, port: 8079, protocol: tcp, access: all-nodes, status: running, locked: true}
scan:
  nodes:
    backend/**: here
    frontend/**: other
`;

const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

async function repository(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "sparkport-words-"));
  scratch.push(dir);
  for (const [file, text] of Object.entries({ "ports.yaml": REGISTRY, ...files })) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  execFileSync("git", ["-C", dir, "init", "-q"]);
  execFileSync("git", ["-C", dir, "add", "."]);
  return dir;
}

const json = (stdout: string): JsonReport => JSON.parse(stdout) as JsonReport;
const times = (text: string, words: string): number => text.split(words).length - 1;

describe("a sentence ends before its list", () => {
  it("unknown names, everywhere they are refused: one wording, a period before the list and after it", async () => {
    const dir = await repository({});
    const cases: [string[], string][] = [
      [["list", "--env", "prod"], 'sparkport: unknown environment "prod". Known: dev, test.'],
      [["list", "--env", "tset"], 'sparkport: unknown environment "tset"; did you mean "test"? Known: dev, test.'],
      [["release", "fastap", "--dry-run"], 'sparkport: no service or reservation "fastap"; did you mean "fastapi"? Known: fastapi, nextjs, redis.'],
      [["set-status", "nope", "stopped"], 'sparkport: no service "nope". Known: fastapi, nextjs, redis.'],
      [["doctor", "frobnicate", "--no-remote"], 'sparkport: no service, port, host:port or URL "frobnicate". Services: fastapi, nextjs, redis.'],
      [["doctor", "fastapi.prod", "--no-remote"], 'sparkport: fastapi has no environment "prod". Its environments: dev, test.'],
      [["set-status", "fastapi.tset", "stopped"], 'sparkport: fastapi has no environment "tset"; did you mean "test"? Its environments: dev, test.'],
      [["check", "8050", "--this-node", "nowhere"], 'sparkport: unknown node "nowhere" (this machine, from --this-node or SPARKPORT_NODE). Known: here, other.'],
    ];
    for (const [args, line] of cases) {
      const run = await runCli(args, { cwd: dir });
      expect([run.status, run.stderr], args.join(" ")).toEqual([2, `${line}\n`]);
    }
  });
});

describe("nothing is said twice", () => {
  it("doctor on a port of this machine: 'this machine' once, with the node's name", async () => {
    const dir = await repository({});
    const run = await runCli(["doctor", "8123", "--no-remote", "--this-node", "here"], { cwd: dir });
    expect(run.stdout.split("\n")[0]).toBe("doctor 8123: port 8123 on this machine (here)");
    expect(run.stdout).not.toContain("this machine (this machine)");
  });

  it("doctor on a healthy service: the checked list once, the all-clear once, plurals in English", async () => {
    const dir = await repository({ "backend/.env": "NEXTJS_URL=http://127.0.0.2:3000\n", "frontend/.env": "X=1\n", "docker-compose.yml": "services: {}\n" });
    const run = await runCli(["doctor", "nextjs", "--no-remote", "--this-node", "here"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(times(run.stdout, "checked")).toBe(1);
    expect(run.stdout).toContain("checked: 1 compose file; 2 env files\n");
    expect(times(run.stdout, "no problem found")).toBe(1);
    expect(run.stdout).toMatch(/✔ no problem found for Next\.js at 127\.0\.0\.2:3000\n$/);
    expect(run.stdout).not.toMatch(/\(s\)/);
  });

  it("check of another node offline: 'offline mode' once", async () => {
    const dir = await repository({});
    const run = await runCli(["check", "3005", "--node", "other", "--no-remote"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(times(run.stdout, "offline mode")).toBe(1);
    expect(run.stdout).toContain("remote    not probed on other (127.0.0.2:3005): offline mode (--no-remote or SPARKPORT_OFFLINE=1)");
  });

  it("a refused release: 'nothing was written' once", async () => {
    const dir = await repository({});
    const run = await runCli(["release", "redis"], { cwd: dir });
    expect(run.status).toBe(1);
    expect(times(run.stdout, "nothing was written")).toBe(1);
  });
});

describe("an env fix is the line to write into the file", () => {
  it("lint shows FASTAPI_PORT=8020 in backend/.env, not a command", async () => {
    const dir = await repository({ "backend/.env": "FASTAPI_PORT=8000\nOTHER=1\n" });
    const report = json((await runCli(["lint", "--format", "json"], { cwd: dir })).stdout);
    const finding = report.findings.find((f) => f.location.file === "backend/.env");
    expect(finding?.message).toBe("FASTAPI_PORT=8000 uses 8000, which no service on here holds; FastAPI (dev) runs on here at 8020");
    expect(finding?.fix).toBe("write `FASTAPI_PORT=8020` in backend/.env: 8020 (FastAPI (dev)) is its registered port");
    const text = await runCli(["lint"], { cwd: dir });
    expect(text.stdout).not.toMatch(/^\s*\$ /m);
  });
});

describe("messages quote what stands in the file", () => {
  it("a package.json script as it is written, and a config port with its key", async () => {
    const dir = await repository({
      "frontend/package.json": '{\n  "scripts": {\n    "dev": "next dev -p 3001"\n  }\n}\n',
      "backend/config.yaml": "server:\n  port: 8050\n",
    });
    const report = json((await runCli(["lint", "--format", "json"], { cwd: dir })).stdout);
    const messages = report.findings.map((f) => f.message);
    expect(messages).toContain('"dev": "next dev -p 3001" uses 3001, which no service on other holds');
    expect(messages).toContain("port: 8050 uses 8050, which no service on here holds");
  });
});

describe("one path base per finding", () => {
  it("from a subfolder, location, message, fix and summary all name files from there", async () => {
    const dir = await repository({
      "backend/.env": "FASTAPI_URL=http://127.0.0.1:8020\n",
      "backend/other.env": "FASTAPI_URL=http://127.0.0.1:8020\n",
      "frontend/.env": "FASTAPI_URL=http://127.0.0.1:8021\n",
    });
    const run = await runCli(["lint"], { cwd: path.join(dir, "frontend") });
    expect(run.stdout).toContain(".env:1:30  scan-files-disagree  FASTAPI_URL=http://127.0.0.1:8021 uses 8021 for FastAPI, while ../backend/.env:1 and 1 more use 8020\n");
    expect(run.stdout).toContain("      see ../backend/other.env:1:30\n");
    expect(run.stdout).toContain("fix: write `FASTAPI_URL=http://127.0.0.1:8020` in .env, then restart the client\n");
    expect(run.stdout).toContain("✔ ../ports.yaml: 0 errors, 0 warnings, 0 info in 3 services (4 ports), 0 reservations, 2 nodes\n");
    expect(run.stdout).toContain("✖ 1 project file: 1 error, 0 warnings, 0 info (.env: 1 error)\n");
    const fromTop = await runCli(["lint"], { cwd: dir });
    expect(fromTop.stdout).toContain("frontend/.env:1:30  scan-files-disagree  FASTAPI_URL=http://127.0.0.1:8021 uses 8021 for FastAPI, while backend/.env:1 and 1 more use 8020\n");
  });
});
