import type { ChildProcess } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import stringWidth from "string-width";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freeStablePort, startNodeServer } from "./helpers/listeners.js";
import { runCli, type CliRun } from "./helpers/run-cli.js";
import { ENGLISH, HANGUL, KOREAN, type Way } from "./helpers/language-ways.js";
import { skipping } from "./helpers/skip-reason.js";

// What check, doctor, allocate, request, release and set-status print around their findings, in the team's language
// (issue 18 item 2), through the built CLI. Network safety: the registry's node `here` is 127.0.0.1, the listener
// is on loopback, and the node `far` is 127.0.0.2 (probed on Linux only, which routes all of 127/8 to lo).

const isLinux = process.platform === "linux";
const [ko, en] = [KOREAN[1] as Way, ENGLISH[0] as Way];

let scratch: string;
let port: number;
let server: ChildProcess;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "sparkport-ko-commands-"));
  // The team's range: the held port (api), the next one free (offered and allocated), then the locked db.
  port = await freeStablePort(3);
  await writeFile(
    path.join(scratch, "ports.yaml"),
    [
      "version: 1",
      "nodes:",
      "  here: {label: Here box, address: 127.0.0.1, os: linux}",
      "  far: {address: 127.0.0.2, os: linux}",
      "teams:",
      `  B: {name: Backend, ranges: [{name: main, from: ${port}, to: ${port + 2}}]}`,
      "environments:",
      "  dev: {offset: 0}",
      "services:",
      `  - {name: api, label: FastAPI, team: B, node: here, port: ${port}, protocol: http, access: all-nodes, status: running}`,
      `  - {name: db, label: PostgreSQL, team: B, node: here, port: ${port + 2}, protocol: tcp, access: backend-only, status: running, locked: true}`,
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

/** A copy of the registry to write to. */
async function copy(name: string): Promise<string> {
  const dir = path.join(scratch, name);
  await mkdir(dir, { recursive: true });
  await copyFile(path.join(scratch, "ports.yaml"), path.join(dir, "ports.yaml"));
  return dir;
}

/** No English word of these tables is left in a Korean output. */
function expectNone(text: string, words: readonly string[]): void {
  expect(words.filter((word) => text.includes(word))).toEqual([]);
}

/** The JSON with every finding's message and fix taken out: what must be the same in every language. */
function withoutProse(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutProse);
  if (typeof value !== "object" || value === null) return value;
  const record = value as Record<string, unknown>;
  const finding = typeof record.code === "string" && typeof record.message === "string";
  return Object.fromEntries(Object.entries(record).filter(([key]) => !(finding && (key === "message" || key === "fix"))).map(([key, v]) => [key, withoutProse(v)]));
}

async function jsonIn(way: Way, args: readonly string[], cwd = scratch): Promise<{ status: number; json: Record<string, unknown> }> {
  const result = await run(way, [...args, "--json"], cwd);
  return { status: result.status, json: JSON.parse(result.stdout) as Record<string, unknown> };
}

/** --json in Korean and English: equal but for findings' message and fix (and what `differ` names). */
async function expectSameJson(args: readonly string[], differ: readonly string[] = []): Promise<Record<string, unknown>> {
  const [koJson, enJson] = [await jsonIn(ko, args), await jsonIn(en, args)];
  expect(koJson.status).toBe(enJson.status);
  const drop = (json: Record<string, unknown>): unknown => withoutProse(Object.fromEntries(Object.entries(json).filter(([key]) => !differ.includes(key))));
  expect(drop(koJson.json)).toEqual(drop(enJson.json));
  return koJson.json;
}

const CHECK_ENGLISH = ["  registry  ", "  local  ", "  remote  ", "fix:", "next free:", "allocated to", "held by", "free on", "conflict", "this machine", "not probed", "offline mode"];

describe("check", () => {
  for (const way of KOREAN) {
    it(`${way.name}: the verdict, the registry, local and remote lines, and the next free port in Korean`, async () => {
      const result = await run(way, ["check", String(port), `far:${port + 1}`, "--no-remote"]);
      expect(result.status).toBe(1);
      const text = result.stdout;
      expect(text).toContain(`${port}  충돌 ✖  here 노드 (이 머신)`);
      expect(text).toContain(`  레지스트리  FastAPI에 할당됨: B팀, here 노드, 상태 실행 중(running); B팀의 main 범위(${port}-${port + 2})에 속함`);
      expect(text).toMatch(new RegExp(`  로컬        .+ \\(PID \\d+.*\\)[이가] 127\\.0\\.0\\.1에서 사용 중`));
      expect(text).toContain("      해결: 다른 포트를 쓰거나(아래 다음 빈 포트 참고)");
      expect(text).toContain(`  다음 빈 포트: ${port + 1}`);
      expect(text).toContain(`${port + 1}  비어 있음 ✔  far 노드`);
      expect(text).toContain(`  원격        far (127.0.0.2:${port + 1}): 확인하지 않음, 오프라인 모드 (--no-remote 또는 SPARKPORT_OFFLINE=1)`);
      expectNone(text, CHECK_ENGLISH);
    });
  }

  for (const way of ENGLISH) {
    it(`${way.name}: today's English`, async () => {
      const result = await run(way, ["check", String(port), `far:${port + 1}`, "--no-remote"]);
      expect(result.status).toBe(1);
      const text = result.stdout;
      expect(text).toContain(`${port}  conflict ✖  node here (this machine)`);
      expect(text).toContain(`  registry  allocated to FastAPI, team B, on here (running); inside team B's range main (${port}-${port + 2})`);
      expect(text).toMatch(/ {2}local {5}held by .+ \(PID \d+.*\) on 127\.0\.0\.1\n/);
      expect(text).toContain("      fix: take another port");
      expect(text).toContain(`  next free: ${port + 1}`);
      expect(text).toContain(`  remote    not probed on far (127.0.0.2:${port + 1}): offline mode (--no-remote or SPARKPORT_OFFLINE=1)`);
      expect(text).not.toMatch(HANGUL);
    });
  }

  it("lines up its labels by display width in Korean", async () => {
    const result = await run(ko, ["check", String(port), `far:${port + 1}`, "--no-remote"]);
    const labelled = result.stdout.split("\n").filter((line) => /^ {2}(레지스트리|로컬|원격) /.test(line));
    expect(labelled).toHaveLength(4);
    const starts = labelled.map((line) => stringWidth(/^ {2}\S+ +/.exec(line)?.[0] ?? ""));
    expect(new Set(starts)).toEqual(new Set([14]));
  });

  it.skipIf(skipping(!isLinux, "the Korean remote-probe case", `it probes 127.0.0.2, routed to lo only on Linux; this is ${process.platform}`))("says a remote probe's answer in Korean", async () => {
    const result = await run(ko, ["check", `far:${port + 1}`]);
    expect(result.stdout).toMatch(new RegExp(`  원격        far \\(127\\.0\\.0\\.2:${port + 1}\\): 닫힘\\(closed\\): 리스닝하는 것이 없음, \\d+ ms`));
  });

  it("--json: identical in both languages but for message and fix", async () => {
    await expectSameJson(["check", String(port), `far:${port + 1}`, "--no-remote"]);
  });
});

describe("doctor PORT --error EADDRINUSE, the port held by a child process on loopback", () => {
  const pasted = (): string[] => ["doctor", String(port), "--error", `Error: listen EADDRINUSE: address already in use 127.0.0.1:${port}`];
  const DOCTOR_ENGLISH = ["pasted error", " at ports.yaml", "observed:", "listening:", "fix:", "checked:", "who holds", "problem diagnosed", "changed nothing", "take a free port"];

  for (const way of KOREAN) {
    it(`${way.name}: the pasted error, what was observed, the fix, what was checked, and the verdict in Korean`, async () => {
      const result = await run(way, pasted());
      expect(result.status).toBe(1);
      const text = result.stdout;
      expect(text).toContain(`doctor ${port}: api — here 노드 (이 머신)\n`);
      expect(text).toMatch(/\n {4}위치: ports\.yaml:10:\d+\n/);
      expect(text).toContain(`붙여 넣은 오류: 이미 사용 중인 주소(address-in-use) (Error: listen EADDRINUSE: address already in use 127.0.0.1:${port})`);
      expect(text).toContain(`    관찰: 리스닝 중: 127.0.0.1:${port} (`);
      expect(text).toMatch(/ {4}관찰: PID \d+: .*node/);
      expect(text).toContain("    해결: 점유한 프로세스를 멈추거나(아래 명령)");
      // Commands to copy stay commands; the free port to take instead is a comment after them.
      expect(text).toMatch(new RegExp(`\\$ kill ${server.pid}\\n {6}\\$ kill -9 ${server.pid}\\n {6}# 또는 대신 빈 포트 ${port + 1}[을를] 쓰세요\\n`));
      expect(text).toContain("확인한 항목: 이 머신에서 포트를 쓰는 프로세스\n");
      expect(text).toMatch(/✖ 문제를 찾았습니다\. doctor는 아무것도 바꾸지 않았습니다\n$/);
      expectNone(text, DOCTOR_ENGLISH);
    });
  }

  for (const way of ENGLISH) {
    it(`${way.name}: today's English`, async () => {
      const result = await run(way, pasted());
      expect(result.status).toBe(1);
      const text = result.stdout;
      expect(text).toContain(`doctor ${port}: api on here (this machine)\n`);
      expect(text).toMatch(/\n {4}at ports\.yaml:10:\d+\n/);
      expect(text).toContain(`pasted error: address-in-use (Error: listen EADDRINUSE: address already in use 127.0.0.1:${port})`);
      expect(text).toContain(`    observed: listening: 127.0.0.1:${port} (`);
      expect(text).toContain("    fix: stop the holder (commands below)");
      expect(text).toContain(`      $ kill ${server.pid}\n      $ kill -9 ${server.pid}\n      # or take a free port instead: ${port + 1}\n`);
      expect(text).toContain("checked: who holds the port here\n");
      expect(text).toMatch(/✖ problem diagnosed; doctor changed nothing\n$/);
      expect(text).not.toMatch(HANGUL);
    });
  }

  it("--json: identical in both languages but for message and fix; checks and the port to take instead are data", async () => {
    const json = await expectSameJson(pasted());
    expect(json.checks).toEqual([{ check: "holders" }]);
    const findings = json.findings as { code: string; evidence?: string[]; commands?: string[]; data?: unknown }[];
    const inUse = findings.find((f) => f.code === "doctor-port-in-use");
    expect(inUse?.data).toEqual({ suggestion: String(port + 1) });
    expect(inUse?.commands).toEqual(expect.arrayContaining([`kill ${server.pid}`]));
    expect(inUse?.commands?.some((c) => c.startsWith("#"))).toBe(false);
    // Evidence in JSON stays English in every language, as today.
    expect(inUse?.evidence?.[0]).toMatch(new RegExp(`^listening: 127\\.0\\.0\\.1:${port} \\(`));
  });

  it("the bind fix of a localhost-only service, in Korean words around the same command", async () => {
    const result = await run(ko, ["doctor", "api"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`doctor api: api — here 노드 (이 머신)`);
    expect(result.stdout).toMatch(new RegExp(`관찰: 리스닝 중: 127\\.0\\.0\\.1:${port} PID \\d+`));
    expect(result.stdout).toContain("해결: 이 프로그램은 루프백 주소(127.0.0.1 또는 ::1)에서만 리스닝하므로 다른 노드의 접속이 거부됩니다.");
    expect(result.stdout).toMatch(/확인한 항목: 이 머신에서 리스닝 중인 소켓, (docker ps, )?compose 파일 0개, env 파일 0개\n/);
    const english = await run(en, ["doctor", "api"]);
    expect(english.stdout).toContain("fix: The program listens on the loopback address only (127.0.0.1 or ::1), so other nodes are refused.");
    expect(english.stdout).toMatch(/checked: what listens on this machine; (docker ps; )?0 compose files; 0 env files\n/);
  });
});

describe("allocate, release and set-status", () => {
  const CHANGE_ENGLISH = ["nothing was written", "dry run", "unchanged", "wrote", "fix:", "released", "is now"];

  for (const way of KOREAN) {
    it(`${way.name}: a dry run, a refusal and a written change in Korean, around the same diff`, async () => {
      const dry = await run(way, ["allocate", "billing", "--team", "B", "--node", "here", "--dry-run"]);
      expect(dry.status).toBe(0);
      expect(dry.stdout).toContain(`+    port: ${port + 1}\n`);
      expect(dry.stdout).toMatch(/시험 실행\(--dry-run\)이므로 ports\.yaml은 그대로입니다\n$/);
      const refused = await run(way, ["allocate", "billing", "--team", "B", "--node", "here", "--port", String(port), "--dry-run"]);
      expect(refused.status).toBe(1);
      expect(refused.stdout).toContain(`port-allocated  ${port} 포트는 here 노드에서 B팀의 FastAPI에 할당되어 있습니다\n    해결: `);
      expect(refused.stdout).toMatch(/아무것도 쓰지 않았습니다\n$/);
      const release = await run(way, ["release", "api", "--dry-run"]);
      expect(release.stdout).toContain("-  - {name: api,");
      expect(release.stdout).toMatch(/시험 실행\(--dry-run\)이므로 ports\.yaml은 그대로입니다\n$/);
      const locked = await run(way, ["release", "db", "--dry-run"]);
      expect(locked.status).toBe(1);
      expect(locked.stdout).toMatch(/아무것도 쓰지 않았습니다\n$/);
      const status = await run(way, ["set-status", "api", "stopped", "--dry-run"]);
      expect(status.stdout).toContain("+  - {name: api, label: FastAPI, team: B, node: here");
      expect(status.stdout).toMatch(/시험 실행\(--dry-run\)이므로 ports\.yaml은 그대로입니다\n$/);
      for (const text of [dry.stdout, refused.stdout, release.stdout, locked.stdout, status.stdout]) expectNone(text, CHANGE_ENGLISH);

      const dir = await copy(`write-${way.args.length}`);
      const allocated = await run(way, ["allocate", "billing", "--team", "B", "--node", "here"], dir);
      expect(allocated.stdout).toMatch(new RegExp(`✔ billing: here 노드에 dev ${port + 1} 포트를 할당했습니다\\. ports\\.yaml에 썼습니다\\n$`));
      const stopped = await run(way, ["set-status", "billing", "stopped"], dir);
      expect(stopped.stdout).toMatch(/✔ billing의 상태를 중지됨\(stopped\)으로 바꿨습니다\. ports\.yaml에 썼습니다\n$/);
      const released = await run(way, ["release", "billing"], dir);
      expect(released.stdout).toMatch(/✔ billing 할당을 해제했습니다\. ports\.yaml에 썼습니다\n$/);
      expect(await readFile(path.join(dir, "ports.yaml"), "utf8")).toBe(await readFile(path.join(scratch, "ports.yaml"), "utf8"));
    });
  }

  for (const way of ENGLISH) {
    it(`${way.name}: today's English`, async () => {
      const dry = await run(way, ["allocate", "billing", "--team", "B", "--node", "here", "--dry-run"]);
      expect(dry.stdout).toMatch(/dry run: ports\.yaml unchanged\n$/);
      const refused = await run(way, ["allocate", "billing", "--team", "B", "--node", "here", "--port", String(port), "--dry-run"]);
      expect(refused.stdout).toMatch(/\n {4}fix: .+\nnothing was written\n$/);
      expect((await run(way, ["release", "api", "--dry-run"])).stdout).toMatch(/dry run: ports\.yaml unchanged\n$/);
      expect((await run(way, ["set-status", "api", "stopped", "--dry-run"])).stdout).toMatch(/dry run: ports\.yaml unchanged\n$/);
      const dir = await copy(`write-en-${way.args.length}`);
      expect((await run(way, ["allocate", "billing", "--team", "B", "--node", "here"], dir)).stdout).toMatch(
        new RegExp(`✔ billing: dev ${port + 1} on here; wrote ports\\.yaml\\n$`),
      );
      expect((await run(way, ["set-status", "billing", "stopped"], dir)).stdout).toMatch(/✔ billing is now stopped; wrote ports\.yaml\n$/);
      expect((await run(way, ["release", "billing"], dir)).stdout).toMatch(/✔ released billing; wrote ports\.yaml\n$/);
      for (const text of [dry.stdout, refused.stdout]) expect(text).not.toMatch(HANGUL);
    });
  }

  it("--json: the same diff, plan and checks in both languages", async () => {
    const json = await expectSameJson(["allocate", "billing", "--team", "B", "--node", "here", "--dry-run"]);
    expect((json.plan as { checks: unknown }).checks).toEqual([
      { check: "next-free", team: "B", port: port + 1 },
      { check: "table", ports: [port + 1], node: "here", taken: false },
      { check: "local", node: "here", port: port + 1, held: false },
    ]);
    await expectSameJson(["release", "api", "--dry-run"]);
    await expectSameJson(["set-status", "api", "stopped", "--dry-run"]);
  });
});

describe("request: the port request form", () => {
  const args = (): string[] => ["request", "billing", "--team", "B", "--node", "here", "--note", "청구서 API", "--access", "backend-only", "--priority", "high"];

  for (const way of KOREAN) {
    it(`${way.name}: the guide's own form (포트 할당 요청 양식), filled in`, async () => {
      const result = await run(way, args());
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(
        [
          "## 요청 정보",
          "- **팀**: B팀 (Backend)",
          "- **서비스명**: billing",
          `- **희망 포트**: ${port + 1}`,
          "- **용도**: 청구서 API",
          "- **노드**: Here box (127.0.0.1)",
          "",
          "## 접근 범위",
          "- [ ] 공개 (모든 노드)",
          "- [x] Backend 전용",
          "- [ ] 개발자만 (브라우저)",
          "",
          "## 우선순위",
          "- [x] High (즉시 필요)",
          "- [ ] Medium (1주일 이내)",
          "- [ ] Low (향후 고려)",
          "",
          "## 충돌 확인",
          `- [x] B팀 범위의 다음 빈 포트: ${port + 1}`,
          `- [x] 포트 할당표 확인 완료: here 노드의 ${port + 1} 포트는 할당·예약되지 않음`,
          `- [x] 이 머신(here 노드)에서 ${port + 1} 포트 확인 (사용 중 아님)`,
          "",
          "_제목: [포트 할당] billing - B팀 · `sparkport request`가 ports.yaml을 보고 채웠습니다._",
          "",
        ].join("\n"),
      );
    });
  }

  it("a refused port: its check and the refusal are left unticked, in Korean", async () => {
    const result = await run(ko, ["request", "billing", "--team", "B", "--node", "here", "--port", String(port)]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`- [ ] 포트 할당표: here 노드의 ${port} 포트가 이미 할당 또는 예약됨\n`);
    expect(result.stdout).toContain(`- [ ] port-allocated: ${port} 포트는 here 노드에서 B팀의 FastAPI에 할당되어 있습니다\n`);
    expect(result.stdout).toContain(`- [ ] port-held-locally: `);
    // Another access scope than the guide form's three is added as a fourth choice.
    const scoped = await run(ko, ["request", "billing", "--team", "B", "--node", "here", "--access", "test-only"]);
    expect(scoped.stdout).toContain("- [ ] 개발자만 (브라우저)\n- [x] 테스트 전용\n");
  });

  for (const way of ENGLISH) {
    it(`${way.name}: today's English form`, async () => {
      const result = await run(way, args());
      expect(result.stdout).toBe(
        [
          "## [Port allocation] billing - B",
          "",
          "- **Team**: B (Backend)",
          "- **Service**: billing",
          `- **Wanted port**: ${port + 1}`,
          "- **Purpose**: 청구서 API",
          "- **Node**: here (Here box, 127.0.0.1)",
          "- **Access scope**: backend only",
          "- **Priority**: high (now)",
          "",
          "### Conflict check",
          "",
          `- [x] next free port in team B's ranges: ${port + 1}`,
          `- [x] allocation table: ${port + 1} not allocated or reserved on here`,
          `- [x] this machine (here): ${port + 1} free`,
          "",
          "_Filled in by `sparkport request` from ports.yaml._",
          "",
        ].join("\n"),
      );
    });
  }

  it("--gh: the same command line in both languages, the title in the chosen one", async () => {
    const korean = await run(ko, [...args(), "--gh"]);
    expect(korean.stdout).toMatch(/^sparkport request billing .* --lang ko \| gh issue create --title '\[포트 할당\] billing - B팀' --body-file -\n$/);
    const english = await run(en, [...args(), "--gh"]);
    expect(english.stdout).toMatch(/^sparkport request billing .* \| gh issue create --title '\[Port allocation\] billing - B' --body-file -\n$/);
  });

  it("--json: the plan and its checks are the same in both languages; the title and body follow the language", async () => {
    const json = await expectSameJson(args(), ["title", "body"]);
    expect(json.title).toBe("[포트 할당] billing - B팀");
    expect(json.body).toMatch(/^## 요청 정보\n/);
  });
});
