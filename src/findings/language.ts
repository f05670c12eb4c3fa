/** The languages sparkport speaks. Codes, JSON keys and exit codes are the same in all of them. */
export const LANGUAGES = ["en", "ko"] as const;

export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

// Set once by the CLI before a command runs; a library user who never sets it gets English.
let current: Language = "en";

export function setLanguage(language: Language): void {
  current = language;
}

/** The language every text a person reads is written in, for this run. */
export function language(): Language {
  return current;
}
