import { accessSync, closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, type Stats } from "node:fs";
import type { FileKind } from "../words/file-error-words.js";
import { writeFileAtomic } from "./write-file-atomic.js";

/** The file operations the core needs; tests and other backends can swap them. */
export interface FileSystem {
  readFile(path: string): Promise<Uint8Array>;
  /** True for a regular file (or a link to one); false when absent or anything else. */
  isFile(path: string): Promise<boolean>;
  /** Create exclusively (EEXIST when the file exists), or replace atomically. */
  writeFile(path: string, text: string, options?: { exclusive?: boolean }): Promise<void>;
  /** Rejects with the system's error when this process may not write the file. */
  assertWritable(path: string): Promise<void>;
  /** The path with every symbolic link resolved. */
  realPath(path: string): Promise<string>;
  /** A folder's entries; a link is "link", whatever it points to. */
  list(dir: string): Promise<DirEntry[]>;
  /** What a path (a link followed) is, and its size. */
  stat(path: string): Promise<PathStat>;
  /** A regular file's size and, when that is at most `maxBytes`, its bytes: one open, so the size is the read file's. */
  readUpTo(path: string, maxBytes: number): Promise<{ size: number; bytes?: Uint8Array }>;
}

export interface DirEntry {
  name: string;
  kind: "file" | "folder" | "link" | "other";
}

export interface PathStat {
  kind: "file" | "folder" | "other";
  size: number;
}

/** A file's text, as UTF-8. */
export async function readText(fs: FileSystem, path: string): Promise<string> {
  return new TextDecoder("utf-8").decode(await fs.readFile(path));
}

/**
 * The files sparkport reads and writes are small and local, and the CLI has nothing else to do meanwhile:
 * synchronous calls spare the thread pool's round trips (bench:tree measures what that saves the scan).
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
  assertWritable: async (path) => accessSync(path, constants.W_OK),
  realPath: async (path) => realpathSync.native(path),
  list: async (dir) =>
    readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, kind: e.isFile() ? "file" : e.isDirectory() ? "folder" : e.isSymbolicLink() ? "link" : "other" })),
  stat: async (path) => {
    const stats = statSync(path);
    return { kind: stats.isFile() ? "file" : stats.isDirectory() ? "folder" : "other", size: stats.size };
  },
  readUpTo: async (path, maxBytes) =>
    withRegularFile(path, (fd, size) => {
      if (size > maxBytes) return { size };
      // No more than the size it had when opened: a file that keeps growing cannot get past maxBytes.
      const bytes = new Uint8Array(size);
      let filled = 0;
      while (filled < size) {
        const bytesRead = readSync(fd, bytes, filled, size - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return { size, bytes: bytes.subarray(0, filled) };
    }),
};

/**
 * `use` of a regular file's descriptor and size. Opened without blocking (a FIFO would wait for a writer) and checked
 * on that very descriptor, so nothing can be swapped in between: a FIFO or a device could block the read or never end.
 */
function withRegularFile<T>(path: string, use: (fd: number, size: number) => T): T {
  // O_NONBLOCK changes nothing for a regular file's reads; Windows has none.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw notRegular(path, stats);
    return use(fd, stats.size);
  } finally {
    closeSync(fd);
  }
}

function readRegularFile(path: string): Buffer {
  return withRegularFile(path, (fd) => readFileSync(fd));
}

/** EISDIR for a folder; ENOTREGULAR for a FIFO, socket or device; `what` says which in English, `kind` for the words of any language. */
function notRegular(path: string, stats: Stats): Error {
  if (stats.isDirectory()) return Object.assign(new Error(`${path} is a folder`), { code: "EISDIR", what: "a folder", kind: "folder" satisfies FileKind });
  const kind: Exclude<FileKind, "folder"> = stats.isFIFO() ? "fifo" : stats.isSocket() ? "socket" : stats.isCharacterDevice() || stats.isBlockDevice() ? "device" : "other";
  const what = { fifo: "a FIFO", socket: "a socket", device: "a device", other: "not a regular file" }[kind];
  return Object.assign(new Error(`${path} is ${what}`), { code: "ENOTREGULAR", what, kind });
}

/** The `code` of a Node system error, if it is one. */
export function errorCode(error: unknown): string | undefined {
  if (error instanceof Error && "code" in error && typeof error.code === "string") return error.code;
  return undefined;
}
