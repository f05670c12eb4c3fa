// The ways a run is given its language (issue 18 item 1), for tests that spawn the CLI in each.

export const HANGUL = /[\uac00-\ud7a3]/;

/** Every variable the language is read from, cleared, so the machine running the tests chooses nothing. */
export const NO_LOCALE = { SPARKPORT_LANG: "", LANGUAGE: "", LC_ALL: "", LC_MESSAGES: "", LANG: "" };

export interface Way {
  name: string;
  env: Record<string, string>;
  args: string[];
}

export const KOREAN: readonly Way[] = [
  { name: "LANG=ko_KR.UTF-8", env: { ...NO_LOCALE, LANG: "ko_KR.UTF-8" }, args: [] },
  { name: "--lang ko", env: { ...NO_LOCALE, LANG: "C" }, args: ["--lang", "ko"] },
];

export const ENGLISH: readonly Way[] = [
  { name: "LANG=C", env: { ...NO_LOCALE, LANG: "C" }, args: [] },
  { name: "--lang en", env: { ...NO_LOCALE, LANG: "ko_KR.UTF-8" }, args: ["--lang", "en"] },
];
