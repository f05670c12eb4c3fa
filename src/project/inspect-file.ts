import { errorCode, type FileSystem } from "../io/file-system.js";
import type { SkippedFile } from "./port-reference.js";

/** Files larger than this are not scanned. */
export const MAX_SCAN_BYTES = 2 * 1024 * 1024;
const SNIFF_BYTES = 8 * 1024;

export type Skip = Omit<SkippedFile, "file">;

/** Why a file cannot be scanned (too large, binary, no regular file, unreadable), or undefined when it can. */
export async function inspectFile(absolutePath: string, fs: FileSystem): Promise<Skip | undefined> {
  try {
    const { size, head } = await fs.readHead(absolutePath, SNIFF_BYTES);
    if (size > MAX_SCAN_BYTES) return { reason: "too-large", detail: `${size} bytes` };
    if (head.includes(0)) return { reason: "binary", detail: "a NUL byte in the first 8 KB" };
    return undefined;
  } catch (error: unknown) {
    const code = errorCode(error);
    if (code === "ENOTREGULAR" || code === "EISDIR") return { reason: "not-a-file", detail: error instanceof Error && "what" in error && typeof error.what === "string" ? error.what : code };
    return { reason: "unreadable", detail: code ?? (error instanceof Error ? error.message : String(error)) };
  }
}
