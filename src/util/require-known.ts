import { UsageError } from "../findings/errors.js";
import { unknownNameWords, type NameKind } from "../words/unknown-name-words.js";
import { unknownNameText } from "./unknown-name.js";

/** Bad input (exit 2) unless `value` is absent or one of `known`, with the close one when there is one. */
export function requireKnown<T extends string>(
  kind: NameKind,
  value: string | undefined,
  known: readonly T[],
  from = "",
): asserts value is T | undefined {
  if (value === undefined || known.some((k) => k === value)) return;
  const w = unknownNameWords();
  throw new UsageError(unknownNameText(w.unknown(kind, value, from), value, known, w.known(kind)));
}
