import { readdirSync } from "node:fs";
import path from "node:path";
import stringWidth from "string-width";
import { afterEach, describe, expect, it } from "vitest";
import { commanderText } from "../src/cli/commander-text.js";
import { progressFrame } from "../src/cli/progress-line.js";
import { commands } from "../src/commands/index.js";
import { setLanguage, type Language } from "../src/findings/language.js";
import { cliWords } from "../src/words/cli-words.js";
import { commandInputWords } from "../src/words/command-input-words.js";
import { commanderWords } from "../src/words/commander-words.js";
import { durationWords } from "../src/words/duration-words.js";
import { fileErrorWords } from "../src/words/file-error-words.js";
import { gitRefWords } from "../src/words/git-ref-words.js";
import { allocationOptionsHelp } from "../src/words/help/allocation-options-help.js";
import { programHelp } from "../src/words/help/program-help.js";
import { serviceFiltersHelp } from "../src/words/help/service-filters-help.js";
import { optionInputWords } from "../src/words/option-input-words.js";
import { portInputWords } from "../src/words/port-input-words.js";
import { progressWords } from "../src/words/progress-words.js";
import { unknownNameWords } from "../src/words/unknown-name-words.js";
import { REPO_ROOT } from "./helpers/run-cli.js";

// Issue 18 item 2: every table of --help, of errors of bad input and of the progress line has a Korean twin that is
// Korean and keeps every value the English one shows; every command, argument and option has a description in both
// languages.

const HANGUL = /[\uac00-\ud7a3]/;
const LETTERS = /[A-Za-z]/;
const WORDS = path.join(REPO_ROOT, "src", "words");

afterEach(() => setLanguage("en"));

type Tables = { readonly [L in Language]: unknown };

// The tables of --help, commander's words, errors of bad input and the progress line; the parts' other texts have
// their own test (words-complete.test.ts). A twin is called for each language; a pair is spread into twins.
const TWINS: Record<string, (language: Language) => unknown> = {
  cliWords,
  commandInputWords,
  commanderWords,
  durationWords,
  fileErrorWords,
  gitRefWords,
  optionInputWords,
  portInputWords,
  progressWords,
  unknownNameWords,
};
const PAIRS: Record<string, Tables> = { allocationOptionsHelp, serviceFiltersHelp };

async function wordTables(): Promise<[string, Tables][]> {
  const help = readdirSync(path.join(WORDS, "help")).filter((f) => f.endsWith("-help.ts"));
  const found: [string, Tables][] = [];
  for (const file of help) {
    const module: Record<string, unknown> = await import(path.join(WORDS, "help", file));
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === "function") found.push([`help/${file} ${name}`, { en: value("en"), ko: value("ko") }]);
    }
  }
  for (const [name, twin] of Object.entries(TWINS)) found.push([name, { en: twin("en"), ko: twin("ko") }]);
  for (const [name, pair] of Object.entries(PAIRS)) found.push([name, pair]);
  return found;
}

// A value that is a key of a Korean table (what was done to a file, what kind of name) is said as a Korean word.
const KEYS: Readonly<Record<string, readonly number[]>> = {
  "fileErrorWords.cannot": [0],
  "unknownNameWords.unknown": [0],
};

// Values no table writes itself (no letter, no number any text uses), so each can be traced to its slot.
const slots = (count: number): string[] => Array.from({ length: count }, (_, i) => String(101 * (i + 1)));

/** A template filled with placeholders: as strings, else as lists (a list of names); both languages alike. */
function fill(en: (...args: unknown[]) => unknown, ko: (...args: unknown[]) => unknown): { en: string; ko: string; values: string[] } | undefined {
  const values = slots(en.length);
  for (const args of [values, values.map((v) => [v])]) {
    try {
      return { en: String(en(...args)), ko: String(ko(...args)), values };
    } catch {
      // The other shape of arguments.
    }
  }
  return undefined;
}

/** Each text of both tables, side by side: `problems` names the Korean ones that are not Korean or lose a value. */
function compare(where: string, en: unknown, ko: unknown, problems: string[], counted: { texts: number }): void {
  if (typeof en === "string") {
    counted.texts += 1;
    if (typeof ko !== "string") problems.push(`${where}: no Korean text`);
    else if (LETTERS.test(en) && !HANGUL.test(ko)) problems.push(`${where}: "${ko}" is not Korean`);
    return;
  }
  if (typeof en === "function") {
    if (typeof ko !== "function") {
      problems.push(`${where}: no Korean template`);
      return;
    }
    const filled = fill(en as (...args: unknown[]) => unknown, ko as (...args: unknown[]) => unknown);
    if (filled === undefined) {
      problems.push(`${where}: cannot be filled with strings or lists`);
      return;
    }
    counted.texts += 1;
    if (LETTERS.test(filled.en.replace(/\d+/g, "")) && !HANGUL.test(filled.ko)) problems.push(`${where}: "${filled.ko}" is not Korean`);
    const shown = filled.values.filter((_, slot) => !(KEYS[where] ?? []).includes(slot));
    for (const value of shown) if (filled.en.includes(value) && !filled.ko.includes(value)) problems.push(`${where}: "${filled.ko}" drops a value`);
    return;
  }
  if (typeof en === "object" && en !== null) {
    for (const [key, value] of Object.entries(en)) compare(`${where}.${key}`, value, typeof ko === "object" && ko !== null ? (ko as Record<string, unknown>)[key] : undefined, problems, counted);
  }
}

