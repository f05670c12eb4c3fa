import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { JsonReport } from "../src/reporters/json.js";
import { ENGLISH, HANGUL, KOREAN, type Way } from "./helpers/language-ways.js";
import { close, freeStablePort, listen } from "./helpers/listeners.js";
import { REPO_ROOT, runCli, type CliRun } from "./helpers/run-cli.js";

// Issue 18 item 2 (and item 7), as a user meets it through the built CLI: the text output of lint, list, status,
// explain, next, docs, init and diff in Korean and in English. Network safety: the registry's one node is 127.0.0.1,
// the listener is on loopback, and status and next run with --no-remote.

const fixture = (name: string): string => path.join(REPO_ROOT, "test", "fixtures", name);

let scratch: string;
let registry: string;
let base: number;
let held: Server;

/** api listens (on loopback, where it may); web is declared running and does not: one mismatch. */
const REGISTRY = (p: number): string =>
  [
    "version: 1",
    "project: demo",
    "nodes:",
    "  here: {address: 127.0.0.1, os: linux}",
    "teams:",
    `  B: {name: Backend, ranges: [{name: main, from: ${p}, to: ${p + 9}}]}`,
    `  C: {name: Frontend, ranges: [{name: web, from: ${p + 20}, to: ${p + 20}}]}`,
    "environments:",
    "  dev: {offset: 0}",
    "services:",
    `  - {name: api, label: FastAPI, team: B, node: here, port: ${p}, protocol: http, access: backend-only, status: running, locked: true, note: main dev server}`,
    `  - {name: web, label: Web, team: B, node: here, port: ${p + 1}, protocol: http, access: developers-browser, status: running}`,
    "reservations:",
    `  - {name: grafana, label: Grafana, port: ${p + 5}, purpose: monitoring dashboard, priority: medium, team: B}`,
    `  - {name: storybook, port: ${p + 20}, purpose: component previews, priority: low, team: C}`,
    "",
  ].join("\n");

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "sparkport-ko-report-"));
  base = await freeStablePort(10);
  registry = path.join(scratch, "ports.yaml");
  await writeFile(registry, REGISTRY(base));
  held = await listen("127.0.0.1", base);
});

afterAll(async () => {
  await close(held);
  await rm(scratch, { recursive: true, force: true });
});

const run = (way: Way, args: readonly string[], cwd = scratch): Promise<CliRun> =>
  runCli([...args, ...way.args], { cwd, env: { ...way.env, SPARKPORT_NODE: "here" } });

/** The JSON with every text for a person taken out: what must be the same in every language. */
function withoutProse(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutProse);
  if (typeof value !== "object" || value === null) return value;
  const prose = new Set(["message", "fix", "explain", "title", "markdown"]);
  return Object.fromEntries(Object.entries(value).filter(([key]) => !prose.has(key)).map(([key, v]) => [key, withoutProse(v)]));
}

/** The codes anywhere in a JSON answer. */
function codesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(codesIn);
  if (typeof value !== "object" || value === null) return [];
  const record = value as Record<string, unknown>;
  return [...(typeof record.code === "string" ? [record.code] : []), ...Object.values(record).flatMap(codesIn)];
}

/** --json in Korean and in English: the same codes, keys and values, but for the texts a person reads. */
async function expectSameJson(args: readonly string[], cwd = scratch): Promise<unknown> {
  const ko = await run(KOREAN[1] as Way, [...args, "--json"], cwd);
  const en = await run(ENGLISH[0] as Way, [...args, "--json"], cwd);
  expect(ko.status, ko.stderr).toBe(en.status);
  const koJson: unknown = JSON.parse(ko.stdout);
  const enJson: unknown = JSON.parse(en.stdout);
  expect(withoutProse(koJson)).toEqual(withoutProse(enJson));
  expect(codesIn(koJson)).toEqual(codesIn(enJson));
  return enJson;
}

