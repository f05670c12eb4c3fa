import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { JsonReport } from "../src/reporters/json.js";
import type { ListResult } from "../src/commands/list/list.js";
import { REPO_ROOT, runCli } from "./helpers/run-cli.js";

// Issue 18 items 5 and 6: `docs --write` fills only the blocks between sparkport's markers in the team's own
// Korean guide, and `lint --docs` compares only them. docs and lint --docs never probe, so the repo's ports.yaml
// (real addresses) is safe here; a copy is used so a port can move.

const GUIDE = path.join(REPO_ROOT, "test", "fixtures", "guide-ko");
const BEGIN = /^<!-- sparkport:begin[^\n]*-->$/;
const END = /^<!-- sparkport:end[^\n]*-->$/;

/** The file with what stands between each begin and end marker line left out: the bytes docs --write must keep. */
function outside(text: string): string {
  let inside = false;
  return text
    .split(/(?<=\n)/)
    .filter((line) => {
      const bare = line.replace(/^\uFEFF/, "").replace(/\r?\n$/, "");
      if (BEGIN.test(bare)) inside = true;
      else if (END.test(bare)) inside = false;
      else return !inside;
      return true;
    })
    .join("");
}

/** What stands between the markers, all blocks together. */
function inside(text: string): string {
  let within = false;
  return text
    .split(/(?<=\n)/)
    .filter((line) => {
      const bare = line.replace(/\r?\n$/, "");
      if (BEGIN.test(bare)) within = true;
      else if (END.test(bare)) within = false;
      else return within;
      return false;
    })
    .join("");
}

let scratch: string;
let registry: string;
beforeEach(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "sparkport-guide-"));
  registry = path.join(scratch, "ports.yaml");
  await copyFile(path.join(REPO_ROOT, "ports.yaml"), registry);
});
afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const sparkport = (args: readonly string[], env: Record<string, string> = {}) => runCli(["--registry", registry, ...args], { cwd: scratch, env: { LANG: "C.UTF-8", ...env } });

async function guideCopy(name: string): Promise<string> {
  const file = path.join(scratch, "PORT_ALLOCATION.md");
  await copyFile(path.join(GUIDE, name), file);
  return file;
}

/** Every port the registry allocates or reserves, environments' derived ports included, as `list --json` gives them. */
async function registryPorts(): Promise<number[]> {
  const listed = JSON.parse((await sparkport(["list", "--json"])).stdout) as ListResult;
  return [...listed.sections.flatMap((s) => s.rows.map((r) => r.port)), ...listed.reservations.map((r) => r.port)];
}

describe("the guide fixture", () => {
  it("is the seed's guide, and its marked copies are that guide with marker lines added and nothing else", async () => {
    const original = await readFile(path.join(GUIDE, "PORT_ALLOCATION.md"), "utf8");
    expect(original.split("\n")).toHaveLength(692);
    for (const name of ["PORT_ALLOCATION.sections.md", "PORT_ALLOCATION.tables.md"]) {
      const marked = await readFile(path.join(GUIDE, name), "utf8");
      expect(marked.replace(/<!-- sparkport:begin [^>]*-->\n\n/g, "").replace(/\n\n<!-- sparkport:end -->/g, ""), name).toBe(original);
    }
  });
});

