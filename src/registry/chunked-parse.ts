import { isMap, isNode, isScalar, isSeq, parseDocument, visit, type Document } from "yaml";
import type { Location } from "../findings/finding.js";
import { formatPath, linePositionsOf, locationAt, type LinePositions, type PathSegment, type SourceMap } from "./source-map.js";
import { DocumentSourceMap, positionTree, sameRegistryKey } from "./yaml-source.js";
import type { PositionNode, PositionTable } from "./cached-source-map.js";

/**
 * Below this size a registry is parsed as one document. yaml's parse tree of
 * a document costs about a hundred times its text in memory while it is
 * built; a 10,000-service registry (1 MB) would take 130 MB at once.
 */
export const CHUNKED_PARSE_MIN_BYTES = 256 * 1024;

/** Sequence items parsed together: small enough to keep each parse tree small. */
const ITEMS_PER_GROUP = 50;

/** A piece of the file parsed on its own: a top-level key with its value, an item, or a run of items of a top-level sequence. */
interface Chunk {
  start: number;
  end: number;
}

interface Section {
  key: string;
  /** The whole `key: value` text, or only its `key:` line when the value is split into item runs. */
  head: Chunk;
  /** Runs of items, parsed together. */
  items: Chunk[];
  /** Each item's own text, for a lookup the index cannot answer. */
  itemSpans: Chunk[];
  /** Where a split sequence starts (its first `-`): the location of the section's value. */
  valueStart?: number;
}

const TOP_KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]|$)/;

