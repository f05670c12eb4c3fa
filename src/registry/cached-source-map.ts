import type { Location } from "../findings/finding.js";
import { textPosition, type TextPosition } from "../util/text-position.js";
import { formatPath, locationAt, locationOf, type PathSegment, type SourceMap } from "./source-map.js";

// `[line, column, children]` per value, plus `nodeLine, nodeColumn` when the node starts elsewhere (an empty value, located
// by its key); a scalar is one number when its column fits. A tree, not a table by path, so items of one shape share keys.
export type PositionNode = number | [number, number, PositionChildren | 0] | [number, number, PositionChildren | 0, number, number];
export type PositionChildren = (PositionNode | null)[] | { [key: string]: PositionNode };
/** Undefined for a torn cache entry. */
export type PositionTable = PositionNode | undefined;

const COLUMNS = 4096;

export function scalarPosition(line: number, column: number): PositionNode {
  return column < COLUMNS ? line * COLUMNS + column : [line, column, 0];
}

/** Anything this build did not write (a foreign or damaged tree) is no position. */
function isPositionNode(value: unknown): value is PositionNode {
  return (typeof value === "number" && Number.isSafeInteger(value)) || (Array.isArray(value) && typeof value[0] === "number" && typeof value[1] === "number");
}

function positionsOf(node: PositionNode): { at: [number, number]; start: [number, number] } {
  if (typeof node === "number") {
    const at: [number, number] = [Math.floor(node / COLUMNS), node % COLUMNS];
    return { at, start: at };
  }
  return { at: [node[0], node[1]], start: [node[3] ?? node[0], node[4] ?? node[1]] };
}

function childOf(node: PositionNode, segment: PathSegment): PositionNode | undefined {
  const children: unknown = typeof node === "number" ? 0 : node[2];
  if (typeof children !== "object" || children === null) return undefined;
  const child: unknown = Array.isArray(children) ? (typeof segment === "number" ? children[segment] : undefined) : Object.hasOwn(children, String(segment)) ? Reflect.get(children, String(segment)) : undefined;
  return isPositionNode(child) ? child : undefined;
}

/** Answers as the parsed document would, without loading yaml. Only valid registries are cached, so keyAt answers as at. */
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