describe("docs --lang ko --write into the team's guide", () => {
  for (const [name, blocks] of [
    ["PORT_ALLOCATION.sections.md", ["section:shared-infrastructure", "section:ai-workers", "section:backend", "section:frontend", "reservations"]],
    ["PORT_ALLOCATION.tables.md", ["tables"]],
  ] as const) {
    it(`${name}: every byte outside the blocks kept, every port inside them, and lint --docs passes`, async () => {
      const file = await guideCopy(name);
      const before = await readFile(file);
      const written = await sparkport(["--lang", "ko", "docs", "--write", file]);
      expect(written.status, written.stderr).toBe(0);
      expect(written.stderr).toBe(`${file} 파일을 새로 썼습니다: ${blocks.join(", ")}\n`);
      const after = await readFile(file, "utf8");
      expect(after).not.toBe(before.toString("utf8"));
      expect(outside(after)).toBe(outside(before.toString("utf8")));
      const tables = inside(after);
      for (const port of await registryPorts()) expect(tables, `port ${port}`).toContain(`| ${port} |`);
      // The guide's own words and marks, and the registry's notes as written.
      expect(tables).toContain("| **PostgreSQL** | 5432 | TCP | Mac mini (100.123.51.5) | 모든 노드 | ✅ Running | database |");
      expect(tables).toContain("| **FastAPI (test)** | 8001 | HTTP | Mac mini (100.123.51.5) | 테스트 전용 | 📝 예약됨 | optional integration tests |");
      expect(tables).toContain("| **Celery Flower** | 5555 | async task monitoring | Medium |");
      expect(await sparkport(["--lang", "ko", "lint", "--no-scan", "--docs", file])).toMatchObject({ status: 0 });
      // A second write finds nothing to do and leaves the file alone.
      const again = await sparkport(["--lang", "ko", "docs", "--write", file]);
      expect(again.stderr).toBe(`${file} 파일이 이미 레지스트리와 일치합니다 (${blocks.join(", ")}). 아무것도 쓰지 않았습니다\n`);
      expect(await readFile(file, "utf8")).toBe(after);
    });
  }

  it("the per-table blocks keep the access examples between the tables; the tables block replaces them, headings numbered under 2.", async () => {
    const sections = await guideCopy("PORT_ALLOCATION.sections.md");
    await sparkport(["--lang", "ko", "docs", "--write", sections]);
    const kept = await readFile(sections, "utf8");
    expect(kept.match(/\*\*접근 예시\*\*/g)).toHaveLength(4);
    expect(kept).toContain("### 2.1 공통 인프라 (A팀 관리)\n\n<!-- sparkport:begin section:shared-infrastructure -->\n\n| 서비스 | 포트 | 프로토콜 | 노드 | 접근 범위 | 상태 | 비고 |\n|--------|------|----------|------|-----------|------|------|\n");
    const tables = await guideCopy("PORT_ALLOCATION.tables.md");
    await sparkport(["--lang", "ko", "docs", "--write", tables]);
    const replaced = inside(await readFile(tables, "utf8"));
    expect(replaced).not.toContain("접근 예시");
    expect(replaced.match(/^### .*$/gm)).toEqual([
      "### 2.1 Shared infrastructure (team A)",
      "### 2.2 AI workers (team A)",
      "### 2.3 Backend (team B)",
      "### 2.4 Frontend (team C)",
      "### 2.5 예약된 포트 (향후 사용)",
    ]);
  });

  it("lint --docs fails with a diff of the block, at the block's line, after a port moves in ports.yaml", async () => {
    const file = await guideCopy("PORT_ALLOCATION.sections.md");
    await sparkport(["--lang", "ko", "docs", "--write", file]);
    const yaml = await readFile(registry, "utf8");
    expect(yaml).toContain("port: 6379");
    await writeFile(registry, yaml.replace("port: 6379", "port: 6380"));
    const stale = await sparkport(["--lang", "ko", "lint", "--no-scan", "--docs", file]);
    expect(stale.status).toBe(1);
    const text = await readFile(file, "utf8");
    const line = text.split("\n").findIndex((l) => l.startsWith("| **Redis** | 6379 |")) + 1;
    expect(stale.stdout).toContain(`--- ${file}\n+++ ${file}\n@@ -${line - 3},7 +${line - 3},7 @@\n`);
    expect(stale.stdout).toContain("\n-| **Redis** | 6379 | TCP | Mac mini (100.123.51.5) | 모든 노드 | ✅ Running | cache / sessions |\n+| **Redis** | 6380 | TCP");
    expect(stale.stdout).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:${line}:1 +docs-out-of-date`));
    const json = JSON.parse((await sparkport(["--lang", "ko", "lint", "--no-scan", "--docs", file, "--format", "json"])).stdout) as JsonReport;
    expect(json.findings.map((f) => [f.code, f.location.line])).toEqual([["docs-out-of-date", line]]);
    // Writing again brings the block up to date, and nothing else changes.
    await sparkport(["--lang", "ko", "docs", "--write", file]);
    expect(outside(await readFile(file, "utf8"))).toBe(outside(text));
    expect(await sparkport(["--lang", "ko", "lint", "--no-scan", "--docs", file])).toMatchObject({ status: 0 });
  });

  it("a CRLF file with a byte order mark stays CRLF, with its mark", async () => {
    const file = await guideCopy("PORT_ALLOCATION.sections.md");
    const crlf = `\uFEFF${(await readFile(file, "utf8")).replace(/\n/g, "\r\n")}`;
    await writeFile(file, crlf);
    expect((await sparkport(["--lang", "ko", "docs", "--write", file])).status).toBe(0);
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const after = bytes.toString("utf8");
    expect(after.replace(/\r\n/g, "")).not.toContain("\n");
    expect(outside(after)).toBe(outside(crlf));
    expect(await sparkport(["--lang", "ko", "lint", "--no-scan", "--docs", file])).toMatchObject({ status: 0 });
  });

  it("a registry written in Korean gives back the guide's own tables (but one hand-drawn rule line)", async () => {
    registry = path.join(GUIDE, "ports.yaml");
    const file = await guideCopy("PORT_ALLOCATION.sections.md");
    const guide = await readFile(file, "utf8");
    expect((await sparkport(["--lang", "ko", "docs", "--write", file])).status).toBe(0);
    // The guide's reservations table draws 10 dashes under "예상 용도", 11 columns wide; sparkport draws 11, as under 접근 범위.
    expect(await readFile(file, "utf8")).toBe(guide.replace("|--------|------|----------|----------|", "|--------|------|-----------|----------|"));
    // Linted in English, the Korean blocks differ everywhere: lint says in which language they match.
    const english = await sparkport(["--lang", "en", "lint", "--no-scan", "--docs", file]);
    expect(english.status).toBe(1);
    expect(english.stdout).toContain("fix: its blocks are the registry in another language: lint with `--lang ko`");
  });
});

describe("docs and docs --write without markers", () => {
  it("docs prints the whole document between markers, and --write to a missing file creates exactly that", async () => {
    const printed = await sparkport(["docs"]);
    expect(printed.status).toBe(0);
    expect(printed.stdout.startsWith("<!-- sparkport:begin -->\n\n<!-- Generated by sparkport from ports.yaml;")).toBe(true);
    expect(printed.stdout.endsWith("\n\n<!-- sparkport:end -->\n")).toBe(true);
    const file = path.join(scratch, "new.md");
    const created = await sparkport(["docs", "--write", file]);
    expect([created.status, created.stderr]).toEqual([0, `created ${file} (the whole document, between sparkport markers)\n`]);
    expect(await readFile(file, "utf8")).toBe(printed.stdout);
    expect((await sparkport(["lint", "--no-scan", "--docs", file])).status).toBe(0);
  });

  it("a file without markers is refused, with the markers to write, and left as it was", async () => {
    const file = await guideCopy("PORT_ALLOCATION.md");
    const before = await readFile(file, "utf8");
    for (const args of [
      ["docs", "--write", file],
      ["lint", "--no-scan", "--docs", file],
    ]) {
      const run = await sparkport(args);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain(`${file}  docs-no-markers  ${file} has no sparkport markers; nothing in it was written or compared`);
      expect(run.stderr).toContain("fix: put `<!-- sparkport:begin tables -->` and `<!-- sparkport:end -->` on lines of their own where the tables belong");
      expect(run.stderr).toContain("section:shared-infrastructure, section:ai-workers, section:backend, section:frontend, reservations, ranges, environments, nodes");
      expect(run.stderr).toContain(`${args[0]}: stopped at ${file}; nothing was written (1 problem)`);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(await readFile(file, "utf8")).toBe(before);
  });

  it("markers inside a fenced code block are examples, not markers", async () => {
    const file = path.join(scratch, "fenced.md");
    await writeFile(file, "# Guide\n\n```markdown\n<!-- sparkport:begin tables -->\n```\n\n<!-- sparkport:begin nodes -->\n<!-- sparkport:end -->\n");
    expect((await sparkport(["docs", "--write", file])).stderr).toBe(`wrote ${file}: nodes\n`);
    expect(await readFile(file, "utf8")).toMatch(/^# Guide\n\n```markdown\n<!-- sparkport:begin tables -->\n```\n\n<!-- sparkport:begin nodes -->\n\n\| Node \| Address \| OS \| Role \|\n/);
  });
});

describe("bad markers: exit 2, file:line, nothing written", () => {
  const cases: readonly (readonly [string, string, number, string])[] = [
    ["unknown name", "<!-- sparkport:begin section:backnd -->\n<!-- sparkport:end -->\n", 3, 'unknown block "section:backnd"; did you mean "section:backend"?'],
    ["nested", "<!-- sparkport:begin tables -->\n<!-- sparkport:begin nodes -->\n<!-- sparkport:end -->\n", 4, 'a block begins inside block "tables" (begun at line 3); blocks do not nest'],
    ["an end without a begin", "<!-- sparkport:end -->\n", 3, "`sparkport:end` without a `sparkport:begin` before it"],
    ["a begin without an end", "<!-- sparkport:begin nodes -->\n| old |\n", 3, 'block "nodes" has no `<!-- sparkport:end -->` after it'],
    ["an end naming another block", "<!-- sparkport:begin nodes -->\n<!-- sparkport:end ranges -->\n", 4, '`sparkport:end ranges` ends block "nodes" (begun at line 3)'],
    ["text beside a marker", "<!-- sparkport:begin nodes --> the nodes\n<!-- sparkport:end -->\n", 3, "this sparkport marker cannot be read"],
  ];
  for (const [what, markers, line, message] of cases) {
    it(what, async () => {
      const file = path.join(scratch, "guide.md");
      const text = `# Guide\n\n${markers}\nThe end.\n`;
      await writeFile(file, text);
      for (const args of [
        ["docs", "--write", file],
        ["lint", "--no-scan", "--docs", file],
      ]) {
        const run = await sparkport(args);
        expect([run.status, run.stdout], args.join(" ")).toEqual([2, ""]);
        expect(run.stderr).toContain(`${file}:${line}:1  docs-bad-marker  ${message}`);
      }
      expect(await readFile(file, "utf8")).toBe(text);
    });
  }

  it("a file that is not UTF-8", async () => {
    const file = path.join(scratch, "latin1.md");
    await writeFile(file, Buffer.from("# Caf\xe9\n<!-- sparkport:begin nodes -->\n<!-- sparkport:end -->\n", "latin1"));
    const run = await sparkport(["docs", "--write", file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${file}:1:6  docs-not-utf8  invalid UTF-8 (byte 0xe9); expected UTF-8 text`);
  });
});
