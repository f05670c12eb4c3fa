import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freeStablePort, startNodeServer } from "./helpers/listeners.js";
import { REPO_ROOT, runCli, type CliRun } from "./helpers/run-cli.js";
import { ENGLISH, HANGUL, KOREAN, type Way } from "./helpers/language-ways.js";

// Finding texts in the team's language (issue 18 items 2-3), through the built CLI. Network safety: the registry's
// one node is 127.0.0.1 and the listener is on loopback.


const fixture = (name: string): string => path.join(REPO_ROOT, "test", "fixtures", name);

let scratch: string;
let registry: string;
let port: number;
let server: ChildProcess;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "sparkport-ko-"));
  // The team's range is the port and the next one, free now: the free port offered is the same in both runs.
  port = await freeStablePort(2);
  registry = path.join(scratch, "ports.yaml");
  await writeFile(
    registry,
    [
      "version: 1",
      "nodes:",
      "  here: {address: 127.0.0.1, os: linux}",
      "teams:",
      `  B: {name: Backend, ranges: [{name: main, from: ${port}, to: ${port + 1}}]}`,
      "environments:",
      "  dev: {offset: 0}",
      "services:",
      `  - {name: api, label: FastAPI, team: B, node: here, port: ${port}, protocol: http, access: all-nodes, status: running}`,
      "",
    ].join("\n"),
  );
  server = await startNodeServer("127.0.0.1", port);
});

afterAll(async () => {
  server.kill();
  await rm(scratch, { recursive: true, force: true });
});

const run = (way: Way, args: readonly string[], cwd = scratch): Promise<CliRun> =>
  runCli([...args, ...way.args], { cwd, env: { ...way.env, SPARKPORT_NODE: "here" } });

interface FindingJson {
  code: string;
  severity: string;
  message: string;
  fix?: string;
  location: unknown;
}

/** Every finding anywhere in a command's JSON: lint's list, check's per port, doctor's and the notes. */
function findingsIn(value: unknown): FindingJson[] {
  if (Array.isArray(value)) return value.flatMap(findingsIn);
  if (typeof value !== "object" || value === null) return [];
  const record = value as Record<string, unknown>;
  if (typeof record.code === "string" && typeof record.message === "string") return [record as unknown as FindingJson];
  return Object.values(record).flatMap(findingsIn);
}

/** The JSON with every finding's message and fix taken out: what must be the same in every language. */
function withoutProse(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutProse);
  if (typeof value !== "object" || value === null) return value;
  const record = value as Record<string, unknown>;
  const finding = typeof record.code === "string" && typeof record.message === "string";
  return Object.fromEntries(Object.entries(record).filter(([key]) => !(finding && (key === "message" || key === "fix"))).map(([key, v]) => [key, withoutProse(v)]));
}

/** --json in Korean and English: the same codes, severities, locations, keys and everything else; only message and fix differ. */
async function expectSameJson(args: readonly string[], cwd = scratch): Promise<FindingJson[]> {
  const ko = await run(KOREAN[1] as Way, [...args, "--json"], cwd);
  const en = await run(ENGLISH[0] as Way, [...args, "--json"], cwd);
  expect(ko.status).toBe(en.status);
  const koJson: unknown = JSON.parse(ko.stdout);
  const enJson: unknown = JSON.parse(en.stdout);
  expect(withoutProse(koJson)).toEqual(withoutProse(enJson));
  const koFindings = findingsIn(koJson);
  const enFindings = findingsIn(enJson);
  expect(koFindings.length).toBeGreaterThan(0);
  koFindings.forEach((finding, i) => {
    const english = enFindings[i];
    expect(Object.keys(finding).sort()).toEqual(Object.keys(english ?? {}).sort());
    expect(finding.message).toMatch(HANGUL);
    expect(english?.message).not.toMatch(HANGUL);
    expect(finding.message).not.toBe(english?.message);
    if (finding.fix !== undefined) expect(finding.fix).toMatch(HANGUL);
  });
  return koFindings;
}

describe("lint speaks the chosen language", () => {
  for (const way of KOREAN) {
    it(`${way.name}: Korean message and fix`, async () => {
      const result = await run(way, ["lint"], fixture("lint-duplicate-port"));
      expect(result.status).toBe(1);
      expect(result.stdout).toContain("duplicate-port  alpha 노드의 20001/tcp 포트가 one, two에 중복 할당되어 있습니다");
      expect(result.stdout).toContain("해결: 둘 중 하나에 팀 범위 안의 다른 포트를 할당하세요 (`sparkport next`로 찾을 수 있습니다)");
      expect(result.stdout).not.toContain("is allocated to");
    });
  }
  for (const way of ENGLISH) {
    it(`${way.name}: English message and fix`, async () => {
      const result = await run(way, ["lint"], fixture("lint-duplicate-port"));
      expect(result.status).toBe(1);
      expect(result.stdout).toContain("duplicate-port  port 20001/tcp on alpha is allocated to one, two");
      expect(result.stdout).toContain("fix: give one of them another port in its team's range (`sparkport next` finds one)");
      expect(result.stdout).not.toMatch(HANGUL);
    });
  }

  it("--explain gives the rule in Korean too", async () => {
    const result = await run(KOREAN[0] as Way, ["lint", "--explain"], fixture("lint-duplicate-port"));
    expect(result.stdout).toContain("규칙: 같은 노드에서 두 할당이 같은 전송 계층(TCP/UDP)의 같은 포트를 씁니다.");
  });

  it("--json: the scan's findings are the same in both languages but for message and fix, with English values translated", async () => {
    const findings = await expectSameJson(["lint"], fixture("lint-scan-monorepo"));
    expect(findings.map((f) => f.code)).toEqual(expect.arrayContaining(["scan-files-disagree", "scan-access-violation", "scan-unregistered-port"]));
    const prose = findings.map((f) => `${f.message} ${f.fix ?? ""}`).join("\n");
    // Values other modules write in English reach the Korean text in Korean: "on NODE", "FILE uses PORT", access scopes.
    expect(prose).toContain("macmini 노드에서 이 포트를 가진 서비스가 없습니다");
    expect(prose).toContain("backend/.env:1에서는 8000 포트를 씁니다");
    expect(prose).toContain("Backend 전용(backend-only)");
    expect(prose).not.toMatch(/\b(runs on|uses \d|on any node|more use|backend-only,)\b/);
  });

  it("--format github keeps the code as the title and writes the message in Korean", async () => {
    const result = await run(KOREAN[1] as Way, ["lint", "--format", "github"], fixture("lint-duplicate-port"));
    expect(result.stdout).toMatch(/title=sparkport duplicate-port::alpha 노드의 20001\/tcp 포트가/);
  });
});

