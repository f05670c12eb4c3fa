import path from "node:path";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { wrapLines } from "../src/render/wrap-lines.js";
import { runInTerminal } from "./helpers/pseudo-terminal.js";
import { CLI, REPO_ROOT, runCli } from "./helpers/run-cli.js";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "lint-os-reserved-port", "ports.yaml");
// list reads the registry and probes nothing: the repository's own ports.yaml is safe here.
const REGISTRY = path.join(REPO_ROOT, "ports.yaml");
const screenLines = (screen: string): string[] => screen.replaceAll("\r", "").split("\n");
const ENV = { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, SPARKPORT_REGISTRY: undefined };
/** The built CLI on a terminal `columns` wide. */
const onTerminal = async (args: readonly string[], columns: number) => {
  const run = await runInTerminal([process.execPath, CLI, ...args], ENV, columns);
  return { status: run.status, screen: run.output };
};
const words = (text: string): string => text.replace(/\s+/g, " ").trim();

describe("text fits the terminal's width, and stays whole on a pipe (issue 17 item 14)", () => {
  it("lint and check on a 60-column terminal: no line wider than 60, the same words as on a pipe", async () => {
    for (const args of [["lint", "-r", FIXTURE], ["check", "5000", "-r", FIXTURE]]) {
      const [tty, pipe] = await Promise.all([onTerminal(args, 60), runCli(args)]);
      expect(tty.status, tty.screen).toBe(pipe.status);
      const piped = `${pipe.stderr}${pipe.stdout}`;
      expect(Math.max(...piped.split("\n").map((line) => stringWidth(line))), "the pipe keeps long lines whole").toBeGreaterThan(60);
      const lines = screenLines(tty.screen);
      for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(60);
      expect(words(lines.join("\n"))).toBe(words(piped));
    }
  });

  it("a table's rows are left whole: broken, its columns would no longer line up", async () => {
    const args = ["list", "-r", REGISTRY];
    const [tty, pipe] = await Promise.all([onTerminal(args, 40), runCli(args)]);
    expect(pipe.status).toBe(0);
    expect(screenLines(tty.screen).join("\n").trimEnd()).toBe(pipe.stdout.trimEnd());
  });
});

describe("wrapLines", () => {
  it("hangs a continuation under the text after the last two spaces, and counts wide characters as two columns", () => {
    const text = "  registry  포트 8000은 팀 B의 백엔드 범위 안에 있고 FastAPI 개발 서버가 씁니다";
    const wrapped = wrapLines(text, 40, stringWidth).split("\n");
    expect(wrapped.length).toBeGreaterThan(1);
    for (const line of wrapped) expect(stringWidth(line)).toBeLessThanOrEqual(40);
    for (const line of wrapped.slice(1)) expect(line).toMatch(/^ {12}\S/);
    expect(words(wrapped.join(" "))).toBe(words(text));
  });

  it("never breaks a command to copy or a `code span`", () => {
    const command = "    $ sparkport allocate celery-worker --team A --node desktop --port 11500 --note 'queue'";
    expect(wrapLines(command, 40, stringWidth)).toBe(command);
    const span = "fix: run `sparkport next --team TEAM --node mac` and take the port it gives";
    const wrapped = wrapLines(span, 30, stringWidth);
    expect(wrapped).toContain("`sparkport next --team TEAM --node mac`");
    expect(wrapped.split("\n").length).toBeGreaterThan(2);
  });
});
