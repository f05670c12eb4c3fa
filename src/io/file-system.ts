import { readFile, stat, writeFile } from "node:fs/promises";
import { writeFileAtomic } from "./write-file-atomic.js";

/** The file operations the core needs; tests and other backends can swap them. */
export interface FileSystem {
  readFile(path: string): Promise<Uint8Array>;
  /** True for a regular file (or a link to one); false when absent or anything else. */
  isFile(path: string): Promise<boolean>;
  /** Create exclusively (EEXIST when the file exists), or replace atomically. */
  writeFile(path: string, text: string, options?: { exclusive?: boolean }): Promise<void>;
}

export const nodeFileSystem: FileSystem = {
  readFile: async (path) => {
    // A FIFO or a device would block the read (or never end): only regular files are read.
    const stats = await stat(path);
    if (!stats.isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: stats.isDirectory() ? "EISDIR" : "ENOTREGULAR" });
    return readFile(path);
  },
  isFile: async (path) => {
    try {
      return (await stat(path)).isFile();
    } catch {
      return false;
    }
  },
  writeFile: (path, text, options) => (options?.exclusive ? writeFile(path, text, { encoding: "utf8", flag: "wx" }) : writeFileAtomic(path, text)),
};

/** The `code` of a Node system error, if it is one. */
export function errorCode(error: unknown): string | undefined {
  if (error instanceof Error && "code" in error && typeof error.code === "string") return error.code;
  return undefined;
}
