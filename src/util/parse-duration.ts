import { UsageError } from "../findings/errors.js";
import { durationWords } from "../words/duration-words.js";

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000 } as const;

/** The longest delay a Node timer honours; a longer one fires after 1 ms instead. */
export const MAX_DURATION_MS = 2 ** 31 - 1;

const DURATION = /^(\d+(?:\.\d+)?|\.\d+)(ms|s|m)?$/;

export function parseDuration(text: string, what?: string): number {
  const w = durationWords();
  const named = what ?? w.duration;
  const given = JSON.stringify(text);
  const match = DURATION.exec(text.trim());
  if (match === null) throw new UsageError(w.notDuration(named, given));
  const [, amount = "", unit = "ms"] = match;
  const ms = Math.round(Number(amount) * UNIT_MS[unit === "s" || unit === "m" ? unit : "ms"]);
  if (ms < 1) throw new UsageError(w.tooShort(named, given));
  if (ms > MAX_DURATION_MS) throw new UsageError(w.tooLong(named, given, MAX_DURATION_MS));
  return ms;
}
