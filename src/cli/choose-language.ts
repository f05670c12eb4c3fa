import { isLanguage, LANGUAGES, type Language } from "../findings/language.js";
import { UsageError } from "../findings/errors.js";
import { cliWords } from "../words/cli-words.js";

/** `ko_KR.UTF-8` → `ko`, `C.UTF-8` → `c`. */
const localeBase = (locale: string): string => locale.split(/[._@-]/)[0]?.toLowerCase() ?? "";

const isCLocale = (locale: string): boolean => ["c", "posix"].includes(localeBase(locale));

/** `ko_KR.UTF-8`, `ko`, `en_US` → the language sparkport has for it; C and POSIX are English. */
function fromLocale(locale: string): Language | undefined {
  if (isCLocale(locale)) return "en";
  const base = localeBase(locale);
  return isLanguage(base) ? base : undefined;
}

/** `--lang ko` / `--lang=ko` before a lone `--`: help texts are built before commander parses. */
export function langArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const word = argv[i] ?? "";
    if (word === "--") return undefined;
    if (word === "--lang") return argv[i + 1] ?? "";
    if (word.startsWith("--lang=")) return word.slice("--lang=".length);
  }
  return undefined;
}

/** A language asked for that sparkport does not speak is refused in the language the next source names. */
const checked = (value: string, source: string, next: () => Language): Language => {
  if (isLanguage(value)) return value;
  throw new UsageError(cliWords(next()).unknownLanguage(source, value, LANGUAGES.join(", ")));
};

/** The locale's language, by gettext's order. */
function fromEnvironment(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, systemLocale: () => string): Language {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== "");
  if (locale !== undefined && isCLocale(locale)) return "en";
  for (const entry of (env.LANGUAGE ?? "").split(":")) {
    const found = entry === "" ? undefined : fromLocale(entry);
    if (found !== undefined) return found;
  }
  if (locale !== undefined) return fromLocale(locale) ?? "en";
  if (platform === "win32") return fromLocale(systemLocale()) ?? "en";
  return "en";
}

/**
 * --lang, then SPARKPORT_LANG, then gettext's order: LANGUAGE (a list, its first language sparkport speaks), then
 * the locale of LC_ALL, LC_MESSAGES or LANG. As in gettext, a C or POSIX locale means English and LANGUAGE is then
 * not read. On Windows, where none of those is set, the system's locale; else English.
 */
export function chooseLanguage(argv: readonly string[], env: NodeJS.ProcessEnv, platform: NodeJS.Platform, systemLocale: () => string): Language {
  const rest = (): Language => fromEnvironment(env, platform, systemLocale);
  const own = env.SPARKPORT_LANG ?? "";
  const flag = langArgument(argv);
  if (flag !== undefined) return checked(flag, "--lang", () => (isLanguage(own) ? own : rest()));
  if (own !== "") return checked(own, "SPARKPORT_LANG", rest);
  return rest();
}
