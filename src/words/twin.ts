import { language, type Language } from "../findings/language.js";

/**
 * The texts of one part of sparkport in every language, side by side: `ko` must have every key and placeholder
 * `en` has (its type is `en`'s), and the run's language picks one. Findings have their own table
 * (findings/messages.ts and its Korean twin); these are the rest: headings, labels, help, errors of bad input.
 */
export function twin<T>(tables: { readonly [L in Language]: T }): () => T {
  return () => tables[language()];
}
