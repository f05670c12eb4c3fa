import { isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node } from "yaml";
import type { Location } from "../findings/finding.js";
import { formatPath, type PathSegment, type SourceMap } from "./source-map.js";

/** file:line:column of an offset in the file, with the path it names when one is given. */
export function locationAt(file: string, lines: LineCounter, offset: number, path?: readonly PathSegment[]): Location {
  const { line, col } = lines.linePos(offset);
  const location: Location = { file, line, column: col };
  if (path !== undefined && path.length > 0) location.path = formatPath(path);
  return location;
}

/**
 * A SourceMap over a parsed yaml Document. `offset` is where the document's
 * text starts in the file, for a document parsed from a slice of it.
 */
export class DocumentSourceMap implements SourceMap {
  constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
    private readonly offset = 0,
  ) {}

  /** Location of the value at `path`, or of the nearest ancestor that exists. */
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

  /** Location of the key `key` inside the mapping at `path` (for unknown keys). */
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
    return locationAt(this.file, this.lines, offset + this.offset, path);
  }

  /** The node at `path`, for callers that look further than a location. */
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
