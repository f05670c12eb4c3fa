import { UsageError } from "../findings/errors.js";

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000 } as const;

/** The longest delay a Node timer honours; a longer one fires after 1 ms instead. */
export const MAX_DURATION_MS = 2 ** 31 - 1;

const DURATION = /^(\d+(?:\.\d+)?|\.\d+)(ms|s|m)?$/;

export function parseDuration(text: string, what = "duration"): number {
  const match = DURATION.exec(text.trim());
  const expected = `${what} must be a positive duration such as 500ms, 2s, 1.5s, 1m or 750 (milliseconds)`;
  if (match === null) throw new UsageError(`${expected}; got ${JSON.stringify(text)}`);
  const [, amount = "", unit = "ms"] = match;
  const ms = Math.round(Number(amount) * UNIT_MS[unit === "s" || unit === "m" ? unit : "ms"]);
  if (ms < 1) throw new UsageError(`${expected}; got ${JSON.stringify(text)}, which is less than 1 ms`);
  if (ms > MAX_DURATION_MS) throw new UsageError(`${expected}; got ${JSON.stringify(text)}, which is longer than ${MAX_DURATION_MS} ms (about 24 days)`);
  return ms;
}
