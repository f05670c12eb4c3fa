import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import stringWidth from "string-width";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseLanguage } from "../src/cli/choose-language.js";
import { commands } from "../src/commands/index.js";
import type { CommandHelp } from "../src/commands/define-command.js";
import { setLanguage, type Language } from "../src/findings/language.js";
import { commanderWords } from "../src/words/commander-words.js";
import { programHelp } from "../src/words/help/program-help.js";
import { REPO_ROOT, runCli, type CliRun } from "./helpers/run-cli.js";
import { ENGLISH, HANGUL, KOREAN, NO_LOCALE, type Way } from "./helpers/language-ways.js";

// Issue 18 item 2, through the built CLI: --help of the program and of its commands, and errors of bad input, in
// Korean (--lang ko, LANG=ko_KR.UTF-8) and in today's English (--lang en, LANG=C). Network safety: every node is
// on loopback (127.0.0.1, 127.0.0.2).


let scratch = "";

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "sparkport-ko-help-"));
  // Team B only; api and worker on box (127.0.0.1); far (127.0.0.2) is another node, for a probe.
  await copyFile(path.join(REPO_ROOT, "test", "fixtures", "cli-conflict", "ports.yaml"), path.join(scratch, "ports.yaml"));
  await writeFile(
    path.join(scratch, "two-nodes.yaml"),
    [
      "version: 1",
      "nodes:",
      "  box: {address: 127.0.0.1, os: linux}",
      "  far: {address: 127.0.0.2, os: linux}",
      "teams:",
      "  B: {name: Backend, ranges: [{name: backend, from: 8000, to: 8099}]}",
      "environments:",
      "  dev: {offset: 0}",
      "services: []",
      "",
    ].join("\n"),
  );
});

afterAll(async () => {
  if (scratch !== "") await rm(scratch, { recursive: true, force: true });
});

const run = (way: Way, args: readonly string[]): Promise<CliRun> =>
  runCli([...way.args, ...args], { cwd: scratch, env: { ...way.env, SPARKPORT_NODE: "box" } });

/** Text as one line: a description wrapped by the help is found whole. */
const flat = (text: string): string => text.replace(/\s+/g, " ");

function helpIn<T>(language: Language, read: () => T): T {
  setLanguage(language);
  try {
    return read();
  } finally {
    setLanguage("en");
  }
}

/** Every description --help shows for the command, in `language`: its own, its arguments' and options', the globals'. */
function descriptions(name: string | undefined, language: Language): string[] {
  return helpIn(language, () => {
    const program = programHelp();
    const said = commanderWords();
    // --format and --json are each command's own.
    const { format, json, ...global } = program.options;
    const globals = [...Object.values(global), said.help, said.version];
    if (name === undefined) return [program.description, ...globals, ...commands.map((c) => c.help().description)];
    const help: CommandHelp | undefined = commands.find((c) => c.name === name)?.help();
    return [...globals, format, json, help?.description ?? "", ...Object.values(help?.arguments ?? {}), ...Object.values(help?.options ?? {})];
  });
}

const ENGLISH_FRAME = ["Usage:", "Options:", "Arguments:", "Global Options:", "Commands:", "Examples:", "(default:", "choices:"];

describe("--help in the chosen language", () => {
  for (const name of [undefined, "check", "lint", "doctor", "status", "list", "explain"]) {
    const args = name === undefined ? ["--help"] : [name, "--help"];
    const label = name ?? "the program";

    for (const way of KOREAN) {
      it(`${label}, ${way.name}: every description in Korean, commands and option names as they are`, async () => {
        const result = await run(way, args);
        expect([result.status, result.stderr]).toEqual([0, ""]);
        const shown = flat(result.stdout);
        expect(result.stdout).toMatch(/^사용법: sparkport /);
        // commander's placeholder too: `사용법: sparkport run [옵션] <service>`.
        expect(result.stdout.split("\n")[0]).toContain("[옵션]");
        expect(result.stdout.split("\n")[0]).not.toContain("[options]");
        expect(result.stdout).toContain("\n옵션:\n");
        for (const text of descriptions(name, "ko")) expect(shown, text).toContain(flat(text));
        for (const text of descriptions(name, "en")) expect(shown, text).not.toContain(flat(text));
        for (const word of ENGLISH_FRAME) expect(result.stdout).not.toContain(word);
        if (name !== undefined) {
          expect(result.stdout).toContain("\n전역 옵션:\n");
          expect(result.stdout).toMatch(/\n예시:\n {2}\$ sparkport /);
          expect(shown).toContain('(선택: "text", "json"');
          // Wrapped by display width: a Korean syllable takes two of the 80 columns.
          for (const line of result.stdout.split("\n")) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
        }
      });
    }

    for (const way of ENGLISH) {
      it(`${label}, ${way.name}: today's English`, async () => {
        const result = await run(way, args);
        expect([result.status, result.stderr]).toEqual([0, ""]);
        const shown = flat(result.stdout);
        expect(result.stdout).toMatch(/^Usage: sparkport /);
        for (const text of descriptions(name, "en")) expect(shown, text).toContain(flat(text));
        expect(result.stdout).not.toMatch(HANGUL);
        if (name !== undefined) expect(result.stdout).toContain("\nGlobal Options:\n");
      });
    }
  }

  it("the check command's help, line by line in English as before", async () => {
    const result = await run(ENGLISH[1] as Way, ["check", "--help"]);
    expect(result.stdout).toContain(
      [
        "Usage: sparkport check [options] [port...]",
        "",
        "is this port allocated, in my team's range, free here and free on its node?",
        "",
        "Arguments:",
        "  port                   8002, :8002, host:8002, node:8002, a range 8000-8005 or",
        "                         a list 8002,8003 (default: --service's port)",
      ].join("\n"),
    );
    expect(result.stdout).toContain('  -f, --format <format>  output format (choices: "text", "json", "github",\n                         default: "text")\n');
    expect(result.stdout).toContain("Examples:\n  $ sparkport check 8002 8010-8012\n  $ sparkport check --service fastapi.test\n");
  });
});

