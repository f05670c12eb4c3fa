import { UsageError } from "../findings/errors.js";
import { portInputWords } from "../words/port-input-words.js";

/**
 * `--port P` of allocate and move: digits only, 1-65535, no leading zero (`070` is 56 to a YAML 1.1 reader and 70 to
 * sparkport: refused rather than guessed).
 */
export function portOption(given: string): number {
  const w = portInputWords();
  if (!/^\d{1,5}$/.test(given) || Number(given) < 1 || Number(given) > 65535) throw new UsageError(w.portOption(given));
  if (given.startsWith("0")) throw new UsageError(w.leadingZero(given, Number(given)));
  return Number(given);
}
