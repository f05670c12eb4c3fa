import { afterEach, describe, expect, it } from "vitest";
import { setLanguage, type Language } from "../src/findings/language.js";
import { changeWords } from "../src/words/change-words.js";
import { checkWords } from "../src/words/check-words.js";
import { doctorWords } from "../src/words/doctor-words.js";
import { findingWords } from "../src/words/finding-words.js";
import { fixWords } from "../src/words/fix-words.js";
import { localWords } from "../src/words/local-words.js";
import { moveWords } from "../src/words/move-words.js";
import { requestWords } from "../src/words/request-words.js";

// The Korean twin of check's, doctor's, the fixes' and the changing commands' words (issue 18 item 2): the types make
// every key and placeholder present; this says each text is Korean, not English left in place.

const HANGUL = /[\uac00-\ud7a3]/;

const TABLES = { changeWords, checkWords, doctorWords, findingWords, fixWords, localWords, moveWords, requestWords };

// No Hangul by nature: names of programs and of a command (the Korean drops the English possessive, "Django's
// runserver"), and texts that only join what they are given (already in the run's language) with values.
const NOT_KOREAN = new Set([
  ...["uvicorn", "next", "vite", "http.server", "flask", "django", "rails", "comfyui", "ollama", "redis", "postgres"].map((p) => `fixWords.bind.label.${p}`),
  "doctorWords.skipped.docker",
  "doctorWords.ran.dockerPs",
  "doctorWords.heading",
  "doctorWords.seen.tailscalePing",
  "checkWords.remote",
]);

/**
 * Stands for any argument: a string ("7"), a number, a list of itself, a record of itself, true. Every text can be
 * called with it, so no function of a table is left out by a sample someone forgot to write.
 */
function anything(): unknown {
  const list = (): unknown[] => [value, value];
  const value: unknown = new Proxy(() => value, {
    get(_, key) {
      if (key === Symbol.toPrimitive) return () => "7";
      if (key === Symbol.iterator) return () => list()[Symbol.iterator]();
      if (key === "length") return 2;
      if (key === "then") return undefined;
      if (typeof key === "string" && key in Array.prototype) return (...args: unknown[]) => (Array.prototype[key as keyof unknown[]] as (...a: unknown[]) => unknown).apply(list(), args);
      return value;
    },
    apply: () => value,
  });
  return value;
}

/** Every text of a table, by path: strings as they are, functions called with `anything`. */
function texts(table: unknown, path: string, out = new Map<string, string>()): Map<string, string> {
  if (typeof table === "string") out.set(path, table);
  else if (typeof table === "function") {
    const args = Array.from({ length: Math.max(1, table.length) }, anything);
    out.set(path, String((table as (...a: unknown[]) => unknown)(...args)));
  } else if (typeof table === "object" && table !== null) for (const [key, value] of Object.entries(table)) texts(value, `${path}.${key}`, out);
  return out;
}

function textsIn(language: Language): Map<string, string> {
  setLanguage(language);
  const all = new Map<string, string>();
  for (const [name, picker] of Object.entries(TABLES)) texts(picker(), name, all);
  return all;
}

afterEach(() => setLanguage("en"));

describe("the words of check, doctor, the fixes and the changing commands", () => {
  it("have the same texts in both languages, and English ones without Hangul", () => {
    const en = textsIn("en");
    const ko = textsIn("ko");
    expect([...ko.keys()]).toEqual([...en.keys()]);
    expect(en.size).toBeGreaterThan(150);
    for (const [path, text] of en) expect(text, path).not.toMatch(HANGUL);
  });

  it("say every text with letters in Korean, but names and texts that only join others", () => {
    const en = textsIn("en");
    const ko = textsIn("ko");
    const english = [...ko].filter(([path, text]) => /[A-Za-z]{2}/.test(en.get(path) ?? "") && !HANGUL.test(text));
    expect(english.map(([path]) => path).filter((path) => !NOT_KOREAN.has(path))).toEqual([]);
    // Each exception names a text that exists, so the list cannot outlive what it excuses.
    for (const path of NOT_KOREAN) expect(ko.has(path), path).toBe(true);
  });

  it("tells a Korean text from an English one left in place", () => {
    setLanguage("ko");
    const leftInPlace = texts({ label: "The program", note: (port: number) => `listen on ${port}` }, "t");
    expect([...leftInPlace.values()].filter((text) => HANGUL.test(text))).toEqual([]);
    expect(texts(fixWords().bind.label, "label").get("label.unknown")).toBe("이 프로그램");
  });

  it("uses the particle the word before it takes (josa)", () => {
    setLanguage("ko");
    expect(fixWords().stop.holder({ pid: 12, command: "node", port: 8000 })).toBe("node (PID 12)가 8000 포트를 쓰고 있습니다.");
    expect(fixWords().bind.loopbackOnly("uvicorn")).toMatch(/^uvicorn은 /);
    expect(fixWords().bind.loopbackOnly("Redis")).toMatch(/^Redis는 /);
    expect(changeWords().statusSet({ target: "fastapi.test", status: "stopped" })).toBe("fastapi.test의 상태를 중지됨(stopped)으로 바꿨습니다");
    expect(doctorWords().ran.connect({ target: "127.0.0.1:8000", fromHere: false })).toBe("127.0.0.1:8000으로의 TCP 연결");
  });
});
