import type { EnvValues } from "./env-values.js";
import { joinMapped, sliceMapped, type MappedText } from "../command-line/mapped-text.js";

/** A `${VAR}` with no value and no default: compose would substitute an empty string. */
export interface MissingVariable {
  variable: string;
  offset: number;
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const BRACED = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/;
const MAX_DEPTH = 10;

function closingBrace(text: string, dollar: number): number {
  let depth = 0;
  for (let i = dollar + 1; i < text.length; i++) {
    if (text.charAt(i) === "{") depth++;
    else if (text.charAt(i) === "}" && --depth === 0) return i + 1;
  }
  return -1;
}

function interpolate(input: MappedText, env: EnvValues, missing: MissingVariable[], depth: number): MappedText {
  const { text } = input;
  const parts: MappedText[] = [];
  let literal = 0;
  for (let dollar = text.indexOf("$"); dollar >= 0 && depth < MAX_DEPTH; dollar = text.indexOf("$", literal)) {
    if (text.charAt(dollar + 1) === "$") {
      parts.push(sliceMapped(input, literal, dollar + 1));
      literal = dollar + 2;
      continue;
    }
    let name: string;
    let operator = "";
    let word: MappedText | undefined;
    let end: number;
    if (text.charAt(dollar + 1) === "{") {
      end = closingBrace(text, dollar);
      const match = end < 0 ? null : BRACED.exec(text.slice(dollar + 2, end - 1));
      if (match === null) {
        parts.push(sliceMapped(input, literal, dollar + 1));
        literal = dollar + 1;
        continue;
      }
      name = match[1] ?? "";
      operator = match[2] ?? "";
      const wordFrom = dollar + 2 + name.length + operator.length;
      word = operator === "" ? undefined : sliceMapped(input, wordFrom, end - 1);
    } else {
      NAME.lastIndex = dollar + 1;
      const match = NAME.exec(text);
      if (match === null) {
        parts.push(sliceMapped(input, literal, dollar + 1));
        literal = dollar + 1;
        continue;
      }
      name = match[0];
      end = dollar + 1 + name.length;
    }
    parts.push(sliceMapped(input, literal, dollar));
    literal = end;
    const found = env.get(name);
    const empty = found === undefined || found.value === "";
    const unset = operator.startsWith(":") ? empty : found === undefined;
    if (operator.endsWith("-") && unset) {
      parts.push(withOrigin(interpolate(word ?? sliceMapped(input, 0, 0), env, missing, depth + 1), name));
    } else if (operator.endsWith("+")) {
      if (!unset) parts.push(withOrigin(interpolate(word ?? sliceMapped(input, 0, 0), env, missing, depth + 1), name));
    } else if (found === undefined || (operator === ":?" && empty)) {
      missing.push({ variable: name, offset: input.start[dollar] ?? 0 });
    } else {
      const from = input.start[dollar] ?? 0;
      const to = input.end[end - 1] ?? from;
      const origin = { variable: name, file: found.file, line: found.line };
      const length = found.value.length;
      parts.push({ text: found.value, start: Array.from({ length }, () => from), end: Array.from({ length }, () => to), origin: Array.from({ length }, () => origin) });
    }
  }
  parts.push(sliceMapped(input, literal, text.length));
  return joinMapped(parts);
}

/** Their origin is the variable, found in no file. */
function withOrigin(mapped: MappedText, variable: string): MappedText {
  return { ...mapped, origin: mapped.origin.map((o) => o ?? { variable }) };
}

/** As compose does from the `.env` beside the file; a value from the .env maps to the whole `${...}`, a default to its own characters. */
export function interpolateCompose(input: MappedText, env: EnvValues): { text: MappedText; missing: MissingVariable[] } {
  const missing: MissingVariable[] = [];
  return { text: interpolate(input, env, missing, 0), missing };
}
