import { errorCode, type FileSystem } from "../io/file-system.js";
import type { SkippedFile } from "./port-reference.js";

/** Files larger than this are not scanned. */
export const MAX_SCAN_BYTES = 2 * 1024 * 1024;
/** A line longer than this is generated or minified, never a setting a person wrote: its file is not scanned. */
export const MAX_LINE_BYTES = 256 * 1024;
const SNIFF_BYTES = 8 * 1024;

function longestLine(bytes: Uint8Array): number {
  let longest = 0;
  let start = 0;
  for (let newline = bytes.indexOf(10); ; newline = bytes.indexOf(10, start)) {
    const end = newline < 0 ? bytes.length : newline;
    longest = Math.max(longest, end - start);
    if (newline < 0) return longest;
    start = newline + 1;
  }
}

export type Skip = Omit<SkippedFile, "file">;

/**
 * A file's text (UTF-8), or why the scan skips it: too large, binary, not UTF-8, a line too long, no regular file,
 * unreadable. The file is opened once: its size and bytes are inspected as they are read.
 */
export async function readScannable(absolutePath: string, fs: FileSystem): Promise<{ text: string } | { skip: Skip }> {
  try {
    const { size, bytes } = await fs.readUpTo(absolutePath, MAX_SCAN_BYTES);
    if (bytes === undefined) return { skip: { reason: "too-large", detail: `${size} bytes` } };
    if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return { skip: { reason: "binary", detail: "a NUL byte in the first 8 KB" } };
    const longest = longestLine(bytes);
    if (longest > MAX_LINE_BYTES) return { skip: { reason: "long-line", detail: `a line of ${longest} bytes` } };
    try {
      return { text: new TextDecoder("utf-8", { ignoreBOM: true, fatal: true }).decode(bytes) };
    } catch {
      return { skip: { reason: "not-utf8", detail: "bytes that are not UTF-8" } };
    }
  } catch (error: unknown) {
    const code = errorCode(error);
    if (code === "ENOTREGULAR" || code === "EISDIR") return { skip: { reason: "not-a-file", detail: error instanceof Error && "what" in error && typeof error.what === "string" ? error.what : code } };
    return { skip: { reason: "unreadable", detail: code ?? (error instanceof Error ? error.message : String(error)) } };
  }
}
