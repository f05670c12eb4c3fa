import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, linkSync } from "node:fs";
import { noPaint, type Paint } from "../src/render/paint.js";
import { ownEscapes, terminalSafe } from "../src/render/terminal-safe.js";
import { canConnect, freePort } from "./helpers/listeners.js";
import { runCli } from "./helpers/run-cli.js";
import { skipping } from "./helpers/skip-reason.js";

describe("terminal-safe output", () => {
  it("keeps text, newlines and tabs; makes every other control character visible, colour codes and SGR 8 (conceal) included", () => {
    expect(terminalSafe("a\tb\nc \u001b[31mred\u001b[39m")).toBe("a\tb\nc \\u001b[31mred\\u001b[39m");
    expect(terminalSafe("PostgreSQL\u001b[8m hidden")).toBe("PostgreSQL\\u001b[8m hidden");
    expect(terminalSafe("x\u001b[2Jy")).toBe("x\\u001b[2Jy");
    expect(terminalSafe("\u001b]0;title\u0007")).toBe("\\u001b]0;title\\u0007");
    expect(terminalSafe("\r\u009b\u0000")).toBe("\\u000d\\u009b\\u0000");
    expect(terminalSafe("abc\u202edcba")).toBe("abc\\u202edcba");
    expect(terminalSafe("한국어 ✔ ports")).toBe("한국어 ✔ ports");
  });

  it("only the escapes of sparkport's own paint become real, nested or not; what the painted text held stays visible", () => {
    const sgr = (open: number, close: number) => Object.assign((t: string) => `\u001b[${open}m${t}\u001b[${close}m`, { bold: (t: string) => `\u001b[1m\u001b[${open}m${t}\u001b[${close}m\u001b[22m` });
    const fake: Paint = { ...noPaint, red: sgr(31, 39), bold: sgr(1, 22) };
    const paint = ownEscapes(fake);
    expect(terminalSafe(`${paint.red(`ok\u001b[8m ${paint.bold("x")}`)} \u001b[31m`)).toBe("\u001b[31mok\\u001b[8m \u001b[1mx\u001b[22m\u001b[39m \\u001b[31m");
    // A label that spells the mark's first character is just text.
    expect(terminalSafe(`\uE000\u001b[8m${paint.red("r")}`)).toBe("\uE000\\u001b[8m\u001b[31mr\u001b[39m");
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

  describe.skipIf(skipping(process.platform !== "linux", "the SGR-in-a-process-name tests", `they rename a process through /proc; this is ${process.platform}`))("SGR from a registry label or a process name (issue 16, item 20)", () => {
    const children: ChildProcess[] = [];
    afterAll(() => {
      for (const child of children) child.kill();
    });

    /**
     * A Node server whose executable is named `ok\e[8m` (a hard link, else a copy, of this Node), with that
     * name in its argv too: check names a holder by its executable, doctor quotes its command line.
     */
    async function heldByOddName(dir: string, port: number): Promise<ChildProcess> {
      const program = path.join(dir, "ok\u001b[8m");
      try {
        linkSync(process.execPath, program);
      } catch {
        copyFileSync(process.execPath, program);
      }
      const script = `require("node:net").createServer((s) => s.destroy()).listen(${port}, "127.0.0.1")`;
      const child = spawn(program, ["-e", script, "ok\u001b[8m"], { stdio: "ignore" });
      children.push(child);
      for (let i = 0; i < 100 && !(await canConnect("127.0.0.1", port)); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
      return child;
    }

    /** The real escapes in `text`: with colour, only sparkport's own; never SGR 8. */
    const escapes = (text: string) => [...text.matchAll(/\u001b\[[0-9;]*[A-Za-z]|\u001b[^[]/g)].map((m) => m[0]);
    const ownCodes = new Set(["\u001b[1m", "\u001b[2m", "\u001b[22m", "\u001b[31m", "\u001b[32m", "\u001b[33m", "\u001b[34m", "\u001b[39m"]);

    it("a label `PostgreSQL\\e[8m` and a holder named `ok\\e[8m` reach the terminal visible, in text and with FORCE_COLOR; a pipe gets no escape at all", async () => {
      const port = await freePort();
      const held = await freePort();
      const dir = await mkdtemp(path.join(tmpdir(), "sparkport-sgr-"));
      await heldByOddName(dir, held);
      const file = path.join(dir, "ports.yaml");
      await writeFile(
        file,
        [
          "version: 1",
          "nodes:",
          "  here: {address: 127.0.0.1, os: linux}",
          "teams:",
          "  B: {name: B, ranges: [{name: b, from: 1024, to: 65535}]}",
          "environments:",
          "  dev: {offset: 0}",
          "services:",
          `  - {name: db, label: "PostgreSQL\\e[8m", team: B, node: here, port: ${port}, protocol: tcp, access: all-nodes, status: running}`,
          `  - {name: api, label: "API\\e[8m", team: B, node: here, port: ${held}, protocol: http, access: all-nodes, status: running}`,
          "",
        ].join("\n"),
      );
      for (const colour of [{}, { NO_COLOR: "", FORCE_COLOR: "1" }] as Record<string, string>[]) {
        for (const args of [["list"], ["check", String(port)], ["check", String(held)], ["status"], ["doctor", String(held)]]) {
          const run = await runCli(["--registry", file, "--no-remote", ...args], { cwd: dir, env: { SPARKPORT_NODE: "here", SPARKPORT_NO_CACHE: "1", ...colour } });
          const what = `${args.join(" ")} ${JSON.stringify(colour)}`;
          const printed = run.stdout + run.stderr;
          expect(printed, what).not.toContain("\u001b[8m");
          if (args[0] === "list" || args[1] === String(port)) expect(printed, what).toContain("PostgreSQL\\u001b[8m");
          if (args[0] === "check" && args[1] === String(held)) expect(printed, what).toMatch(/held by ok\\u001b\[8m \(PID \d+/);
          if (args[0] === "doctor") expect(printed, what).toContain("ok\\u001b[8m");
          if ("FORCE_COLOR" in colour) {
            expect(escapes(printed).length, what).toBeGreaterThan(0);
            expect(escapes(printed).filter((e) => !ownCodes.has(e)), what).toEqual([]);
          } else expect(escapes(printed), what).toEqual([]);
        }
      }
    });
  });
});
