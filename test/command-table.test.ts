import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { CommandDeps } from "../src/commands/command-deps.js";
import { defineCommand, flag, optional, unlessNo, variadic, withDefault } from "../src/commands/define-command.js";
import { commands } from "../src/commands/index.js";
import { noPaint } from "../src/render/paint.js";
import { REPO_ROOT } from "./helpers/run-cli.js";

const SRC = path.join(REPO_ROOT, "src");

/** The modules `module` imports at load time: value imports only, not `import type` nor `import()`. */
function loadedBy(module: string): string[] {
  const text = readFileSync(path.join(SRC, module), "utf8");
  const specifiers = [...text.matchAll(/^import (?!type )[^;]*? from "(\.{1,2}\/[^"]+)";$/gm)].map((m) => m[1] ?? "");
  return specifiers.map((s) => path.relative(SRC, path.resolve(SRC, path.dirname(module), s)).replace(/\.js$/, ".ts"));
}

const noDeps: CommandDeps = {
  files: () => Promise.reject(new Error("unused")),
  registry: () => Promise.reject(new Error("unused")),
  occupancy: () => Promise.reject(new Error("unused")),
  doctor: () => Promise.reject(new Error("unused")),
  runner: () => Promise.reject(new Error("unused")),
  machine: () => ({ hostname: "unused", os: "linux" }),
  foreground: () => Promise.reject(new Error("unused")),
  environment: () => ({}),
  tell: () => undefined,
  stopped: () => Promise.reject(new Error("unused")),
};

describe("the table of commands", () => {
  it("names each command once, with one or two examples of it", () => {
    const names = commands.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const command of commands) {
      expect(command.examples.length, command.name).toBeGreaterThanOrEqual(1);
      expect(command.examples.length, command.name).toBeLessThanOrEqual(2);
      for (const example of command.examples) expect(example.startsWith(`sparkport ${command.name}`), example).toBe(true);
    }
  });

  it("offers github output to the commands whose results carry findings", () => {
    const github = commands.filter((c) => c.formats.includes("github")).map((c) => c.name);
    expect(github.sort()).toEqual(["allocate", "check", "doctor", "lint", "move", "next", "release", "request", "run", "set-status", "status"]);
    for (const command of commands) expect(command.formats.slice(0, 2), command.name).toEqual(["text", "json"]);
  });

  it("loads no command's run or text at start-up: only definitions, their help, errors and the version", () => {
    const seen = new Set<string>();
    const visit = (module: string): void => {
      if (seen.has(module)) return;
      seen.add(module);
      for (const next of loadedBy(module)) visit(next);
    };
    visit(path.join("commands", "index.ts"));
    // Words are small tables: the program is built from their help at every start, and a run's bad input is said with them.
    const allowed =
      /^(commands\/[a-z-]+\/command\.ts|commands\/(index|define-command)\.ts|commands\/allocate\/allocation-options\.ts|findings\/(errors|language|josa)\.ts|io\/package-root\.ts|words\/(help\/)?[a-z-]+\.ts)$/;
    expect([...seen].map((m) => m.split(path.sep).join("/")).filter((m) => !allowed.test(m))).toEqual([]);
  });
});

describe("defineCommand", () => {
  const echo = defineCommand({
    name: "echo",
    help: () => ({ description: "echo its input", arguments: { words: "words", last: "unused" }, options: { loud: "upper case", scan: "no scan", tag: "a tag" } }),
    arguments: { words: variadic("<word...>"), last: withDefault("[last]", "end") },
    options: { loud: flag("--loud"), scan: unlessNo("--no-scan"), tag: optional("--tag <t>") },
    examples: ["sparkport echo a b"],
    run: ({ args, options }) => Promise.resolve({ ...args, ...options, exitCode: options.loud ? 1 : 0 }),
    text: (result, { input }) => ({ out: `${result.words.join(" ")}\n`, err: input.options.tag ?? "" }),
  });

  it("hands the command typed values read by its own keys, and binds the result to its renderings", async () => {
    const answer = await echo.answer({ args: [["a", "b"]], options: { loud: true, scan: false } }, noDeps);
    expect(answer.exitCode).toBe(1);
    expect(await answer.json()).toEqual({ words: ["a", "b"], last: "end", loud: true, scan: false, tag: undefined, exitCode: 1 });
    expect(await answer.text({ paint: noPaint, argv: [] })).toEqual({ out: "a b\n", err: "" });
    expect(answer.findings()).toEqual([]);
    expect(echo.formats).toEqual(["text", "json"]);
  });

  it("defaults switches off, --no- switches on, and a result without an exit code to 0", async () => {
    const quiet = await echo.answer({ args: [[]], options: {} }, noDeps);
    expect(await quiet.json()).toMatchObject({ loud: false, scan: true, last: "end" });
    expect(quiet.exitCode).toBe(0);
  });
});
