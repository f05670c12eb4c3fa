import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { decodeEntry, encodeEntry, type RegistryCache } from "../registry/registry-cache.js";

/** Entries kept: one per registry path used lately (tests and worktrees add up). */
const MAX_ENTRIES = 32;
/** Another build's entries are kept this long: two installs in use at once must not evict each other. */
const OTHER_BUILD_MS = 7 * 24 * 3600 * 1000;

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
          // writeFileSync writes it all (writeSync may write part of a buffer and say so).
          writeFileSync(fd, Buffer.concat(encodeEntry(build, absolutePath, bytes, data, positions)));
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

/**
 * The least recently written entries beyond the cap go, and another build's
 * once a week old; temporary files of runs killed while writing, after a minute.
 */
function prune(dir: string, prefix: string): void {
  const entries: { file: string; mtime: number }[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.startsWith("registry-")) continue;
    const file = path.join(dir, name);
    let mtime: number;
    try {
      mtime = statSync(file).mtimeMs;
    } catch {
      continue; // Removed meanwhile by another run.
    }
    const age = Date.now() - mtime;
    if (name.endsWith(".tmp")) {
      // Another run's, being written; or a killed run's, left behind.
      if (age > 60_000) removeQuietly(file);
    } else if (!name.startsWith(prefix) && age > OTHER_BUILD_MS) {
      removeQuietly(file);
    } else {
      entries.push({ file, mtime });
    }
  }
  entries.sort((x, y) => y.mtime - x.mtime);
  for (const { file } of entries.slice(MAX_ENTRIES - 1)) removeQuietly(file);
}

function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Its folder is not one (or is gone): nothing was left there.
  }
}