describe("lint's report", () => {
  // The words of the report's own tables, none of which may be left in a Korean run.
  const ENGLISH_WORDS = /\b(errors?|warnings?|info|fix:|rule:|at services|see |scan:|files? read|port references?|skipped|project files?|in \d+ services?|suggested|no scan\.nodes glob)\b/;

  for (const way of KOREAN) {
    it(`${way.name}: headings, labels and summary in Korean`, async () => {
      const result = await run(way, ["lint", "--explain"], fixture("lint-duplicate-port"));
      expect(result.status).toBe(1);
      expect(result.stdout).toContain("스캔: 파일 0개를 읽고 포트 참조 0곳을 찾았습니다\n오류 (1)\n");
      expect(result.stdout).toContain("      위치: services[1].port\n      참고: ports.yaml:26:11 (services[0].port)\n      해결: 둘 중 하나에");
      expect(result.stdout).toContain("      규칙: 같은 노드에서 두 할당이");
      expect(result.stdout).toContain("✖ ports.yaml: 서비스 4개(포트 4개), 예약 0개, 노드 2개에서 오류 1개, 경고 0개, 정보 0개\n");
      expect(result.stdout).not.toMatch(ENGLISH_WORDS);
    });
  }
  for (const way of ENGLISH) {
    it(`${way.name}: as it always was`, async () => {
      const result = await run(way, ["lint", "--explain"], fixture("lint-duplicate-port"));
      expect(result.status).toBe(1);
      expect(result.stdout).toContain("scan: 0 files read, 0 port references\nerrors (1)\n");
      expect(result.stdout).toContain("      at services[1].port\n      see ports.yaml:26:11 (services[0].port)\n      fix: give one of them");
      expect(result.stdout).toContain("      rule: Two allocations share a port");
      expect(result.stdout).toContain("✖ ports.yaml: 1 error, 0 warnings, 0 info in 4 services (4 ports), 0 reservations, 2 nodes\n");
      expect(result.stdout).not.toMatch(HANGUL);
    });
  }

  it("--fix: the suggestions, their reasons and the files' summary in Korean", async () => {
    const result = await run(KOREAN[0] as Way, ["lint", "--fix"], fixture("lint-scan-monorepo"));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("제안만 하고 적용하지 않은 수정 1개 (직접 확인하세요):\n  frontend/.env.local:1: 브라우저에서 실행되는 코드라서 서비스에 닿는 경로가 다를 수 있습니다\n");
    expect(result.stdout).toContain("  docker/mac-mini/docker-compose.yml:5: 포트가 루프백만이 아니라 모든 인터페이스에 공개됩니다\n");
    expect(result.stdout).toContain("--fix --write는 위 수정 중 제안으로 표시되지 않은 것을 적용합니다 (파일 2개)\n");
    expect(result.stdout).toContain("; 선언된 예외(exceptions)에 해당하는 항목 1개\n");
    expect(result.stdout).toContain("✖ 프로젝트 파일 4개: 오류 6개, 경고 0개, 정보 0개 (backend/.env: 오류 1개; docker/mac-mini/docker-compose.yml: 오류 1개;");
    expect(result.stdout).not.toMatch(ENGLISH_WORDS);
    expect(result.stdout).not.toMatch(/runs in a browser|every interface|--fix --write applies/);
  });

  it("--fix --write: what was written, and what is left, in Korean", async () => {
    const dir = path.join(scratch, "fix-write");
    await mkdir(path.join(dir, "backend"), { recursive: true });
    await writeFile(path.join(dir, "ports.yaml"), `${REGISTRY(base)}scan:\n  nodes:\n    "**": here\n`);
    await writeFile(path.join(dir, "backend", ".env"), `FASTAPI_URL=http://127.0.0.1:${base + 2}\n`);
    const result = await run(KOREAN[1] as Way, ["lint", "--fix", "--write"], dir);
    expect(await readFile(path.join(dir, "backend", ".env"), "utf8")).toBe(`FASTAPI_URL=http://127.0.0.1:${base}\n`);
    expect(result.stdout).toContain("backend/.env 파일을 고쳤습니다\n파일 1개를 고쳤습니다. 고친 뒤에도 남은 문제:\n");
    expect(result.status).toBe(0);
  });

  it("--verbose: the files the scan skipped, and why, in Korean", async () => {
    const dir = path.join(scratch, "skipped");
    await mkdir(path.join(dir, "backend"), { recursive: true });
    await writeFile(path.join(dir, "ports.yaml"), REGISTRY(base));
    await writeFile(path.join(dir, "backend", "blob.env"), Buffer.from([0x50, 0x4f, 0x52, 0x54, 0x3d, 0x00, 0x31]));
    await writeFile(path.join(dir, "backend", ".env"), `API_PORT=${base}\n`);
    const plain = await run(KOREAN[0] as Way, ["lint"], dir);
    expect(plain.stdout).toMatch(/^스캔: 파일 \d+개를 읽고 포트 참조 \d+곳을 찾았습니다; 1개는 건너뜀 \(바이너리 1개\); scan\.nodes 글롭으로 노드를 정할 수 없는 파일 \d+개 \(--verbose로 목록을 볼 수 있습니다\)\n/);
    const verbose = await run(KOREAN[0] as Way, ["lint", "--verbose"], dir);
    expect(verbose.stdout).toContain("건너뛴 파일 (1):\n  backend/blob.env  바이너리: ");
    expect(verbose.stdout).toContain("scan.nodes 글롭에 맞는 노드가 없는 파일 (");
    expect(verbose.stdout).not.toMatch(ENGLISH_WORDS);
  });

  it("a registry that cannot be read, and a Markdown file that stops docs: the last line in each language", async () => {
    const empty = await run(KOREAN[0] as Way, ["lint"], fixture("bad-empty"));
    expect([empty.status, empty.stderr.split("\n").at(-2)]).toEqual([2, "lint: 레지스트리를 읽을 수 없습니다 (문제 1개)"]);
    expect((await run(ENGLISH[0] as Way, ["lint"], fixture("bad-empty"))).stderr).toMatch(/\nlint: the registry could not be read \(1 problem\)\n$/);
    await writeFile(path.join(scratch, "bad-marker.md"), "# x\n<!-- sparkport:begin bogus -->\n<!-- sparkport:end -->\n");
    const stopped = await run(KOREAN[1] as Way, ["docs", "--write", "bad-marker.md"]);
    expect([stopped.status, stopped.stderr.split("\n").at(-2)]).toEqual([2, "docs: bad-marker.md에서 멈췄고 아무것도 쓰지 않았습니다 (문제 1개)"]);
    expect(stopped.stderr).toContain("오류 (1)\n");
    expect((await run(ENGLISH[1] as Way, ["docs", "--write", "bad-marker.md"])).stderr).toMatch(/\ndocs: stopped at bad-marker\.md; nothing was written \(1 problem\)\n$/);
  });

  it("--json: the same codes and values in both languages", async () => {
    const json = (await expectSameJson(["lint"], fixture("lint-scan-monorepo"))) as JsonReport;
    expect(json.findings.length).toBeGreaterThan(0);
  });
});

