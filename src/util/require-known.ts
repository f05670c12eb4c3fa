import { UsageError } from "../findings/errors.js";
import { unknownNameText } from "./unknown-name.js";

/** Bad input (exit 2) unless `value` is absent or one of `known`, with the close one when there is one. */
export function requireKnown<T extends string>(
  kind: string,
  value: string | undefined,
  known: readonly T[],
  from?: string,
): asserts value is T | undefined {
  if (value === undefined || known.some((k) => k === value)) return;
  throw new UsageError(unknownNameText(`unknown ${kind}`, value, known, from === undefined ? {} : { from }));
}
