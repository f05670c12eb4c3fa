import path from "node:path";
import { SparkportInputError } from "../findings/errors.js";
import { makeFinding } from "../findings/finding.js";
import { errorCode, type FileSystem } from "../io/file-system.js";
import { didYouMean } from "../util/did-you-mean.js";
import { bytePosition, firstInvalidUtf8 } from "./utf8.js";
import { CachedSourceMap } from "./cached-source-map.js";
import type { RegistryCache } from "./registry-cache.js";
import type { LoadedRegistry } from "./loaded-registry.js";

/** Every problem becomes a located finding inside a SparkportInputError, so the CLI exits 2 with file:line:column. */
export async function loadRegistry(absolutePath: string, file: string, fs: FileSystem, cache?: RegistryCache): Promise<LoadedRegistry> {
  const bytes = await readBytes(absolutePath, file, fs);
  const cached = cache?.get(absolutePath, bytes);
  if (cached !== undefined) {
    // The very bytes this build validated before: no UTF-8 check, no YAML, no schema.
    const text = new TextDecoder("utf-8").decode(bytes);
    return { file, absolutePath, text, data: cached.data, source: new CachedSourceMap(file, text, cached.positions) };
  }
  const text = decode(bytes, file);
  const { parseRegistry } = await import("./parse-registry.js");
  const { positions, ...loaded } = parseRegistry(text, file, absolutePath, { positions: cache !== undefined });
  if (positions !== undefined) cache?.put(absolutePath, bytes, loaded.data, positions);
  return loaded;
}

async function readBytes(absolutePath: string, file: string, fs: FileSystem): Promise<Uint8Array> {
  try {
    return await fs.readFile(absolutePath);
  } catch (error) {
    const code = errorCode(error);
    if (code === "EISDIR" || code === "ENOTREGULAR") {
      throw new SparkportInputError([makeFinding("registry-not-a-file", "error", { kind: code === "EISDIR" ? "directory" : "other" }, { file })]);
    }
    const reason =
      code === "ENOENT"
        ? "missing"
        : code === "EACCES" || code === "EPERM"
          ? "denied"
          : code === "ELOOP"
            ? "loop"
            : { other: error instanceof Error ? error.message : String(error) };
    // `ports.yml` for `ports.yaml`: a file beside it with a close name.
    const similar = reason === "missing" ? await similarFile(absolutePath, file, fs) : undefined;
    throw new SparkportInputError([makeFinding("registry-unreadable", "error", similar === undefined ? { reason } : { reason, similar }, { file })]);
  }
}

async function similarFile(absolutePath: string, file: string, fs: FileSystem): Promise<string | undefined> {
  const names = (await fs.list(path.dirname(absolutePath)).catch(() => [])).filter((e) => e.kind === "file" || e.kind === "link").map((e) => e.name);
  const name = didYouMean(path.basename(absolutePath), names);
  return name === undefined ? undefined : path.join(path.dirname(file), name);
}

function decode(bytes: Uint8Array, file: string): string {
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const { line, column } = bytePosition(bytes, bad);
    const byte = (bytes[bad] ?? 0).toString(16).padStart(2, "0");
    throw new SparkportInputError([makeFinding("registry-not-utf8", "error", { byte }, { file, line, column })]);
  }
  return new TextDecoder("utf-8").decode(bytes);
}
