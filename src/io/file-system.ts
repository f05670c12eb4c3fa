import { readFileBytes, stat } from "./async-fs.js";

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
    return readFileBytes(path);
  },
  isFile: async (path) => {
    try {
      return (await stat(path)).isFile();
    } catch {
      return false;
    }
  },
  // Writers load what they need when they write: every command reads, few write.
  writeFile: async (path, text, options) => {
    if (options?.exclusive !== true) return (await import("./write-file-atomic.js")).writeFileAtomic(path, text);
    const { writeFile } = await import("node:fs/promises");
    return writeFile(path, text, { encoding: "utf8", flag: "wx" });
  },
};

/** The `code` of a Node system error, if it is one. */
export function errorCode(error: unknown): string | undefined {
  if (error instanceof Error && "code" in error && typeof error.code === "string") return error.code;
  return undefined;
}
