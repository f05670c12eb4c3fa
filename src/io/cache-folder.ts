import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "./write-file-atomic.js";

/** Entries kept: one per key used lately (tests and worktrees add up). */
const MAX_ENTRIES = 32;
/** Another build's entries are kept this long: two installs in use at once must not evict each other. */
const OTHER_BUILD_MS = 7 * 24 * 3600 * 1000;

/** Entries of one kind in a private cache folder; the caller checks what it reads back. */
export interface CacheFolder {
  read(key: string): Buffer | undefined;
  /** Best effort: an entry that cannot be written is only a slower next run. */
  write(key: string, data: Uint8Array): void;
}

/** Entries named `<kind>-<build>-<key>.bin` in `dir` (the caller makes sure it is the user's own). */
export function cacheFolder(dir: string, kind: string, build: string): CacheFolder {
  const prefix = `${kind}-${build}-`;
  const fileFor = (key: string) => path.join(dir, `${prefix}${key}.bin`);
  return {
    read(key) {
      try {
        return readFileSync(fileFor(key));
      } catch {
        return undefined;
      }
    },
    write(key, data) {
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        prune(dir, `${kind}-`, prefix);
        writeFileAtomic(fileFor(key), data, { mode: 0o600 });
      } catch {
        // No entry this time.
      }
    },
  };
}

/** The oldest entries beyond the cap go, another build's after a week, temporary files of killed runs after a minute. */
function prune(dir: string, kind: string, current: string): void {
  const entries: { file: string; mtime: number }[] = [];
  for (const name of readdirSync(dir)) {
    // Temporary files start with a dot (older versions wrote them without).
    if (!name.replace(/^\./, "").startsWith(kind)) continue;
    const file = path.join(dir, name);
    let mtime: number;
    try {
      mtime = statSync(file).mtimeMs;
    } catch {
      continue; // Removed meanwhile by another run.
    }
    const age = Date.now() - mtime;
    if (name.endsWith(".tmp") ? age > 60_000 : !name.startsWith(current) && age > OTHER_BUILD_MS) rmSync(file, { force: true });
    else if (!name.endsWith(".tmp")) entries.push({ file, mtime });
  }
  entries.sort((x, y) => y.mtime - x.mtime);
  for (const { file } of entries.slice(MAX_ENTRIES - 1)) rmSync(file, { force: true });
}
