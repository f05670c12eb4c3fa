import type { Location } from "../findings/finding.js";
import { formatPath, type PathSegment, type SourceMap } from "./source-map.js";

/**
 * Where every value of a valid registry sits, keyed by its path
 * (`services[3].port`): `[line, column]`, the answer of the parsed
 * document's `at(path)`, then `[nodeLine, nodeColumn]` when the node itself
 * starts elsewhere (an empty value, which `at` points at by its key). A path
 * the table lacks resolves, as in the document, to the nearest ancestor's node.
 */
export type PositionTable = Record<string, number[]>;

/** Every path in `data`, the root first, parents before children. */
function* valuePaths(value: unknown, path: PathSegment[] = []): Generator<PathSegment[]> {
  yield path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) yield* valuePaths(value[i], [...path, i]);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) yield* valuePaths(child, [...path, key]);
  }
}

/** A key no document can hold: asking for it gives the location of the node at its parent path. */
const NO_KEY = "\u0000";

export function buildPositionTable(data: unknown, source: SourceMap): PositionTable {
  const table: PositionTable = Object.create(null) as PositionTable;
  for (const path of valuePaths(data)) {
    const at = source.at(path);
    const node = source.at([...path, NO_KEY]);
    if (at.line === undefined || at.column === undefined || node.line === undefined || node.column === undefined) continue;
    table[formatPath(path)] = at.line === node.line && at.column === node.column ? [at.line, at.column] : [at.line, at.column, node.line, node.column];
  }
  return table;
}

/**
 * The source map of a registry read from the cache: the same answers as the
 * parsed document's for every value path and anything below one, without
 * loading the YAML parser. Only valid registries are cached, so `keyAt`
 * (asked for unknown keys) never has an unknown key to find and answers as
 * `at` does.
 */
export class CachedSourceMap implements SourceMap {
  private table: PositionTable | undefined;
  private lineStarts: number[] | undefined;

  constructor(
    readonly file: string,
    private readonly text: string,
    private readonly loadTable: () => PositionTable,
  ) {}

  at(path: readonly PathSegment[]): Location {
    const table = (this.table ??= this.loadTable());
    const exact = table[formatPath(path)];
    if (exact !== undefined) return this.location(exact[0], exact[1], path);
    for (let n = path.length - 1; n >= 0; n -= 1) {
      const ancestor = table[formatPath(path.slice(0, n))];
      if (ancestor !== undefined) return this.location(ancestor[2] ?? ancestor[0], ancestor[3] ?? ancestor[1], path);
    }
    return { file: this.file, path: formatPath(path) };
  }

  keyAt(path: readonly PathSegment[], key: string): Location {
    return this.at([...path, key]);
  }

  offsetLocation(offset: number, path?: readonly PathSegment[]): Location {
    const starts = (this.lineStarts ??= lineStarts(this.text));
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid + 1;
      else high = mid;
    }
    return this.location(low, offset - (starts[low - 1] ?? 0) + 1, path);
  }

  private location(line: number | undefined, column: number | undefined, path?: readonly PathSegment[]): Location {
    const location: Location = { file: this.file, line, column };
    if (path !== undefined && path.length > 0) location.path = formatPath(path);
    return location;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}