describe("list", () => {
  const ENGLISH_WORDS = /\b(SERVICE|PORT|PROTO|NODE|ACCESS|STATUS|NOTE|PRIORITY|PURPOSE|Reserved for later|fixed|backend only|developers|running|medium|team B)\b/;

  for (const way of KOREAN) {
    it(`${way.name}: headers, cells and titles in the guide's words`, async () => {
      const result = await run(way, ["list"]);
      expect(result.status, result.stderr).toBe(0);
      const lines = result.stdout.split("\n");
      expect(lines[0]).toBe("Backend (B팀)");
      expect(lines[1]).toMatch(/^ {2}서비스 +포트 +프로토콜 +노드 +접근 범위 +상태 +비고$/);
      expect(lines[2]).toMatch(new RegExp(`^ {2}FastAPI +${base} +http +here +Backend 전용 +✅ Running +고정; main dev server$`));
      expect(lines[3]).toMatch(new RegExp(`^ {2}Web +${base + 1} +http +here +개발자 \\(브라우저\\) +✅ Running$`));
      expect(result.stdout).toContain("예약된 포트 (향후 사용)\n");
      expect(result.stdout).toMatch(/ {2}서비스 +포트 +우선순위 +예상 용도\n/);
      expect(result.stdout).toMatch(new RegExp(`Grafana +${base + 5} +Medium +monitoring dashboard`));
      expect(result.stdout).not.toMatch(ENGLISH_WORDS);
    });
  }
  for (const way of ENGLISH) {
    it(`${way.name}: as it always was`, async () => {
      const result = await run(way, ["list"]);
      const lines = result.stdout.split("\n");
      expect(lines[0]).toBe("Backend (team B)");
      expect(lines[1]).toMatch(/^ {2}SERVICE +PORT +PROTO +NODE +ACCESS +STATUS +NOTE$/);
      expect(lines[2]).toMatch(new RegExp(`^ {2}FastAPI +${base} +http +here +backend only +running +fixed; main dev server$`));
      expect(result.stdout).toContain("Reserved for later\n");
      expect(result.stdout).toMatch(new RegExp(`Grafana +${base + 5} +medium +monitoring dashboard`));
      expect(result.stdout).not.toMatch(HANGUL);
    });
  }

  it("says in each language when nothing matches the filters", async () => {
    expect((await run(KOREAN[0] as Way, ["list", "--team", "C", "--env", "dev"])).stdout).toBe("이 조건에 맞는 할당이 없습니다\n");
    expect((await run(ENGLISH[0] as Way, ["list", "--team", "C", "--env", "dev"])).stdout).toBe("no allocation matches these filters\n");
  });

  it("--json: the same in both languages, but for the titles", async () => {
    const json = (await expectSameJson(["list"])) as { sections: unknown[]; reservations: unknown[] };
    expect(json.sections).toHaveLength(1);
    expect(json.reservations).toHaveLength(2);
  });
});

