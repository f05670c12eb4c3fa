import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { terminalSafe } from "../src/render/terminal-safe.js";
import { runCli } from "./helpers/run-cli.js";

describe("terminal-safe output", () => {
  it("keeps text, newlines, tabs and colour codes; makes every other control character visible", () => {
    expect(terminalSafe("a\tb\nc \u001b[31mred\u001b[39m")).toBe("a\tb\nc \u001b[31mred\u001b[39m");
    expect(terminalSafe("x\u001b[2Jy")).toBe("x\\u001b[2Jy");
    expect(terminalSafe("\u001b]0;title\u0007")).toBe("\\u001b]0;title\\u0007");
    expect(terminalSafe("\r\u009b\u0000")).toBe("\\u000d\\u009b\\u0000");
    expect(terminalSafe("abc\u202edcba")).toBe("abc\\u202edcba");
    expect(terminalSafe("한국어 ✔ ports")).toBe("한국어 ✔ ports");
  });

  it("a label holding escape sequences reaches the terminal as visible text, from list, lint and docs alike", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "sparkport-escape-"));
    const file = path.join(dir, "ports.yaml");
    await writeFile(
      file,
      [
        "version: 1",
        "nodes:",
        "  here: {address: 127.0.0.1, os: linux}",
        "teams:",
        "  B: {name: B, ranges: [{name: b, from: 28000, to: 28999}]}",
        "environments:",
        "  dev: {offset: 0}",
        "services:",
        '  - {name: api, label: "API\\e[2J\\e]0;pwned\\a\\u202e", team: B, node: here, port: 28000, protocol: http, access: all-nodes, status: running, note: "ok\\rhidden"}',
        "",
      ].join("\n"),
    );
    for (const args of [["list"], ["docs"], ["lint", "--no-scan"]]) {
      const run = await runCli(["--registry", file, ...args], { cwd: dir });
      expect(run.status, run.stderr).toBe(0);
      const printed = run.stdout + run.stderr;
      expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
      if (args[0] !== "lint") expect(printed).toContain("API\\u001b[2J\\u001b]0;pwned\\u0007\\u202e");
    }
  });
});