/** Whitespace to JavaScript's \s and trim() that YAML does not count as such. */
const OTHER_WHITESPACE = /[\f\v\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/**
 * Top-level `key:` sections of plain block YAML, with each large block
 * sequence cut into runs of items, or undefined when the text uses anything
 * that makes cutting it unsafe (anchors and aliases, tags, directives,
 * several documents, tabs in indentation, flow collections or scalars that
 * start at column 0, a key twice, `__proto__`, a lone CR or whitespace
 * other than space and tab, which JavaScript and YAML see differently). Then
 * the caller parses the whole text. Anchors and aliases are refused per piece
 * (parseChunked), since one piece cannot see another's anchors.
 */
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

/**
 * A column-0 line that is not a comment, blank, or an item of an indentless
 * sequence (`services:` then `- a`): the next top-level key, or something
 * this splitter does not handle.
 */
function startsTopLevel(line: string): boolean {
  return line !== "" && !/^[ \t#]/.test(line) && !/^-(?: |$)/.test(line);
}

/**
 * The start offsets of a block sequence's items, given the lines of a
 * top-level value; undefined when the value is not a block sequence, null
 * when it is one this splitter cannot cut safely.
 */
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

export interface ChunkedParse {
  data: Record<string, unknown>;
  source: SourceMap;
  /** When asked for: the position tree (cached-source-map.ts), built from the pieces as they are parsed. */
  positions?: PositionTable;
}

/**
 * Parse `text` piece by piece (see splitRegistry), or undefined when it
 * cannot be cut or any piece has a problem: the caller then parses it whole,
 * which also words the errors.
 */
export function parseChunked(text: string, file: string, sections: readonly Section[], withPositions = false): ChunkedParse | undefined {
  const lines = linePositionsOf(text);
  const data: Record<string, unknown> = {};
  const index: ItemIndex[] = [];
  const shapes = new Map<string, readonly string[]>();
  const top: Record<string, PositionNode> = Object.create(null) as Record<string, PositionNode>;
  let root: PositionTable;
  for (const section of sections) {
    const head = parseSlice(text, section.head);
    const value: unknown = head === undefined ? undefined : toJS(head);
    // The piece must hold exactly its own key: anything else means the cut was wrong.
    if (typeof value !== "object" || value === null || Object.keys(value).join("\u0000") !== section.key) return undefined;
    let own: unknown = Object.getOwnPropertyDescriptor(value, section.key)?.value;
    const sectionNode = withPositions && head !== undefined ? headPositions(lines, head, section) : undefined;
    if (sectionNode !== undefined) top[section.key] = sectionNode;
    if (withPositions && root === undefined && head !== undefined && isMap(head.contents) && head.contents.range) {
      // The whole document's mapping starts where the first section's does.
      const { line, col } = lines.linePos(head.contents.range[0] + section.head.start);
      root = [line, col, top];
    }
    if (section.items.length > 0) {
      const all: unknown[] = [];
      for (const group of section.items) {
        const doc = parseSlice(text, group);
        const items: unknown = doc === undefined ? undefined : toJS(doc);
        if (doc === undefined || !Array.isArray(items) || !isSeq(doc.contents)) return undefined;
        const itemNodes = typeof sectionNode === "object" ? sectionNode[2] : undefined;
        if (Array.isArray(itemNodes)) doc.contents.items.forEach((node, k) => itemNodes.push(positionTree(lines, node, [section.key, all.length + k], undefined, group.start) ?? null));
        for (const item of items) all.push(item);
        for (const node of doc.contents.items) index.push(indexItem(node, group.start, shapes));
      }
      own = all;
    }
    data[section.key] = own;
  }
  const source = new ChunkedSourceMap(file, text, lines, sections, index);
  return withPositions ? { data, source, positions: root } : { data, source };
}

/**
 * A section's node in the position tree: its key's value with everything
 * below it, or, for a split sequence, where the sequence starts, with its
 * items to be added piece by piece.
 */
function headPositions(lines: LinePositions, head: Document, section: Section): PositionNode | undefined {
  if (section.valueStart !== undefined) {
    const { line, col } = lines.linePos(section.valueStart);
    return [line, col, []];
  }
  const pair = isMap(head.contents) ? head.contents.items[0] : undefined;
  return pair === undefined ? undefined : positionTree(lines, pair.value, [section.key], pair.key, section.head.start);
}

/**
 * Where an item of a split sequence and its top-level keys and values start,
 * in a few numbers per item: enough for the locations of findings about
 * services (`services[3].port`) without parsing anything again.
 */
interface ItemIndex {
  start: number;
  keys: readonly string[];
  keyAt: readonly number[];
  /** -1 where a value is empty (`test:`): its location is its key's, as DocumentSourceMap words it. */
  valueAt: readonly number[];
}

function indexItem(node: unknown, offset: number, shapes: Map<string, readonly string[]>): ItemIndex {
  const start = isNode(node) && node.range ? node.range[0] + offset : offset;
  if (!isMap(node)) return { start, keys: [], keyAt: [], valueAt: [] };
  const keys: string[] = [];
  const keyAt: number[] = [];
  const valueAt: number[] = [];
  for (const pair of node.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    keys.push(String(pair.key.value));
    keyAt.push(pair.key.range[0] + offset);
    const value = pair.value;
    const empty = isScalar(value) && value.value === null && value.source === "";
    valueAt.push(!empty && isNode(value) && value.range ? value.range[0] + offset : -1);
  }
  // Items of one registry share a handful of key lists: keep one copy of each.
  const joined = keys.join("\u0000");
  const shape = shapes.get(joined) ?? keys;
  shapes.set(joined, shape);
  return { start, keys: shape, keyAt, valueAt };
}

/**
 * A slice parsed as a document of its own; undefined when yaml reports any
 * problem in it, or it has an anchor or alias (which the whole document may
 * resolve across pieces, and whose expansion the whole parse limits).
 */
function parseSlice(text: string, chunk: Chunk): Document | undefined {
  const slice = text.slice(chunk.start, chunk.end);
  const doc = parseDocument(slice, { uniqueKeys: sameRegistryKey, prettyErrors: false, logLevel: "silent" });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  // Without a & or * anywhere in the text there is no anchor or alias to look for.
  if (!slice.includes("&") && !slice.includes("*")) return doc;
  let referenced = false;
  visit(doc, {
    Alias: () => {
      referenced = true;
      return visit.BREAK;
    },
    Node: (_, node) => {
      if (node.anchor === undefined) return undefined;
      referenced = true;
      return visit.BREAK;
    },
  });
  return referenced ? undefined : doc;
}

/** The piece's data, or undefined when yaml cannot give it. */
function toJS(doc: Document): unknown {
  try {
    return doc.toJS();
  } catch {
    return undefined;
  }
}

/**
 * The SourceMap of a chunked parse. It keeps no parse trees: an item's own
 * keys are answered from the index; anything deeper parses that one item
 * again (the last few are kept), so memory stays near the size of the text.
 */
class ChunkedSourceMap implements SourceMap {
  private readonly recent = new Map<Chunk, DocumentSourceMap>();

  constructor(
    readonly file: string,
    private readonly text: string,
    private readonly lines: LinePositions,
    private readonly sections: readonly Section[],
    private readonly index: readonly ItemIndex[],
  ) {}

  at(path: readonly PathSegment[]): Location {
    const split = this.splitValueStart(path);
    if (split !== undefined) return this.offsetLocation(split, path);
    const item = this.item(path);
    if (item !== undefined && path.length === 2) return this.offsetLocation(item.start, path);
    const key = path[2];
    const k = item !== undefined && path.length === 3 && typeof key === "string" ? item.keys.indexOf(key) : -1;
    if (item !== undefined && k >= 0) {
      const value = item.valueAt[k] ?? -1;
      return this.offsetLocation(value >= 0 ? value : (item.keyAt[k] ?? item.start), path);
    }
    // A key the item does not have: the nearest ancestor that exists is the item.
    if (item !== undefined && path.length === 3 && typeof key === "string") return this.offsetLocation(item.start, path);
    return this.delegate(path, (map, inner) => map.at(inner));
  }

  keyAt(path: readonly PathSegment[], key: string): Location {
    const split = this.splitValueStart([...path, key]);
    if (split !== undefined) return this.offsetLocation(split, [...path, key]);
    const item = this.item(path);
    const k = item !== undefined && path.length === 2 ? item.keys.indexOf(key) : -1;
    if (item !== undefined && k >= 0) return this.offsetLocation(item.keyAt[k] ?? item.start, [...path, key]);
    if (item !== undefined && path.length === 2) return this.offsetLocation(item.start, [...path, key]);
    return this.delegate([...path, key], (map, inner) => map.keyAt(inner.slice(0, -1), key));
  }

  offsetLocation(offset: number, path?: readonly PathSegment[]): Location {
    return locationAt(this.file, this.lines, offset, path);
  }

  /**
   * For a split sequence's own path, or an item number past its end (the
   * whole parse falls back to the nearest node that exists: the sequence),
   * where the sequence starts.
   */
  private splitValueStart(path: readonly PathSegment[]): number | undefined {
    const [key, position] = path;
    const section = this.sections.find((s) => s.key === key);
    if (section?.valueStart === undefined) return undefined;
    if (path.length === 1) return section.valueStart;
    const outside = typeof position !== "number" || !Number.isInteger(position) || position < 0 || position >= section.itemSpans.length;
    return outside ? section.valueStart : undefined;
  }

  /** The index entry of `path`'s item, when path starts with a split section's key and an item number. */
  private item(path: readonly PathSegment[]): ItemIndex | undefined {
    const [key, position] = path;
    if (typeof position !== "number") return undefined;
    let base = 0;
    for (const section of this.sections) {
      if (section.key === key) return position >= 0 && position < section.itemSpans.length ? this.index[base + position] : undefined;
      base += section.itemSpans.length;
    }
    return undefined;
  }

  private delegate(path: readonly PathSegment[], look: (map: DocumentSourceMap, inner: readonly PathSegment[]) => Location): Location {
    const [key, position] = path;
    const section = this.sections.find((s) => s.key === key) ?? this.sections[0];
    if (section === undefined) return this.offsetLocation(0, path);
    const span = typeof position === "number" ? section.itemSpans[position] : undefined;
    const location =
      span === undefined ? look(this.mapOf(section.head), key === section.key ? path : []) : look(this.mapOf(span), [0, ...path.slice(2)]);
    if (path.length > 0) location.path = formatPath(path);
    return location;
  }

  private mapOf(chunk: Chunk): DocumentSourceMap {
    const known = this.recent.get(chunk);
    if (known !== undefined) return known;
    const doc = parseDocument(this.text.slice(chunk.start, chunk.end), { uniqueKeys: sameRegistryKey, prettyErrors: false });
    const map = new DocumentSourceMap(this.file, doc, this.lines, chunk.start);
    if (this.recent.size >= 8) {
      const oldest = this.recent.keys().next().value;
      if (oldest !== undefined) this.recent.delete(oldest);
    }
    this.recent.set(chunk, map);
    return map;
  }
}
