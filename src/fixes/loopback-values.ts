import { COMMON_HOST_FLAGS, type ServerProgram } from "../programs/server-programs.js";

const LOOPBACK_VALUE =
  /^(?<scheme>[a-z][a-z0-9+.-]*:\/\/)?(?<host>127(?:\.\d{1,3}){3}|localhost|ip6-localhost|\[::1\]|::1)(?<rest>:\d{1,5})?(?<path>\/.*)?$/i;

function unloopback(value: string): string | undefined {
  const groups = LOOPBACK_VALUE.exec(value)?.groups;
  if (groups === undefined) return undefined;
  return `${groups["scheme"] ?? ""}0.0.0.0${groups["rest"] ?? ""}${groups["path"] ?? ""}`;
}

/** For a program doctor cannot rewrite in its own words; a known program's own host flags count too. */
export function replaceLoopbackValues(words: readonly string[], program: ServerProgram | undefined): string[] | undefined {
  const flags = new Set([...COMMON_HOST_FLAGS, ...(program?.host ?? []), ...(program?.bind ?? [])]);
  const out = [...words];
  let changed = false;
  for (let j = 0; j < out.length; j++) {
    const word = out[j] ?? "";
    const next = out[j + 1];
    if (flags.has(word) && next !== undefined) {
      const value = unloopback(next);
      if (value !== undefined) {
        out[j + 1] = value;
        changed = true;
        j++;
      }
      continue;
    }
    const eq = word.indexOf("=");
    if (eq > 0 && flags.has(word.slice(0, eq))) {
      const value = unloopback(word.slice(eq + 1));
      if (value !== undefined) {
        out[j] = `${word.slice(0, eq + 1)}${value}`;
        changed = true;
      }
    }
  }
  return changed ? out : undefined;
}
