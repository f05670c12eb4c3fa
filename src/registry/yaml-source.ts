import { isMap, isPair, isScalar, isSeq, type Document, type Node } from "yaml";
import type { Location } from "../findings/finding.js";
import { scalarPosition, type PositionChildren, type PositionNode } from "./cached-source-map.js";
import type { TextPosition } from "../util/text-position.js";
import { formatPath, locationAt, type PathSegment, type SourceMap } from "./source-map.js";

/** `offset` is where the document's text starts in the file, for a document parsed from a slice of it. */
export class DocumentSourceMap implements SourceMap {
  constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly position: TextPosition,
    private readonly offset = 0,
  ) {}

  /** Falls back to the nearest ancestor that exists. */
  at(path: readonly PathSegment[]): Location {
    // `test:` with no value: yaml places the empty scalar after the colon; point at the key.
    const last = path.at(-1);
    const exact = this.nodeAt(path);
    if (typeof last === "string" && isScalar(exact) && exact.value === null && exact.source === "") return this.keyAt(path.slice(0, -1), last);
    for (let n = path.length; n >= 0; n -= 1) {
      const node = this.nodeAt(path.slice(0, n));
      if (node?.range) return this.offsetLocation(node.range[0], path);
    }
    return { file: this.file, path: formatPath(path) };
  }

  keyAt(path: readonly PathSegment[], key: string): Location {
    const map = this.nodeAt(path);
    if (isMap(map)) {
      for (const pair of map.items) {
        if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) {
          return this.offsetLocation(pair.key.range[0], [...path, key]);
        }
      }
    }
    return this.at([...path, key]);
  }

  offsetLocation(offset: number, path?: readonly PathSegment[]): Location {
    return locationAt(this.file, this.position, offset + this.offset, path);
  }

  nodeAt(path: readonly PathSegment[]): Node | undefined {
    let node: unknown = this.doc.contents;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        node = pair?.value;
      } else if (isSeq(node) && typeof segment === "number") {
        node = node.items[segment];
      } else {
        return undefined;
      }
    }
    return isNodeLike(node) ? node : undefined;
  }
}

function isNodeLike(value: unknown): value is Node {
  return isMap(value) || isSeq(value) || isScalar(value);
}

/** `1` and "1" are one key to the data (its keys are strings): the second would silently replace the first. */
export function sameRegistryKey(a: unknown, b: unknown): boolean {
  return a === b || (isScalar(a) && isScalar(b) && String(a.value) === String(b.value));
}

// Answers what DocumentSourceMap.at would for every path below `node`, in one walk; an alias or missing node is
// undefined, passed over to the nearest ancestor as DocumentSourceMap does.
export function positionTree(position: TextPosition, node: unknown, path: readonly PathSegment[], key: unknown, offset: number): PositionNode | undefined {
  if (!isNodeLike(node) || !node.range) return undefined;
  let children: PositionChildren | 0 = 0;
  if (isMap(node)) {
    const byKey: Record<string, PositionNode> = Object.create(null) as Record<string, PositionNode>;
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      const child = positionTree(position, pair.value, [...path, name], pair.key, offset);
      // The first pair of a key, as DocumentSourceMap finds it.
      if (child !== undefined && !Object.hasOwn(byKey, name)) byKey[name] = child;
    }
    children = byKey;
  } else if (isSeq(node)) {
    children = node.items.map((item, i) => positionTree(position, item, [...path, i], undefined, offset) ?? null);
  }
  const start = position(node.range[0] + offset);
  // `test:` with no value: the location is the key's (see DocumentSourceMap.at); the node is still where yaml put it.
  const keyStart = typeof path.at(-1) === "string" && isScalar(node) && node.value === null && node.source === "" && isScalar(key) ? key.range?.[0] : undefined;
  if (keyStart === undefined) return children === 0 ? scalarPosition(start.line, start.column) : [start.line, start.column, children];
  const at = position(keyStart + offset);
  return [at.line, at.column, children, start.line, start.column];
}
