import { parseEnvLines } from "./parse-env-lines.js";
import { textPosition } from "../util/text-position.js";

/** The last assignment wins, as in compose. */
export interface EnvValue {
  value: string;
  line: number;
  file: string;
}

export type EnvValues = Map<string, EnvValue>;

export function envValues(text: string, file: string): EnvValues {
  const position = textPosition(text);
  const values: EnvValues = new Map();
  for (const entry of parseEnvLines(text).entries) values.set(entry.key, { value: entry.value, line: position(entry.keyOffset).line, file });
  return values;
}
