import type { Location } from "../findings/finding.js";
import type { TextPosition } from "../util/text-position.js";

export type PathSegment = string | number;

/** `services[3].port` from `["services", 3, "port"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Maps document paths back to file positions, so findings after parsing (schema or lint) name file:line:column. */
export interface SourceMap {
  readonly file: string;
  /** Falls back to the nearest ancestor that exists. */
  at(path: readonly PathSegment[]): Location;
  keyAt(path: readonly PathSegment[], key: string): Location;
  offsetLocation(offset: number, path?: readonly PathSegment[]): Location;
}

export function locationOf(file: string, line: number, column: number, path?: readonly PathSegment[]): Location {
  const location: Location = { file, line, column };
  if (path !== undefined && path.length > 0) location.path = formatPath(path);
  return location;
}

export function locationAt(file: string, position: TextPosition, offset: number, path?: readonly PathSegment[]): Location {
  const { line, column } = position(offset);
  return locationOf(file, line, column, path);
}
