export interface ResolvedFrom {
  variable: string;
  file?: string;
  line?: number;
}

/** A string derived from a file's text (a YAML scalar, a decoded JSON string, a substituted compose value), per-character spans. */
export interface MappedText {
  text: string;
  /** For each character of `text`: [start[i], end[i]) in the file text. */
  start: number[];
  end: number[];
  origin: (ResolvedFrom | undefined)[];
}

export function plainMapped(text: string, base = 0): MappedText {
  const start = Array.from({ length: text.length }, (_, i) => base + i);
  return { text, start, end: start.map((s) => s + 1), origin: new Array<undefined>(text.length).fill(undefined) };
}

export function sliceMapped(mapped: MappedText, from: number, to: number): MappedText {
  return { text: mapped.text.slice(from, to), start: mapped.start.slice(from, to), end: mapped.end.slice(from, to), origin: mapped.origin.slice(from, to) };
}

export function joinMapped(parts: readonly MappedText[]): MappedText {
  return {
    text: parts.map((p) => p.text).join(""),
    start: parts.flatMap((p) => p.start),
    end: parts.flatMap((p) => p.end),
    origin: parts.flatMap((p) => p.origin),
  };
}

const WINDOW = 256;

// Each character of the value is looked for in order, a little way ahead in the source; one the source holds escaped
// (`\t`, `\u0041`) takes the position the search stands at. Exact when the value is written as is.
export function alignedMapped(value: string, text: string, from: number, to: number): MappedText {
  const start: number[] = [];
  let at = from;
  for (const c of value.split("")) {
    const limit = Math.min(to, at + WINDOW);
    let found = -1;
    for (let i = at; i < limit; i++) {
      if (text.charAt(i) === c) {
        found = i;
        break;
      }
    }
    const position = found < 0 ? Math.min(at, Math.max(from, to - 1)) : found;
    start.push(position);
    at = found < 0 ? Math.min(at + 1, to) : found + 1;
  }
  return { text: value, start, end: start.map((s) => s + 1), origin: new Array<undefined>(value.length).fill(undefined) };
}

export function locateMapped(mapped: MappedText, from: number, to: number): { offset: number; length: number; resolvedFrom?: ResolvedFrom } {
  let offset = Number.POSITIVE_INFINITY;
  let end = 0;
  let resolvedFrom: ResolvedFrom | undefined;
  for (let i = from; i < to; i++) {
    offset = Math.min(offset, mapped.start[i] ?? offset);
    end = Math.max(end, mapped.end[i] ?? end);
    resolvedFrom ??= mapped.origin[i];
  }
  if (offset > end) return { offset: mapped.start[from] ?? 0, length: 0 };
  return { offset, length: end - offset, ...(resolvedFrom === undefined ? {} : { resolvedFrom }) };
}