describe("status", () => {
  /** The table and the summary line; the findings between them are the finding texts' own. */
  const tableOf = (stdout: string): string[] => {
    const lines = stdout.split("\n");
    return [...lines.slice(0, lines.indexOf("")), lines.at(-2) ?? ""];
  };
  const ENGLISH_WORDS = /\b(SERVICE|PORT|NODE|DECLARED|OBSERVED|this machine|MISMATCH|mismatch(es)?|listening|running|ports?)\b/;

  for (const way of KOREAN) {
    it(`${way.name}: headers, states and the summary in Korean`, async () => {
      const result = await run(way, ["status", "--no-remote"]);
      expect(result.status).toBe(1);
      const table = tableOf(result.stdout);
      expect(table[0]).toMatch(/^서비스 +포트 +노드 +선언된 상태 +실제 상태$/);
      expect(table[1]).toMatch(new RegExp(`^FastAPI +${base} +here \\(이 머신\\) +✅ Running +리스닝 중 \\(127\\.0\\.0\\.1\\)$`));
      expect(table[2]).toMatch(new RegExp(`^Web +${base + 1} +here \\(이 머신\\) +✅ Running +리스닝 없음 +불일치$`));
      expect(table.at(-1)).toBe("포트 2개, 불일치 1개");
      for (const line of table) expect(line).not.toMatch(ENGLISH_WORDS);
      expect(result.stdout).toContain("\n    해결: ");
      expect(result.stdout).not.toContain("fix:");
    });
  }
  for (const way of ENGLISH) {
    it(`${way.name}: as it always was`, async () => {
      const result = await run(way, ["status", "--no-remote"]);
      const table = tableOf(result.stdout);
      expect(table[0]).toMatch(/^SERVICE +PORT +NODE +DECLARED +OBSERVED$/);
      expect(table[1]).toMatch(new RegExp(`^FastAPI +${base} +here \\(this machine\\) +running +listening on 127\\.0\\.0\\.1$`));
      expect(table[2]).toMatch(new RegExp(`^Web +${base + 1} +here \\(this machine\\) +running +not-listening +MISMATCH$`));
      expect(table.at(-1)).toBe("2 ports, 1 mismatch");
      expect(result.stdout).toContain("\n    fix: ");
      expect(result.stdout).not.toMatch(HANGUL);
    });
  }

  it("--json: the same codes, states and values in both languages", async () => {
    const json = (await expectSameJson(["status", "--no-remote"])) as { rows: { observed: string; mismatch: boolean }[] };
    expect(json.rows.map((r) => [r.observed, r.mismatch])).toEqual([
      ["listening", false],
      ["not-listening", true],
    ]);
  });
});

describe("explain", () => {
  for (const way of KOREAN) {
    it(`${way.name}: the header, the severities and who prints each group, in Korean`, async () => {
      const all = await run(way, ["explain"]);
      const lines = all.stdout.split("\n");
      expect(lines[0]).toMatch(/^코드 +심각도 +의미$/);
      expect(lines.slice(1, 4)).toEqual(["", "lint: 레지스트리(ports.yaml):", expect.stringMatching(/^duplicate-port +오류 +같은 노드에서/)]);
      expect(all.stdout).toContain("\ndoctor:\n");
      expect(all.stdout).toContain("\n모든 명령: 읽을 수 없는 레지스트리 (종료 코드 2):\n");
      // The severity column holds no English word.
      expect(lines.filter((l) => /^[a-z0-9-]+ +(error|warning|info) /.test(l))).toEqual([]);
      const one = await run(way, ["explain", "port-moved"]);
      expect(one.stdout).toMatch(/^코드 +심각도 +의미\nport-moved +경고 +포트가 옮겨졌습니다.+\n출력하는 명령: lint --base REF와 diff: 포트 변경 프로토콜\n$/);
    });
  }
  for (const way of ENGLISH) {
    it(`${way.name}: as it always was`, async () => {
      const one = await run(way, ["explain", "port-moved"]);
      expect(one.stdout).toMatch(/^CODE +SEVERITY +WHAT IT MEANS\nport-moved +warning +A port moved.+\nprinted by lint --base REF and diff: the change protocol\n$/);
      expect((await run(way, ["explain"])).stdout).toContain("\n\nlint: the registry:\nduplicate-port ");
    });
  }

  it("--json: the same codes, groups and severities in both languages", async () => {
    const json = (await expectSameJson(["explain"])) as { rules: { code: string }[] };
    expect(json.rules.length).toBeGreaterThan(90);
  });
});

