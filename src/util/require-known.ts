import { UsageError } from "../findings/errors.js";
import { didYouMean } from "./did-you-mean.js";

export function requireKnown(kind: string, value: string | undefined, known: readonly string[]): void {
  if (value === undefined || known.includes(value)) return;
  const suggestion = didYouMean(value, known);
  throw new UsageError(`unknown ${kind} "${value}"${suggestion === undefined ? "." : `; did you mean "${suggestion}"?`} Known: ${known.join(", ")}.`);
}
