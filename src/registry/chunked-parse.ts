import { isMap, isSeq, parseDocument, visit, type Document } from "yaml";
import { textPosition, type TextPosition } from "../util/text-position.js";
import type { PositionNode, PositionTable } from "./cached-source-map.js";
import { ChunkedSourceMap, indexItem, type ItemIndex } from "./chunked-source-map.js";
import type { SourceMap } from "./source-map.js";
import type { Chunk, Section } from "./split-registry.js";
import { positionTree, sameRegistryKey } from "./yaml-source.js";

/** Smaller registries are parsed whole; yaml's parse tree costs many times its text in memory. */
export const CHUNKED_PARSE_MIN_BYTES = 256 * 1024;

export interface ChunkedParse {
  data: Record<string, unknown>;
  source: SourceMap;
  positions?: PositionTable;
}

/** Undefined when the text cannot be cut or a piece has a problem: the caller then parses it whole, which words errors. */
export function parseChunked(text: string, file: string, sections: readonly Section[], withPositions = false): ChunkedParse | undefined {
  const position = textPosition(text);
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
    const sectionNode = withPositions && head !== undefined ? headPositions(position, head, section) : undefined;
    if (sectionNode !== undefined) top[section.key] = sectionNode;
    if (withPositions && root === undefined && head !== undefined && isMap(head.contents) && head.contents.range) {
      // The whole document's mapping starts where the first section's does.
      const { line, column } = position(head.contents.range[0] + section.head.start);
      root = [line, column, top];
    }
    if (section.items.length > 0) {
      const all: unknown[] = [];
      for (const group of section.items) {
        const doc = parseSlice(text, group);
        const items: unknown = doc === undefined ? undefined : toJS(doc);
        if (doc === undefined || !Array.isArray(items) || !isSeq(doc.contents)) return undefined;
        const itemNodes = typeof sectionNode === "object" ? sectionNode[2] : undefined;
        if (Array.isArray(itemNodes)) doc.contents.items.forEach((node, k) => itemNodes.push(positionTree(position, node, [section.key, all.length + k], undefined, group.start) ?? null));
        for (const item of items) all.push(item);
        for (const node of doc.contents.items) index.push(indexItem(node, group.start, shapes));
      }
      own = all;
    }
    data[section.key] = own;
  }
  const source = new ChunkedSourceMap(file, text, position, sections, index);
  return withPositions ? { data, source, positions: root } : { data, source };
}

/** For a split sequence, only where it starts: its items are added piece by piece. */
function headPositions(position: TextPosition, head: Document, section: Section): PositionNode | undefined {
  if (section.valueStart !== undefined) {
    const { line, column } = position(section.valueStart);
    return [line, column, []];
  }
  const pair = isMap(head.contents) ? head.contents.items[0] : undefined;
  return pair === undefined ? undefined : positionTree(position, pair.value, [section.key], pair.key, section.head.start);
}

/** Undefined on any problem, or an anchor or alias: those may resolve across pieces, and the whole parse limits expansion. */
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

function toJS(doc: Document): unknown {
  try {
    return doc.toJS();
  } catch {
    return undefined;
  }
}
