import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import path from "node:path";
import { decodeEntry, encodeEntry, type RegistryCache } from "../registry/registry-cache.js";

/** Entries kept per build: one per registry path used lately (tests and worktrees add up). */
const MAX_ENTRIES = 32;

/** FNV-1a over the path, twice with different seeds: a file name, not a secret (the header holds the path). */
function pathKey(absolutePath: string): string {
  let a = 0x811c9dc5 | 0;
  let b = 0x01000193 | 0;
  for (let i = 0; i < absolutePath.length; i += 1) {
    const c = absolutePath.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 2246822519);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

/**
 * The registry cache in a folder of the user's cache (the caller checks it
 * is the user's own): one file per registry path, replaced whole by rename.
 */
export function fileRegistryCache(dir: string, build: string): RegistryCache {
  const prefix = `registry-${build}-`;
  const fileFor = (absolutePath: string) => path.join(dir, `${prefix}${pathKey(absolutePath)}.bin`);
  return {
    get(absolutePath, bytes) {
      let entry: Buffer;
      try {
        entry = readFileSync(fileFor(absolutePath));
      } catch {
        return undefined;
      }
      return decodeEntry(entry, build, absolutePath, bytes);
    },
    put(absolutePath, bytes, data, positions) {
      const file = fileFor(absolutePath);
      const temporary = `${file}.${String(process.pid)}.tmp`;
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        prune(dir, prefix);
        const fd = openSync(temporary, "wx", 0o600);
        try {
          for (const part of encodeEntry(build, absolutePath, bytes, data, positions)) writeSync(fd, part);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        renameSync(temporary, file);
      } catch {
        removeQuietly(temporary);
      }
    },
  };
}

/** Entries of other builds go; of this build's, the least recently written beyond the cap. */
function prune(dir: string, prefix: string): void {
  const ours: { file: string; mtime: number }[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.startsWith("registry-")) continue;
    const file = path.join(dir, name);
    if (name.endsWith(".tmp")) {
      // Another run's, being written; or a killed run's, left behind.
      if (ageMs(file) > 60_000) rmSync(file, { force: true });
      continue;
    }
    if (!name.startsWith(prefix)) {
      rmSync(file, { force: true });
      continue;
    }
    try {
      ours.push({ file, mtime: statSync(file).mtimeMs });
    } catch {
      // Removed meanwhile by another run.
    }
  }
  ours.sort((x, y) => y.mtime - x.mtime);
  for (const { file } of ours.slice(MAX_ENTRIES - 1)) rmSync(file, { force: true });
}

function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Its folder is not one (or is gone): nothing was left there.
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}