describe("the words of help, bad input and progress (src/words)", () => {
  it("say every text in Korean, keeping each value the English text shows", async () => {
    const tables = await wordTables();
    expect(tables.length).toBeGreaterThanOrEqual(20);
    const problems: string[] = [];
    const counted = { texts: 0 };
    for (const [where, { en, ko }] of tables) compare(where, en, ko, problems, counted);
    expect(problems).toEqual([]);
    expect(counted.texts).toBeGreaterThan(150);
  });

  it("catch a Korean text left in English, and one that drops a value", () => {
    const problems: string[] = [];
    compare("sample", { a: "port", b: (n: string) => `port ${n}` }, { a: "port", b: () => "포트" }, problems, { texts: 0 });
    expect(problems).toEqual(['sample.a: "port" is not Korean', 'sample.b: "포트" drops a value']);
  });
});

describe("the help of every command (the command table)", () => {
  for (const language of ["en", "ko"] as const) {
    it(`describes each command, argument and option in ${language}`, () => {
      setLanguage(language);
      const said = (text: string | undefined): boolean => text !== undefined && text !== "" && (language === "en" ? !HANGUL.test(text) : HANGUL.test(text));
      for (const command of commands) {
        const help = command.help();
        expect(said(help.description), command.name).toBe(true);
        // The same keys as declared: a new argument or option without a description fails here.
        expect(Object.keys(help.arguments).sort(), command.name).toEqual(command.arguments.map(([key]) => key).sort());
        expect(Object.keys(help.options).sort(), command.name).toEqual(command.options.map(([key]) => key).sort());
        for (const [key] of [...command.arguments, ...command.options]) {
          expect(said(help.arguments[key] ?? help.options[key]), `${command.name} ${key}`).toBe(true);
        }
      }
      const program = programHelp();
      for (const text of [program.description, ...Object.values(program.options)]) expect(said(text), text).toBe(true);
    });
  }
});

describe("commander's messages", () => {
  // As commander 15 writes them (commander/lib/command.js).
  const messages = [
    "error: unknown option '--tem'\n(Did you mean --team?)\n",
    "error: unknown command 'chek'\n(Did you mean check?)\n",
    "error: unknown option '--x'\n",
    "error: missing required argument 'ref'\n",
    "error: option '--team <team>' argument missing\n",
    "error: required option '--team <team>' not specified\n",
    "error: too many arguments for 'explain'. Expected 1 argument but got 2: a, b.\n",
    "error: too many arguments for 'lint'. Expected 0 arguments but got 1: extra.\n",
    "error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are text, json.\n",
    "error: command-argument value 'x' is invalid for argument 'code'.\n",
    "error: unknown option '--colour'\n(Did you mean one of --color, --count?)\n",
  ];

  it("are read back by their form and said again as commander says them, in English", () => {
    for (const message of messages) expect(commanderText(message, commanderWords("en"))).toBe(message);
  });

  it("are said in Korean, keeping the names and values typed", () => {
    const korean = messages.map((m) => commanderText(m, commanderWords("ko")));
    for (const text of korean) {
      expect(text).toMatch(/^오류: /);
      expect(text).not.toMatch(/error|unknown|Did you mean|Expected|Allowed|missing|invalid/);
    }
    expect(korean[0]).toBe("오류: 알 수 없는 옵션 '--tem'\n(혹시 --team인가요?)\n");
    expect(korean[6]).toBe("오류: 'explain' 명령에 인자가 너무 많습니다. 인자는 1개까지인데 2개를 받았습니다: a, b.\n");
    expect(korean[8]).toBe("오류: 옵션 '-f, --format <format>'의 값 'xml'은 쓸 수 없습니다. 쓸 수 있는 값: text, json.\n");
    expect(korean[10]).toBe("오류: 알 수 없는 옵션 '--colour'\n(혹시 --color, --count 중 하나인가요?)\n");
  });

  it("leave a form they do not know as commander wrote it", () => {
    expect(commanderText("error: something new\n", commanderWords("ko"))).toBe("error: something new\n");
  });
});

describe("the progress line's frame", () => {
  const state = { done: 1, total: 3, waiting: ["desktop:11434", "laptop:3000", "macmini:8000"], elapsedMs: 1300 };

  it("is today's English", () => {
    expect(progressFrame(state, 80)).toBe("probing 1/3 · 1.3s · waiting on desktop:11434, laptop:3000, macmini:8000");
    expect(progressFrame(state, 60)).toBe("probing 1/3 · 1.3s · waiting on desktop:11434 and 2 more");
    expect(progressFrame(state, 40)).toBe("probing 1/3 · 1.3s · 3 waiting");
  });

  it("is Korean, and narrower than the terminal measured in columns: a syllable takes two", () => {
    setLanguage("ko");
    expect(progressFrame(state, 80, stringWidth)).toBe("프로브 중 1/3 · 1.3s · 응답 대기: desktop:11434, laptop:3000, macmini:8000");
    // 57 characters but 67 columns with laptop's name too: it does not fit 60.
    expect(progressFrame(state, 60, stringWidth)).toBe("프로브 중 1/3 · 1.3s · 응답 대기: desktop:11434 외 2곳");
    expect(progressFrame(state, 40, stringWidth)).toBe("프로브 중 1/3 · 1.3s · 3곳 응답 대기");
    for (const width of [12, 20, 30, 40, 50]) expect(stringWidth(progressFrame(state, width, stringWidth)), String(width)).toBeLessThan(width);
  });
});
