import { UsageError } from "../findings/errors.js";
import { portInputWords } from "../words/port-input-words.js";

/**
 * `--port P` of allocate and move: digits only, no leading zero (`070` is 56 to a YAML 1.1 reader and 70 to sparkport:
 * refused rather than guessed). The range is each command's check (allocate reports port-out-of-range).
 */
export function portOption(given: string): number {
  const w = portInputWords();
  if (!/^\d{1,5}$/.test(given)) throw new UsageError(w.portOption(given));
  if (/^0+[1-9]/.test(given)) throw new UsageError(w.leadingZero(given, Number(given)));
  return Number(given);
}
