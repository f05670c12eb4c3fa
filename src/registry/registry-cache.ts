import type { PositionTable } from "./cached-source-map.js";
import type { PathSegment } from "./source-map.js";
import type { RegistryData } from "./schema.js";

/**
 * A registry already validated by this build, for exactly these bytes at
 * this path. `check` runs before every service start: reading the YAML and
 * validating it is most of its cost, and the registry rarely changes between
 * two runs.
 */
export interface CachedRegistry {
  data: RegistryData;
  /** Parsed when first asked (CachedSourceMap asks once): most runs never report a location. */
  positions: () => PositionTable;
}

export interface RegistryCache {
  get(absolutePath: string, bytes: Uint8Array): CachedRegistry | undefined;
  /** Best effort: a cache that cannot be written is only slower. */
  put(absolutePath: string, bytes: Uint8Array, data: RegistryData, positions: PositionTable): void;
}

const FORMAT = 2;

interface Header {
  format: number;
  build: string;
  path: string;
  /** Length of the registry's bytes, stored after the header line to be compared whole. */
  bytes: number;
  /** Length of the data's JSON, after them. */
  data: number;
  /** Length of the position tree's JSON, after that: the entry ends there, or it is torn. */
  positions: number;
  /** Paths of the objects without a prototype (the schema's records), which JSON cannot say. */
  bare: PathSegment[][];
}

function barePaths(value: unknown, path: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  if (Array.isArray(value)) value.forEach((item: unknown, i) => barePaths(item, [...path, i], out));
  else if (typeof value === "object" && value !== null) {
    if (Object.getPrototypeOf(value) === null) out.push(path);
    for (const [key, child] of Object.entries(value)) barePaths(child, [...path, key], out);
  }
  return out;
}

/** The cache entry's bytes: a JSON header line, the registry's own bytes, the data, the positions. */
export function encodeEntry(build: string, absolutePath: string, bytes: Uint8Array, data: RegistryData, positions: PositionTable): Uint8Array[] {
  const json = Buffer.from(JSON.stringify(data));
  const tree = Buffer.from(JSON.stringify(positions ?? null));
  const header: Header = { format: FORMAT, build, path: absolutePath, bytes: bytes.length, data: json.length, positions: tree.length, bare: barePaths(data) };
  return [Buffer.from(`${JSON.stringify(header)}\n`), bytes, json, tree];
}

function isHeader(value: unknown): value is Header {
  if (typeof value !== "object" || value === null) return false;
  const h: Partial<Record<keyof Header, unknown>> = value;
  return (
    h.format === FORMAT &&
    typeof h.build === "string" &&
    typeof h.path === "string" &&
    Number.isSafeInteger(h.bytes) &&
    Number.isSafeInteger(h.data) &&
    Number.isSafeInteger(h.positions) &&
    Array.isArray(h.bare) &&
    h.bare.every((p) => Array.isArray(p) && p.every((s) => typeof s === "string" || typeof s === "number"))
  );
}

/**
 * The entry, when it was written by this build for this path and holds
 * exactly these bytes; undefined for anything else, a torn or foreign file
 * included.
 */
export function decodeEntry(entry: Buffer, build: string, absolutePath: string, bytes: Uint8Array): CachedRegistry | undefined {
  const newline = entry.indexOf(10);
  if (newline < 0) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(entry.toString("utf8", 0, newline));
  } catch {
    return undefined;
  }
  if (!isHeader(header) || header.build !== build || header.path !== absolutePath || header.bytes !== bytes.length) return undefined;
  const dataStart = newline + 1 + header.bytes;
  const positionsStart = dataStart + header.data;
  // Exactly as long as the header says: a write cut short (a full disk) is no entry.
  if (positionsStart + header.positions !== entry.length || !entry.subarray(newline + 1, dataStart).equals(bytes)) return undefined;
  let data: RegistryData;
  try {
    // Written by this same build (the header says so) from data its schema had just validated:
    // checking it again would cost what the cache saves.
    data = JSON.parse(entry.toString("utf8", dataStart, positionsStart)) as RegistryData;
  } catch {
    return undefined;
  }
  for (const path of header.bare) restoreBare(data, path);
  const positions = (): PositionTable => {
    try {
      // Written by this build from the parse's own tree, as the data was.
      return (JSON.parse(entry.toString("utf8", positionsStart)) as PositionTable | null) ?? undefined;
    } catch {
      // Not this build's JSON after all: locations fall back to the file alone.
      return undefined;
    }
  };
  return { data, positions };
}

/** Put a record back on a null prototype, as the schema made it: `nodes.constructor` stays undeclared. */
function restoreBare(root: unknown, path: readonly PathSegment[]): void {
  if (path.length === 0) return;
  let parent: unknown = root;
  for (const segment of path.slice(0, -1)) parent = typeof parent === "object" && parent !== null ? Reflect.get(parent, segment) : undefined;
  const key = path.at(-1);
  if (typeof parent !== "object" || parent === null || key === undefined) return;
  const value: unknown = Reflect.get(parent, key);
  if (typeof value === "object" && value !== null) Reflect.set(parent, key, Object.assign(Object.create(null) as object, value));
}
