import { parseEnvLines } from "./parse-env-lines.js";
import { textPosition } from "../util/text-position.js";

/** A variable of a .env file: its value and where it was set (the last assignment wins, as in compose). */
export interface EnvValue {
  value: string;
  line: number;
  file: string;
}

export type EnvValues = Map<string, EnvValue>;

/** The variables a .env file sets, for `${VAR}` substitution in the compose file beside it. */
export function envValues(text: string, file: string): EnvValues {
  const position = textPosition(text);
  const values: EnvValues = new Map();
  for (const entry of parseEnvLines(text).entries) values.set(entry.key, { value: entry.value, line: position(entry.keyOffset).line, file });
  return values;
}