describe("next", () => {
  it("says a shortfall on stderr in each language; the ports on stdout are the same", async () => {
    const ko = await run(KOREAN[0] as Way, ["next", "--team", "B", "--count", "20", "--no-remote"]);
    const en = await run(ENGLISH[0] as Way, ["next", "--team", "B", "--count", "20", "--no-remote"]);
    expect(ko.stderr).toMatch(/^sparkport: B팀 범위에 빈 포트가 20개 중 \d+개만 남아 있습니다\n$/);
    expect(en.stderr).toMatch(/^sparkport: only \d+ of 20 free ports left in team B's ranges\n$/);
    expect(ko.stdout).toBe(en.stdout);
    expect(ko.stdout).toContain(`${base + 2}\n`);
    expect([ko.status, en.status]).toEqual([1, 1]);
  });

  it("says when no port is left", async () => {
    const ko = await run(KOREAN[1] as Way, ["next", "--team", "C", "--no-remote"]);
    expect([ko.status, ko.stdout, ko.stderr]).toEqual([1, "", "sparkport: C팀 범위에 남은 빈 포트가 없습니다\n"]);
    expect((await run(ENGLISH[1] as Way, ["next", "--team", "C", "--no-remote"])).stderr).toBe("sparkport: no free port left in team C's ranges\n");
  });
});

describe("docs --write", () => {
  it("says in Korean what it created, and that a second run changes nothing", async () => {
    const file = "PORTS.ko.md";
    const created = await run(KOREAN[0] as Way, ["docs", "--write", file]);
    expect([created.status, created.stderr]).toEqual([0, `${file} 파일을 만들었습니다 (문서 전체를 sparkport 표식 사이에 넣었습니다)\n`]);
    const again = await run(KOREAN[0] as Way, ["docs", "--write", file]);
    expect(again.stderr).toBe(`${file} 파일이 이미 레지스트리와 일치합니다 (문서 전체). 아무것도 쓰지 않았습니다\n`);
  });
});

describe("init --lang ko (issue 18 item 7)", () => {
  async function emptyRepo(name: string, files: Record<string, string> = {}): Promise<string> {
    const dir = path.join(scratch, name);
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    }
    await mkdir(dir, { recursive: true });
    execFileSync("git", ["-C", dir, "init", "-q"]);
    return dir;
  }

  /** The comments of a YAML file, but for the schema line and the empty comment under it. */
  const comments = (text: string): string[] =>
    text
      .split("\n")
      .flatMap((line) => (/#(?! yaml-language-server)(.+)$/.exec(line)?.[1] ?? "").trim() || [])
      .filter((c) => c !== "");

  /** Lint, in both languages: no finding at all, exit 0. */
  async function expectLintClean(dir: string): Promise<void> {
    for (const way of [KOREAN[0], ENGLISH[0]] as Way[]) {
      const lint = await run(way, ["lint", "--format", "json"], dir);
      expect((JSON.parse(lint.stdout) as JsonReport).findings, way.name).toEqual([]);
      expect(lint.status).toBe(0);
    }
  }

  it("writes the starter with Korean comments, the same keys and values, and it lints clean in both languages", async () => {
    const ko = await emptyRepo("init-ko");
    const en = await emptyRepo("init-en");
    const written = await run(KOREAN[1] as Way, ["init"], ko);
    expect([written.status, written.stdout]).toEqual([0, "ports.yaml 파일을 만들었습니다. 내용을 고친 뒤 `sparkport lint`를 실행하세요\n"]);
    expect((await run(ENGLISH[0] as Way, ["init"], en)).stdout).toBe("created ports.yaml; edit it, then run `sparkport lint`\n");
    const koText = await readFile(path.join(ko, "ports.yaml"), "utf8");
    const enText = await readFile(path.join(en, "ports.yaml"), "utf8");
    expect(parse(koText)).toEqual(parse(enText));
    expect(comments(koText).length).toBe(comments(enText).length);
    expect(comments(koText).length).toBeGreaterThan(8);
    for (const comment of comments(koText)) expect(comment).toMatch(HANGUL);
    expect(koText).toContain("# 서비스를 시작하기 전에 여기에 먼저 등록하세요. `sparkport lint`가 이 파일을 검사합니다.\n");
    expect(koText.split("\n")[0]).toBe(enText.split("\n")[0]);
    await expectLintClean(ko);
  });

  it("--from-scan: the proposal's table and comments in Korean, and the registry lints clean in both languages", async () => {
    const files = {
      "backend/.env": "FASTAPI_PORT=8020\n",
      "frontend/package.json": '{\n  "name": "web",\n  "scripts": {\n    "dev": "next dev -p 3010"\n  }\n}\n',
    };
    const ko = await emptyRepo("scan-ko", files);
    const en = await emptyRepo("scan-en", files);
    const dry = await run(KOREAN[0] as Way, ["init", "--from-scan", "--dry-run"], ko);
    expect(dry.stderr).toMatch(/^프로젝트 파일에서 찾아 제안하는 서비스 \(.+ 노드, 이 머신\):\n {2}서비스 +포트 +프로토콜 +팀 +접근 범위 +찾은 곳\n/);
    expect(dry.stderr).toContain("시험 실행: ports.yaml 파일을 쓰지 않았습니다. 쓰려던 레지스트리는 stdout에 출력했습니다\n");
    const written = await run(KOREAN[0] as Way, ["init", "--from-scan"], ko);
    expect(written.stdout).toMatch(/\nports\.yaml 파일을 만들었습니다 \(서비스 2개\)\. 서비스 이름, 팀, 접근 범위를 확인한 뒤 `sparkport lint`를 실행하세요\n$/);
    await run(ENGLISH[0] as Way, ["init", "--from-scan"], en);
    const koText = await readFile(path.join(ko, "ports.yaml"), "utf8");
    expect(koText).toContain("    # 찾은 곳: backend/.env:1 FASTAPI_PORT=8020\n");
    for (const comment of comments(koText)) expect(comment).toMatch(HANGUL);
    // The same registry but for the project's name, which is its folder's.
    const data = (text: string): unknown => ({ ...(parse(text) as object), project: null });
    expect(data(koText)).toEqual(data(await readFile(path.join(en, "ports.yaml"), "utf8")));
    await expectLintClean(ko);
  });
});

describe("diff", () => {
  it("writes the announcement in Korean, with the same JSON as in English", async () => {
    const dir = path.join(scratch, "diff");
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "ports.yaml"), REGISTRY(base));
    const git = (...args: string[]): void => void execFileSync("git", ["-C", dir, ...args], { stdio: "ignore" });
    git("init", "-q");
    git("add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "ports");
    await writeFile(path.join(dir, "ports.yaml"), REGISTRY(base).replace(`port: ${base + 1},`, `port: ${base + 2},`));
    const ko = await run(KOREAN[0] as Way, ["diff", "HEAD"], dir);
    expect(ko.stdout).toBe(
      [
        "## HEAD 이후 포트 변경",
        "",
        "| 서비스 | 환경 | 노드 | 이전 | 이후 | 고정 |",
        "|---|---|---|---|---|---|",
        `| Web | dev | here | ${base + 1} | ${base + 2} |  |`,
        "",
        "### 아직 옛 포트를 쓰는 파일",
        "",
        "없습니다.",
        "",
        "### 알려야 할 팀",
        "",
        "- C팀 (Frontend)",
        "",
        "",
      ].join("\n"),
    );
    const en = await run(ENGLISH[0] as Way, ["diff", "HEAD"], dir);
    expect(en.stdout).toContain("## Port changes since HEAD\n\n| service | environment | node | before | after | locked |\n");
    expect(en.stdout).toContain("### Files still using an old port\n\nNone.\n\n### Teams to notify\n\n- C (Frontend)\n");
    await expectSameJson(["diff", "HEAD"], dir);
  });
});
