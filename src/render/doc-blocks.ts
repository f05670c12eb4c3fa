import { SparkportInputError } from "../findings/errors.js";
import { makeFinding, type Finding } from "../findings/finding.js";
import type { BadMarker } from "../findings/messages.js";
import { bytePosition, firstInvalidUtf8 } from "../registry/utf8.js";
import { didYouMean } from "../util/did-you-mean.js";
import type { DocsRendering, HeadingContext } from "./markdown-docs.js";

/** A block of a Markdown file that sparkport fills: what stands between its begin and end marker lines. */
export interface DocBlock {
  /** "" for `<!-- sparkport:begin -->`, the whole document. */
  name: string;
  /** 1-based line of the begin marker. */
  line: number;
  /** The content: from after the begin marker's line ending to the start of the end marker's line. */
  start: number;
  end: number;
  /** The begin marker's own line ending, so a CRLF file stays CRLF. */
  eol: string;
  under: HeadingContext;
}

export interface FilledBlock {
  name: string;
  line: number;
  /** 1-based line of the file where the block first differs from the registry, or undefined when it matches. */
  differsAt: number | undefined;
}

/** A file's text with its blocks filled from the registry; every byte outside them as it was. */
export interface FilledDocument {
  text: string;
  blocks: FilledBlock[];
}

// Up to three spaces before, as Markdown allows an HTML block; anything else on the line makes it no marker.
const CANDIDATE = /^ {0,3}<!--\s*sparkport:/;
const MARKER = /^ {0,3}<!--\s*sparkport:(begin|end)(?:\s+(\S+?))?\s*-->\s*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*)$/;
const NUMBER = /^(\d+(?:\.\d+)*)\.?(?=\s|$)/;

/** A file's text as written: bytes that are not UTF-8 could not be kept as they are, so they stop the run (exit 2). */
export function decodeDocument(bytes: Uint8Array, file: string): string {
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const byte = (bytes[bad] ?? 0).toString(16).padStart(2, "0");
    throw new SparkportInputError([makeFinding("docs-not-utf8", "error", { byte }, { file, ...bytePosition(bytes, bad) })]);
  }
  // The byte order mark stays in the text, so it is written back.
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}

/**
 * The blocks of a Markdown file. Markers are lines of their own; inside a fenced code block they are examples,
 * not markers. Blocks do not nest; `<!-- sparkport:end NAME -->` may repeat its block's name. A bad marker or a
 * file without any stops the run (exit 2), named by file:line.
 */
export function findBlocks(text: string, file: string, names: readonly string[]): DocBlock[] {
  const blocks: DocBlock[] = [];
  const problems: Finding[] = [];
  const bad = (line: number, problem: BadMarker): void => {
    problems.push(makeFinding("docs-bad-marker", "error", { problem }, { file, line, column: 1 }));
  };
  let open: Omit<DocBlock, "end"> | undefined;
  let fence: { char: string; length: number } | undefined;
  let under: HeadingContext = { level: 0, number: undefined };
  let lineNumber = 0;
  for (const match of text.matchAll(/[^\n]*\n|[^\n]+$/g)) {
    lineNumber += 1;
    const raw = match[0];
    const eol = raw.endsWith("\r\n") ? "\r\n" : raw.endsWith("\n") ? "\n" : "";
    const line = raw.slice(0, raw.length - eol.length).replace(/^\uFEFF/, "");
    // Inside a block every line is sparkport's but its end marker; outside, fences and headings count.
    if (open === undefined && fence !== undefined) {
      const close = FENCE.exec(line);
      if (close?.[1]?.[0] === fence.char && close[1].length >= fence.length && close[2]?.trim() === "") fence = undefined;
      continue;
    }
    if (open === undefined) {
      const opening = FENCE.exec(line);
      if (opening?.[1] !== undefined && !(opening[1][0] === "`" && opening[2]?.includes("`"))) {
        fence = { char: opening[1][0] ?? "`", length: opening[1].length };
        continue;
      }
      const heading = HEADING.exec(line);
      if (heading !== null) under = { level: heading[1]?.length ?? 0, number: NUMBER.exec(heading[2] ?? "")?.[1] };
    }
    if (!CANDIDATE.test(line)) continue;
    const marker = MARKER.exec(line);
    if (marker === null) {
      bad(lineNumber, { kind: "malformed" });
      break;
    }
    const name = marker[2] ?? "";
    if (marker[1] === "begin") {
      if (open !== undefined) {
        bad(lineNumber, { kind: "nested", open: open.name, line: open.line });
        break;
      }
      if (name !== "" && !names.includes(name)) {
        const suggestion = didYouMean(name, names);
        bad(lineNumber, suggestion === undefined ? { kind: "unknown", name, known: [...names] } : { kind: "unknown", name, known: [...names], suggestion });
      }
      open = { name, line: lineNumber, start: (match.index ?? 0) + raw.length, eol: eol === "" ? "\n" : eol, under };
      continue;
    }
    if (open === undefined) {
      bad(lineNumber, { kind: "unopened" });
      break;
    }
    if (name !== "" && name !== open.name) {
      bad(lineNumber, { kind: "mismatched", name, open: open.name, line: open.line });
      break;
    }
    blocks.push({ ...open, end: match.index ?? 0 });
    open = undefined;
  }
  if (problems.length === 0 && open !== undefined) bad(open.line, { kind: "unclosed", name: open.name });
  if (problems.length === 0 && blocks.length === 0) problems.push(makeFinding("docs-no-markers", "error", { file, names: [...names] }, { file }));
  if (problems.length > 0) throw new SparkportInputError(problems);
  return blocks;
}

/** A block's content: its lines between blank lines, so Markdown reads the tables apart from the markers. */
const content = (lines: readonly string[], eol: string): string => `${eol}${lines.join(eol)}${eol}${eol}`;

const lineCount = (text: string): number => (text.match(/\n/g) ?? []).length;

/** Every block of the file filled from the registry, and where each differed; the bytes around them untouched. */
export function fillDocument(text: string, file: string, rendering: DocsRendering): FilledDocument {
  const blocks = findBlocks(text, file, rendering.names);
  const parts: string[] = [];
  const filled: FilledBlock[] = [];
  let at = 0;
  for (const block of blocks) {
    const expected = content(rendering.block(block.name, block.under) ?? [], block.eol);
    const actual = text.slice(block.start, block.end);
    parts.push(text.slice(at, block.start), expected);
    at = block.end;
    filled.push({ name: block.name, line: block.line, differsAt: actual === expected ? undefined : block.line + 1 + sameLines(actual, expected) });
  }
  parts.push(text.slice(at));
  return { text: parts.join(""), blocks: filled };
}

/** How many whole lines two texts share at their start. */
function sameLines(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return lineCount(a.slice(0, i));
}
