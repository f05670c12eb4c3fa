import { UsageError } from "../findings/errors.js";
import { didYouMean } from "./did-you-mean.js";

/** Bad input (exit 2) unless `value` is absent or one of `known`, with the close one when there is one. */
export function requireKnown<T extends string>(kind: string, value: string | undefined, known: readonly T[]): asserts value is T | undefined {
  if (value === undefined || known.some((k) => k === value)) return;
  const suggestion = didYouMean(value, known);
  throw new UsageError(`unknown ${kind} "${value}"${suggestion === undefined ? "." : `; did you mean "${suggestion}"?`} Known: ${known.join(", ")}.`);
}