interface BadInput {
  name: string;
  args: string[];
  ko: string;
  en: string;
}

// The text after "sparkport: " or commander's own, to stderr, exit 2; names, values and flags as typed.
const BAD_INPUTS: readonly BadInput[] = [
  {
    name: "an unknown team with a close name",
    args: ["list", "--team", "b"],
    ko: 'sparkport: 알 수 없는 팀 "b"입니다. 혹시 "B"인가요? 선언된 팀: B.\n',
    en: 'sparkport: unknown team "b"; did you mean "B"? Known: B.\n',
  },
  {
    name: "a bad duration",
    args: ["--timeout", "2x", "check", "8002"],
    ko: 'sparkport: --timeout에는 500ms, 2s, 1.5s, 1m, 750(밀리초)처럼 0보다 긴 시간을 주세요. 받은 값: "2x"\n',
    en: 'sparkport: --timeout must be a positive duration such as 500ms, 2s, 1.5s, 1m or 750 (milliseconds); got "2x"\n',
  },
  {
    name: "a bad port",
    args: ["check", "70000"],
    ko: 'sparkport: "70000"은 포트가 아닙니다. 1-65535 사이의 포트를 8002, :8002, host:8002, node:8002 형식으로 쓰세요\n',
    en: 'sparkport: "70000" is not a port; expected a port 1-65535, written 8002, :8002, host:8002 or node:8002\n',
  },
  {
    name: "a range backwards",
    args: ["check", "8005-8001"],
    ko: 'sparkport: "8005-8001"은 올바른 범위가 아닙니다: 끝(8001)이 시작(8005)보다 작습니다.\n',
    en: 'sparkport: "8005-8001" is not a range: 8001 comes before 8005.\n',
  },
  {
    name: "an unknown service with a close name",
    args: ["doctor", "ap"],
    ko: 'sparkport: "ap"에 해당하는 서비스, 포트, host:port, URL이 없습니다. 혹시 "api"인가요? 서비스: api, worker.\n',
    en: 'sparkport: no service, port, host:port or URL "ap"; did you mean "api"? Services: api, worker.\n',
  },
  {
    name: "an unknown option",
    args: ["check", "--bogus"],
    ko: "오류: 알 수 없는 옵션 '--bogus'\n(사용법은 --help로 확인하세요)\n",
    en: "error: unknown option '--bogus'\n(run with --help for usage)\n",
  },
  {
    name: "an option mistyped",
    args: ["check", "--tem", "B", "8002"],
    ko: "오류: 알 수 없는 옵션 '--tem'\n(혹시 --team인가요?)\n(사용법은 --help로 확인하세요)\n",
    en: "error: unknown option '--tem'\n(Did you mean --team?)\n(run with --help for usage)\n",
  },
  {
    name: "a missing argument",
    args: ["diff"],
    ko: "오류: 필수 인자 'ref'가 없습니다\n(사용법은 --help로 확인하세요)\n",
    en: "error: missing required argument 'ref'\n(run with --help for usage)\n",
  },
  {
    name: "too many arguments",
    args: ["explain", "a", "b"],
    ko: "오류: 'explain' 명령에 인자가 너무 많습니다. 인자는 1개까지인데 2개를 받았습니다: a, b.\n(사용법은 --help로 확인하세요)\n",
    en: "error: too many arguments for 'explain'. Expected 1 argument but got 2: a, b.\n(run with --help for usage)\n",
  },
  {
    name: "-v alone",
    args: ["-v"],
    ko: "sparkport: -v는 --verbose의 줄임말로, 명령과 함께 씁니다 (sparkport status -v). 버전은 sparkport --version으로 확인하세요\n",
    en: "sparkport: -v is short for --verbose, which goes with a command (sparkport status -v); the version is sparkport --version\n",
  },
  {
    name: "--quiet with --json",
    args: ["list", "--quiet", "--json"],
    ko: "sparkport: --quiet와 --json이 서로 맞지 않습니다. 하나만 주세요\n",
    en: "sparkport: --quiet and --json disagree; give one of them\n",
  },
];

