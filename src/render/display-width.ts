import type { WidthOf } from "./wrap-lines.js";

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

const characters: WidthOf = (text) => text.length;

/**
 * How to measure these texts on a terminal: printable ASCII is one column a character, so an all-ASCII table
 * (most runs, and every pipe of an English registry) does without loading string-width; anything else (Korean
 * takes two columns a syllable, an emoji two, a combining mark none) is string-width's to measure.
 */
export async function widthFor(texts: Iterable<string>): Promise<WidthOf> {
  for (const text of texts) {
    if (!PRINTABLE_ASCII.test(text)) return (await import("string-width")).default;
  }
  return characters;
}

/** The longest start of `text` that fits `columns`: a wide character that would straddle the edge is left out. */
export function cutToWidth(text: string, columns: number, widthOf: WidthOf): string {
  if (widthOf(text) <= columns) return text;
  let used = 0;
  let cut = "";
  for (const character of text) {
    used += widthOf(character);
    if (used > columns) break;
    cut += character;
  }
  return cut;
}
