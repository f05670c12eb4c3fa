import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { crc32 } from "node:zlib";
import { cacheFolder } from "../io/cache-folder.js";
import type { PositionTable } from "./cached-source-map.js";
import type { PathSegment } from "./source-map.js";
import type { RegistryData } from "./schema.js";

/**
 * A registry already validated by this build, for exactly these bytes at this path: a hit spares
 * loading the YAML parser and the schema, most of what a `check` costs beyond Node's start.
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

const FORMAT = 3;

interface Header {
  format: number;
  build: string;
  path: string;
  /** Lengths of the registry's bytes, the data's JSON and the position tree's JSON, in that order after the header. */
  bytes: number;
  data: number;
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

/**
 * The entry's bytes: the CRC-32 of the rest (4 bytes), a JSON header line, the registry's own bytes, the data, the positions.
 * The CRC starts from the folder's seed, so an entry whose CRC was merely recomputed (by a tool, or over garbage) is no entry.
 */
export function encodeEntry(build: string, absolutePath: string, bytes: Uint8Array, data: RegistryData, positions: PositionTable, seed = 0): Buffer {
  const json = Buffer.from(JSON.stringify(data));
  const tree = Buffer.from(JSON.stringify(positions ?? null));
  const header: Header = { format: FORMAT, build, path: absolutePath, bytes: bytes.length, data: json.length, positions: tree.length, bare: barePaths(data) };
  const body = Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), bytes, json, tree]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32LE(crc32(body, seed));
  return Buffer.concat([sum, body]);
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
 * The entry, when its checksum holds and it was written by this build for this path and exactly
 * these bytes; undefined for anything else, a torn, garbled or foreign file included.
 */
export function decodeEntry(entry: Buffer, build: string, absolutePath: string, bytes: Uint8Array, seed = 0): CachedRegistry | undefined {
  if (entry.length < 4 || entry.readUInt32LE(0) !== crc32(entry.subarray(4), seed)) return undefined;
  const body = entry.subarray(4);
  const newline = body.indexOf(10);
  if (newline < 0) return undefined;
  let header: unknown;
  let data: RegistryData;
  try {
    header = JSON.parse(body.toString("utf8", 0, newline));
    if (!isHeader(header) || header.build !== build || header.path !== absolutePath || header.bytes !== bytes.length) return undefined;
    const dataStart = newline + 1 + header.bytes;
    const positionsStart = dataStart + header.data;
    if (positionsStart + header.positions !== body.length || !body.subarray(newline + 1, dataStart).equals(bytes)) return undefined;
    // Written by this same build from data its schema had just validated, and checksummed since.
    data = JSON.parse(body.toString("utf8", dataStart, positionsStart)) as RegistryData;
    for (const path of header.bare) restoreBare(data, path);
    const tree = body.subarray(positionsStart);
    return { data, positions: () => (JSON.parse(tree.toString("utf8")) as PositionTable | null) ?? undefined };
  } catch {
    return undefined;
  }
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

/** The folder's seed, 4 random bytes made by the first entry's writer; undefined when there is none, or it is damaged. */
function readSeed(file: string): number | undefined {
  try {
    const bytes = readFileSync(file);
    return bytes.length === 4 ? bytes.readUInt32LE(0) : undefined;
  } catch {
    return undefined;
  }
}

function makeSeed(file: string): number | undefined {
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    rmSync(file, { force: true });
    // Exclusive: of two runs making one at once, both use the one that was made.
    writeFileSync(file, crypto.getRandomValues(new Uint8Array(4)), { flag: "wx", mode: 0o600 });
  } catch {
    // Another run's seed, or a folder that cannot be written: read what is there.
  }
  return readSeed(file);
}

/** The registry cache in a private folder (the caller makes sure it is the user's own): one entry per registry path. */
export function fileRegistryCache(dir: string, build: string): RegistryCache {
  const folder = cacheFolder(dir, "registry", build);
  // Beside the folder, not in it: the folder holds entries only. Its parent is as private (user-cache-dir.cts).
  const seedFile = path.join(path.dirname(dir), `${path.basename(dir)}.seed`);
  // A file name, not a secret: the header holds the whole path.
  const keyOf = (absolutePath: string) => crc32(absolutePath).toString(16).padStart(8, "0");
  return {
    get(absolutePath, bytes) {
      const seed = readSeed(seedFile);
      const entry = seed === undefined ? undefined : folder.read(keyOf(absolutePath));
      return entry === undefined ? undefined : decodeEntry(entry, build, absolutePath, bytes, seed);
    },
    put(absolutePath, bytes, data, positions) {
      const seed = readSeed(seedFile) ?? makeSeed(seedFile);
      if (seed !== undefined) folder.write(keyOf(absolutePath), encodeEntry(build, absolutePath, bytes, data, positions, seed));
    },
  };
}
