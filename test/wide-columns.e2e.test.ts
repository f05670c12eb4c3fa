import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import stringWidth from "string-width";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textTable } from "../src/render/text-table.js";
import { close, freeStablePort, listen } from "./helpers/listeners.js";
import { runCli } from "./helpers/run-cli.js";

// Issue 18 item 4: a Korean syllable takes two columns on a terminal, so tables line up by display width, not by
// string length. Checked the way a reader sees it: where each cell starts, in columns.

/** The display column each cell starts at, the cells found in order along the line. */
function cellColumns(line: string, cells: readonly string[]): number[] {
  let from = 0;
  return cells.map((cell) => {
    const at = line.indexOf(cell, from);
    if (at < 0) throw new Error(`"${cell}" not in "${line}"`);
    from = at + cell.length;
    return stringWidth(line.slice(0, at));
  });
}

/** Every row's cells start where the header's do. */
function expectAligned(lines: readonly string[], header: readonly string[], rows: readonly (readonly string[])[]): void {
  const columns = cellColumns(lines[0] ?? "", header);
  rows.forEach((row, i) => expect(cellColumns(lines[i + 1] ?? "", row), lines[i + 1]).toEqual(columns));
}

describe("textTable", () => {
  it("pads by display width: wide characters take two columns", async () => {
    const header = ["SERVICE", "PORT", "NOTE"];
    const rows = [
      ["결제 API", "8000", "메인 개발 서버"],
      ["관리자 화면 (미리보기)", "3001", "프로덕션 빌드 테스트"],
      ["api", "8002", "ascii"],
    ];
    const lines = await textTable(header, rows);
    expectAligned(lines, header, rows);
    expect(lines[1]).toBe("결제 API                8000  메인 개발 서버");
  });

  it("keeps an ASCII table as it was", async () => {
    expect(await textTable(["NAME", "NOTE"], [["api", "one"], ["frontend", "two"]])).toEqual(["NAME      NOTE", "api       one", "frontend  two"]);
  });
});

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "sparkport-wide-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A loopback registry whose labels and notes are Korean; the node is this machine, so status probes loopback only. */
async function koreanRegistry(base: number): Promise<string> {
  const file = path.join(scratch, `ports-${base}.yaml`);
  await writeFile(
    file,
    [
      "version: 1",
      "nodes:",
      "  here: {label: 이 컴퓨터, address: 127.0.0.1, os: linux}",
      "teams:",
      `  B: {name: 백엔드, ranges: [{name: b, from: ${base}, to: ${base + 9}}]}`,
      "environments:",
      "  dev: {offset: 0}",
      "services:",
      `  - {name: payments, label: 결제 API, team: B, node: here, port: ${base}, protocol: http, access: all-nodes, status: running, note: 메인 개발 서버}`,
      `  - {name: admin, label: 관리자 화면 (미리보기), team: B, node: here, port: ${base + 1}, protocol: http, access: developers-browser, status: stopped, note: 프로덕션 빌드 테스트}`,
      `  - {name: api, label: api, team: B, node: here, port: ${base + 2}, protocol: tcp, access: backend-only, status: stopped, note: ascii}`,
      "",
    ].join("\n"),
  );
  return file;
}

/** The tables' own words in each language, and the cells the registry below gives them. */
const LANGUAGES = [
  {
    lang: "en",
    list: ["SERVICE", "PORT", "PROTO", "NODE", "ACCESS", "STATUS", "NOTE"],
    status: ["SERVICE", "PORT", "NODE", "DECLARED", "OBSERVED"],
    access: ["all nodes", "developers (browser)", "backend only"],
    declared: ["running", "stopped"],
    listening: "listening",
    notListening: "not-listening",
    thisMachine: "here (this machine)",
  },
  {
    lang: "ko",
    list: ["서비스", "포트", "프로토콜", "노드", "접근 범위", "상태", "비고"],
    status: ["서비스", "포트", "노드", "선언된 상태", "실제 상태"],
    access: ["모든 노드", "개발자 (브라우저)", "Backend 전용"],
    declared: ["✅ Running", "⏸️ Stopped"],
    listening: "리스닝 중",
    notListening: "리스닝 없음",
    thisMachine: "here (이 머신)",
  },
] as const;

describe("list and status with Korean labels", () => {
  for (const words of LANGUAGES) {
    it(`list lines its columns up by display width (--lang ${words.lang})`, async () => {
      const base = await freeStablePort(3);
      const run = await runCli(["list", "--registry", await koreanRegistry(base), "--lang", words.lang], { env: { LANG: "C.UTF-8" } });
      expect(run.status, run.stderr).toBe(0);
      const lines = run.stdout.split("\n").filter((l) => l.startsWith("  "));
      const [running, stopped] = words.declared;
      expectAligned(lines, words.list, [
        ["결제 API", String(base), "http", "here", words.access[0], running, "메인 개발 서버"],
        ["관리자 화면 (미리보기)", String(base + 1), "http", "here", words.access[1], stopped, "프로덕션 빌드 테스트"],
        ["api", String(base + 2), "tcp", "here", words.access[2], stopped, "ascii"],
      ]);
    });

    it(`status lines its columns up by display width (--lang ${words.lang})`, async () => {
      const base = await freeStablePort(3);
      const file = await koreanRegistry(base);
      const held = await listen("127.0.0.1", base);
      try {
        const run = await runCli(["status", "--registry", file, "--this-node", "here", "--no-remote", "--lang", words.lang], { env: { LANG: "C.UTF-8" } });
        const lines = run.stdout.split("\n");
        const table = lines.slice(lines.findIndex((l) => l.startsWith(words.status[0])));
        const node = words.thisMachine;
        const [running, stopped] = words.declared;
        expectAligned(table, words.status, [
          ["결제 API", String(base), node, running, words.listening],
          ["관리자 화면 (미리보기)", String(base + 1), node, stopped, words.notListening],
          ["api", String(base + 2), node, stopped, words.notListening],
        ]);
      } finally {
        await close(held);
      }
    });
  }
});