describe("errors of bad input in the chosen language, exit 2", () => {
  for (const bad of BAD_INPUTS) {
    for (const way of KOREAN) {
      it(`${bad.name}, ${way.name}`, async () => {
        const result = await run(way, bad.args);
        expect([result.status, result.stdout, result.stderr]).toEqual([2, "", bad.ko]);
      });
    }
    for (const way of ENGLISH) {
      it(`${bad.name}, ${way.name}`, async () => {
        const result = await run(way, bad.args);
        expect([result.status, result.stdout, result.stderr]).toEqual([2, "", bad.en]);
      });
    }
  }

  it("a missing registry named by --registry: the file and why, in each language", async () => {
    for (const way of KOREAN) {
      const result = await run(way, ["--registry", "missing.yaml", "lint"]);
      expect([result.status, result.stdout], way.name).toEqual([2, ""]);
      expect(result.stderr, way.name).toContain("missing.yaml  registry-unreadable  파일을 읽을 수 없습니다");
      expect(result.stderr, way.name).not.toContain("cannot read");
    }
    for (const way of ENGLISH) {
      const result = await run(way, ["--registry", "missing.yaml", "lint"]);
      expect([result.status, result.stdout], way.name).toEqual([2, ""]);
      expect(result.stderr, way.name).toContain("missing.yaml  registry-unreadable");
      expect(result.stderr, way.name).not.toMatch(HANGUL);
    }
  });

  it("a file that cannot be created: the file as typed, why, and that nothing was written", async () => {
    const [ko, en] = await Promise.all([run(KOREAN[0] as Way, ["init", "ports.yaml"]), run(ENGLISH[1] as Way, ["init", "ports.yaml"])]);
    expect([ko.status, ko.stderr]).toEqual([2, "sparkport: ports.yaml이 이미 있습니다. 아무것도 쓰지 않았습니다. 바꾸려면 --force를 쓰세요.\n"]);
    expect([en.status, en.stderr]).toEqual([2, "sparkport: ports.yaml already exists; nothing was written. Use --force to replace it.\n"]);
  });
});

describe("a language sparkport does not speak", () => {
  it("is refused in the language the next source names: SPARKPORT_LANG, then the locale", () => {
    const refusal = (argv: string[], env: NodeJS.ProcessEnv): string => {
      try {
        chooseLanguage(argv, env, "linux", () => "en-US");
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
      return "chosen";
    };
    expect(refusal(["--lang", "fr"], { LANG: "ko_KR.UTF-8" })).toBe('--lang 값 "fr": sparkport가 지원하지 않는 언어입니다. 지원하는 언어: en, ko.');
    expect(refusal(["--lang", "fr"], { SPARKPORT_LANG: "ko", LANG: "C" })).toMatch(/^--lang 값 "fr": /);
    expect(refusal(["--lang", "fr"], { LANG: "C" })).toBe('--lang "fr" is not a language sparkport speaks. Known: en, ko.');
    expect(refusal([], { SPARKPORT_LANG: "xx", LANG: "ko_KR.UTF-8" })).toMatch(/^SPARKPORT_LANG 값 "xx": /);
  });

  it("through the CLI: one line, exit 2", async () => {
    const ko = await runCli(["--lang", "fr", "list"], { cwd: scratch, env: { ...NO_LOCALE, LANG: "ko_KR.UTF-8" } });
    expect([ko.status, ko.stdout, ko.stderr]).toEqual([2, "", 'sparkport: --lang 값 "fr": sparkport가 지원하지 않는 언어입니다. 지원하는 언어: en, ko.\n']);
  });
});

describe("--verbose's probe lines in the chosen language", () => {
  it("say what is probed and its timeout, the address as it is", async () => {
    const args = ["--registry", "two-nodes.yaml", "--this-node", "box", "--timeout", "300ms", "-v", "check", "far:8003"];
    const [ko, en] = await Promise.all([run(KOREAN[0] as Way, args), run(ENGLISH[1] as Way, args)]);
    expect(ko.stderr).toContain("127.0.0.2:8003 프로브 중 (제한 시간 300ms)\n");
    expect(en.stderr).toContain("probing 127.0.0.2:8003 (timeout 300 ms)\n");
  });
});
