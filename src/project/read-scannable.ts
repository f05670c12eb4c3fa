import { errorCode, type FileSystem } from "../io/file-system.js";
import type { SkippedFile } from "./port-reference.js";

/** Files larger than this are not scanned. */
export const MAX_SCAN_BYTES = 2 * 1024 * 1024;
const SNIFF_BYTES = 8 * 1024;

export type Skip = Omit<SkippedFile, "file">;

/**
 * A file's text (UTF-8; invalid bytes become U+FFFD), or why the scan skips it: too large, binary, no regular file,
 * unreadable. The file is opened once: its size and bytes are inspected as they are read.
 */
export async function readScannable(absolutePath: string, fs: FileSystem): Promise<{ text: string } | { skip: Skip }> {
  try {
    const { size, bytes } = await fs.readUpTo(absolutePath, MAX_SCAN_BYTES);
    if (bytes === undefined) return { skip: { reason: "too-large", detail: `${size} bytes` } };
    if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return { skip: { reason: "binary", detail: "a NUL byte in the first 8 KB" } };
    return { text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
  } catch (error: unknown) {
    const code = errorCode(error);
    if (code === "ENOTREGULAR" || code === "EISDIR") return { skip: { reason: "not-a-file", detail: error instanceof Error && "what" in error && typeof error.what === "string" ? error.what : code } };
    return { skip: { reason: "unreadable", detail: code ?? (error instanceof Error ? error.message : String(error)) } };
  }
}
