import { closeSync, constants, fstatSync, openSync, readFileSync, statSync } from "node:fs";
import { writeFileAtomic } from "./write-file-atomic.js";

/** The file operations the core needs; tests and other backends can swap them. */
export interface FileSystem {
  readFile(path: string): Promise<Uint8Array>;
  /** True for a regular file (or a link to one); false when absent or anything else. */
  isFile(path: string): Promise<boolean>;
  /** Create exclusively (EEXIST when the file exists), or replace atomically. */
  writeFile(path: string, text: string, options?: { exclusive?: boolean }): Promise<void>;
}

/**
 * The files sparkport reads and writes are small and local, and the CLI has nothing else to do meanwhile:
 * synchronous calls spare the thread pool's round trips.
 */
export const nodeFileSystem: FileSystem = {
  readFile: async (path) => readRegularFile(path),
  isFile: async (path) => {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  },
  writeFile: async (path, text, options) => writeFileAtomic(path, text, { exclusive: options?.exclusive === true }),
};

/**
 * A regular file's bytes. Opened without blocking (a FIFO would wait for a
 * writer) and checked on that very descriptor, so nothing can be swapped in
 * between: a FIFO or a device could block the read or never end.
 */
function readRegularFile(path: string): Buffer {
  // O_NONBLOCK changes nothing for a regular file's reads; Windows has none.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: stats.isDirectory() ? "EISDIR" : "ENOTREGULAR" });
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The `code` of a Node system error, if it is one. */
export function errorCode(error: unknown): string | undefined {
  if (error instanceof Error && "code" in error && typeof error.code === "string") return error.code;
  return undefined;
}
