import { isMap, isNode, isScalar, parseDocument } from "yaml";
import type { Location } from "../findings/finding.js";
import type { TextPosition } from "../util/text-position.js";
import { formatPath, locationAt, type PathSegment, type SourceMap } from "./source-map.js";
import type { Chunk, Section } from "./split-registry.js";
import { DocumentSourceMap, sameRegistryKey } from "./yaml-source.js";

/** A few numbers per item: enough to locate findings about `services[3].port` without parsing again. */
export interface ItemIndex {
  start: number;
  keys: readonly string[];
  keyAt: readonly number[];
  /** -1 for an empty value (`test:`): it is located at its key, as DocumentSourceMap does. */
  valueAt: readonly number[];
}

export function indexItem(node: unknown, offset: number, shapes: Map<string, readonly string[]>): ItemIndex {
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

/** Keeps no parse trees: deeper paths re-parse one item (the last few are kept), so memory stays near the text's size. */
export class ChunkedSourceMap implements SourceMap {
  private readonly recent = new Map<Chunk, DocumentSourceMap>();

  constructor(
    readonly file: string,
    private readonly text: string,
    private readonly position: TextPosition,
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
    return locationAt(this.file, this.position, offset, path);
  }

  /** The whole parse falls back to the sequence for its own path or an item past its end: where the sequence starts. */
  private splitValueStart(path: readonly PathSegment[]): number | undefined {
    const [key, position] = path;
    const section = this.sections.find((s) => s.key === key);
    if (section?.valueStart === undefined) return undefined;
    if (path.length === 1) return section.valueStart;
    const outside = typeof position !== "number" || !Number.isInteger(position) || position < 0 || position >= section.itemSpans.length;
    return outside ? section.valueStart : undefined;
  }

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
    const map = new DocumentSourceMap(this.file, doc, this.position, chunk.start);
    if (this.recent.size >= 8) {
      const oldest = this.recent.keys().next().value;
      if (oldest !== undefined) this.recent.delete(oldest);
    }
    this.recent.set(chunk, map);
    return map;
  }
}
