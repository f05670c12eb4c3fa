import { language, type Language } from "../findings/language.js";

/**
 * The texts of one part of sparkport in every language, side by side: `ko` must have every key and placeholder
 * `en` has (its type is `en`'s), and the run's language picks one. Findings have their own table
 * (findings/messages.ts and its Korean twin); these are the rest: headings, labels, help, errors of bad input.
 * A language may be named instead: an error about the language asked for is said in the one that follows it.
 */
export function twin<T>(tables: { readonly [L in Language]: T }): (chosen?: Language) => T {
  return (chosen = language()) => tables[chosen];
}
