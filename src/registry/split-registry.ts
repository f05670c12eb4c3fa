/** Small enough to keep each parse tree small. */
const ITEMS_PER_GROUP = 50;

/** A top-level key with its value, an item, or a run of items of a top-level sequence. */
export interface Chunk {
  start: number;
  end: number;
}

export interface Section {
  key: string;
  /** Only the `key:` line when the value is split into item runs. */
  head: Chunk;
  items: Chunk[];
  /** For a lookup the index cannot answer. */
  itemSpans: Chunk[];
  /** The section value's location: the split sequence's first `-`. */
  valueStart?: number;
}

const TOP_KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]|$)/;

/** Whitespace that JavaScript's \s and trim() count and YAML does not. */
const OTHER_WHITESPACE = /[\f\v\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

// Undefined when cutting is unsafe (anchors, tags, directives, several documents, tabs in indentation, column-0 flow,
// a key twice, `__proto__`, a lone CR, non-ASCII whitespace): the caller then parses the whole text.
export function splitRegistry(text: string): Section[] | undefined {
  if (/^(?:---|\.\.\.|%)/m.test(text) || /^ *\t/m.test(text) || /\r(?!\n)/.test(text) || OTHER_WHITESPACE.test(text)) return undefined;
  const lines: { start: number; text: string }[] = [];
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline + 1;
    lines.push({ start, text: text.slice(start, newline === -1 ? text.length : newline).replace(/\r$/, "") });
    start = end;
  }
  const sections: Section[] = [];
  const seen = new Set<string>();
  let i = 0;
  while (i < lines.length && isTrivia(lines[i]?.text ?? "")) i += 1;
  while (i < lines.length) {
    const line = lines[i];
    const key = line === undefined ? undefined : TOP_KEY.exec(line.text)?.[1];
    if (line === undefined || key === undefined || seen.has(key) || key === "__proto__") return undefined;
    seen.add(key);
    let j = i + 1;
    while (j < lines.length && !startsTopLevel(lines[j]?.text ?? "")) j += 1;
    const end = lines[j]?.start ?? text.length;
    const rest = line.text.slice(key.length + 1).replace(/^[ \t]+|[ \t]+$/g, "");
    const items = rest === "" ? sequenceItems(lines.slice(i + 1, j), end) : undefined;
    if (items === null) return undefined;
    sections.push(
      items === undefined || items.length <= ITEMS_PER_GROUP
        ? { key, head: { start: line.start, end }, items: [], itemSpans: [] }
        : { key, head: { start: line.start, end: lines[i + 1]?.start ?? end }, items: groups(items), itemSpans: items, valueStart: items[0]?.dash },
    );
    i = j;
  }
  return sections;
}

function isTrivia(line: string): boolean {
  return /^[ \t]*$/.test(line) || line.startsWith("#");
}

/** Not a comment, blank, or an item of an indentless sequence (`services:` then `- a`). */
function startsTopLevel(line: string): boolean {
  return line !== "" && !/^[ \t#]/.test(line) && !/^-(?: |$)/.test(line);
}

/** Undefined when the value is not a block sequence; null when it is one this splitter cannot cut safely. */
function sequenceItems(lines: readonly { start: number; text: string }[], end: number): { start: number; end: number; dash: number }[] | undefined | null {
  const first = lines.find((l) => !isTrivia(l.text.replace(/^[ \t]+/, "")));
  const indent = first === undefined ? undefined : /^( *)-(?: |$)/.exec(first.text)?.[1];
  if (first === undefined || indent === undefined) return undefined;
  const starts: number[] = [];
  for (const line of lines) {
    const content = line.text.slice(indent.length);
    const lineIndent = /^ */.exec(line.text)?.[0].length ?? 0;
    if (isTrivia(line.text.replace(/^[ \t]+/, ""))) continue;
    if (lineIndent < indent.length) return null;
    if (lineIndent === indent.length) {
      if (!/^-(?: |$)/.test(content)) return null;
      starts.push(line.start);
    }
  }
  return starts.map((start, k) => ({ start, end: starts[k + 1] ?? end, dash: start + indent.length }));
}

function groups(items: readonly { start: number; end: number }[]): Chunk[] {
  const out: Chunk[] = [];
  for (let k = 0; k < items.length; k += ITEMS_PER_GROUP) {
    const run = items.slice(k, k + ITEMS_PER_GROUP);
    const first = run[0];
    const last = run.at(-1);
    if (first !== undefined && last !== undefined) out.push({ start: first.start, end: last.end });
  }
  return out;
}
