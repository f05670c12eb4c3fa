import type { MappedText } from "../command-line/mapped-text.js";

const ESCAPES: Readonly<Record<string, string>> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/** Decodes text[from, to) (quotes included), each character mapped to its escape or itself. */
export function jsonStringMapped(text: string, from: number, to: number): MappedText {
  const mapped: MappedText = { text: "", start: [], end: [], origin: [] };
  const push = (c: string, start: number, end: number): void => {
    mapped.text += c;
    mapped.start.push(start);
    mapped.end.push(end);
    mapped.origin.push(undefined);
  };
  for (let i = from + 1; i < to - 1; ) {
    const c = text.charAt(i);
    if (c !== "\\") {
      push(c, i, i + 1);
      i++;
    } else if (text.charAt(i + 1) === "u") {
      push(String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16)), i, i + 6);
      i += 6;
    } else {
      const e = text.charAt(i + 1);
      push(ESCAPES[e] ?? e, i, i + 2);
      i += 2;
    }
  }
  return mapped;
}