describe("check speaks the chosen language", () => {
  for (const way of KOREAN) {
    it(`${way.name}: a port allocated and held on loopback`, async () => {
      const result = await run(way, ["check", String(port)]);
      expect(result.status).toBe(1);
      expect(result.stdout).toContain(`port-allocated  ${port} 포트는 here 노드에서 B팀의 FastAPI에 할당되어 있습니다`);
      expect(result.stdout).toContain("해결: 다른 포트를 쓰거나(아래 다음 빈 포트 참고), 그 서비스를 시작하는 중이라면 --service NAME을 붙이세요");
      expect(result.stdout).toMatch(new RegExp(`port-held-locally  이 머신에서 .+ \\(PID \\d+.*\\)[이가] 127\\.0\\.0\\.1의 ${port} 포트를 쓰고 있습니다`));
    });
  }
  for (const way of ENGLISH) {
    it(`${way.name}: the same in English`, async () => {
      const result = await run(way, ["check", String(port)]);
      expect(result.status).toBe(1);
      expect(result.stdout).toContain(`port-allocated  ${port} is allocated to FastAPI of team B on here`);
      expect(result.stdout).toContain("fix: take another port (see the next free port below)");
      expect(result.stdout).not.toMatch(HANGUL);
    });
  }

  it("--json: identical but for message and fix", async () => {
    const findings = await expectSameJson(["check", String(port)]);
    expect(findings.map((f) => f.code)).toEqual(expect.arrayContaining(["port-allocated", "port-held-locally"]));
  });
});

describe("doctor speaks the chosen language", () => {
  const pasted = (): string[] => ["doctor", String(port), "--error", `Error: listen EADDRINUSE: address already in use 127.0.0.1:${port}`];

  for (const way of KOREAN) {
    it(`${way.name}: who holds the port, and the fix`, async () => {
      const result = await run(way, pasted());
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(new RegExp(`doctor-port-in-use  이 머신에서 .+[이가] 127\\.0\\.0\\.1의 ${port} 포트를 쓰고 있습니다\\. 레지스트리는 ${port} 포트를 FastAPI에 할당했습니다`));
      expect(result.stdout).toContain("해결: 점유한 프로세스를 멈추거나(아래 명령), 서비스를 등록된 포트나 다음 빈 포트에서 시작하세요");
      // Commands to copy stay commands.
      expect(result.stdout).toMatch(/\$ kill \d+/);
    });
  }
  for (const way of ENGLISH) {
    it(`${way.name}: the same in English`, async () => {
      const result = await run(way, pasted());
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(new RegExp(`doctor-port-in-use  ${port} is in use on this machine by .+ on 127\\.0\\.0\\.1; the registry gives ${port} to FastAPI`));
      expect(result.stdout).toContain("fix: stop the holder (commands below), or start your service on its registered port or the next free one");
      expect(result.stdout).not.toMatch(HANGUL);
    });
  }

  it("--json: identical but for message and fix", async () => {
    const findings = await expectSameJson(pasted());
    expect(findings.map((f) => f.code)).toContain("doctor-port-in-use");
  });
});

describe("explain speaks the chosen language", () => {
  for (const way of KOREAN) {
    it(`${way.name}: the rule in Korean`, async () => {
      const result = await run(way, ["explain", "scan-files-disagree"]);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain("두 파일이 같은 서비스의 포트를 서로 다르게 씁니다 (가이드의 문제 4).");
    });
  }
  for (const way of ENGLISH) {
    it(`${way.name}: the rule in English`, async () => {
      const result = await run(way, ["explain", "scan-files-disagree"]);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain("Two files disagree about the same service's port (the guide's problem 4).");
      expect(result.stdout).not.toMatch(HANGUL);
    });
  }

  it("--json lists the same codes, groups and severities in both languages, every one explained in Korean", async () => {
    const ko = JSON.parse((await run(KOREAN[0] as Way, ["explain", "--json"])).stdout) as { rules: { code: string; explain: string }[] };
    const en = JSON.parse((await run(ENGLISH[0] as Way, ["explain", "--json"])).stdout) as { rules: { code: string; explain: string }[] };
    const shape = (rules: { explain: string }[]): unknown[] => rules.map(({ explain: _, ...rest }) => rest);
    expect(shape(ko.rules)).toEqual(shape(en.rules));
    expect(ko.rules.length).toBeGreaterThan(90);
    for (const rule of ko.rules) expect(rule.explain, rule.code).toMatch(HANGUL);
  });
});
