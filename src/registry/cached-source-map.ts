import type { Location } from "../findings/finding.js";
import { textPosition, type TextPosition } from "../util/text-position.js";
import { formatPath, locationAt, locationOf, type PathSegment, type SourceMap } from "./source-map.js";

/**
 * Where every value of a valid registry sits, as a tree shaped like the data: `[line, column, children]` (the
 * document's `at(path)`; children an array, an object, or 0 for a scalar), then `nodeLine, nodeColumn` when the
 * node starts elsewhere (an empty value, located by its key). A scalar, most of the nodes, is one number when its
 * column allows. A path the tree lacks resolves to the nearest ancestor, as in the document. A tree rather than a
 * table keyed by path, so items of one shape share their keys.
 */
export type PositionNode = number | [number, number, PositionChildren | 0] | [number, number, PositionChildren | 0, number, number];
export type PositionChildren = (PositionNode | null)[] | { [key: string]: PositionNode };
/** The root's node; undefined when nothing is known (a torn cache entry). */
export type PositionTable = PositionNode | undefined;

const COLUMNS = 4096;

/** A scalar's node: one number when the column fits, the array form otherwise. */
export function scalarPosition(line: number, column: number): PositionNode {
  return column < COLUMNS ? line * COLUMNS + column : [line, column, 0];
}

/** A node as this build writes them; anything else (a foreign or damaged tree) is no position. */
function isPositionNode(value: unknown): value is PositionNode {
  return (typeof value === "number" && Number.isSafeInteger(value)) || (Array.isArray(value) && typeof value[0] === "number" && typeof value[1] === "number");
}

/** [line, column] of at(path) for the node, then where the node itself starts. */
function positionsOf(node: PositionNode): { at: [number, number]; start: [number, number] } {
  if (typeof node === "number") {
    const at: [number, number] = [Math.floor(node / COLUMNS), node % COLUMNS];
    return { at, start: at };
  }
  return { at: [node[0], node[1]], start: [node[3] ?? node[0], node[4] ?? node[1]] };
}

/** The child at `segment`, if the tree has one. */
function childOf(node: PositionNode, segment: PathSegment): PositionNode | undefined {
  const children: unknown = typeof node === "number" ? 0 : node[2];
  if (typeof children !== "object" || children === null) return undefined;
  const child: unknown = Array.isArray(children) ? (typeof segment === "number" ? children[segment] : undefined) : Object.hasOwn(children, String(segment)) ? Reflect.get(children, String(segment)) : undefined;
  return isPositionNode(child) ? child : undefined;
}

/**
 * The source map of a registry read from the cache: the same answers as the
 * parsed document's for every value path and anything below one, without
 * loading the YAML parser. Only valid registries are cached, so `keyAt`
 * (asked for unknown keys) never has an unknown key to find and answers as
 * `at` does.
 */
export class CachedSourceMap implements SourceMap {
  private table: PositionTable;
  private loaded = false;
  private position: TextPosition | undefined;

  constructor(
    readonly file: string,
    private readonly text: string,
    private readonly loadTable: () => PositionTable,
  ) {}

  at(path: readonly PathSegment[]): Location {
    if (!this.loaded) {
      this.table = this.loadTable();
      this.loaded = true;
    }
    let node = this.table;
    if (!isPositionNode(node)) return { file: this.file, path: formatPath(path) };
    for (const segment of path) {
      const child = childOf(node, segment);
      // Missing here: the nearest ancestor that exists answers, where its node starts.
      if (child === undefined) {
        const { start } = positionsOf(node);
        return locationOf(this.file, start[0], start[1], path);
      }
      node = child;
    }
    const { at } = positionsOf(node);
    return locationOf(this.file, at[0], at[1], path);
  }

  keyAt(path: readonly PathSegment[], key: string): Location {
    return this.at([...path, key]);
  }

  offsetLocation(offset: number, path?: readonly PathSegment[]): Location {
    return locationAt(this.file, (this.position ??= textPosition(this.text)), offset, path);
  }
}
