import { open, type FileHandle } from "node:fs/promises";
import { errorCode } from "../io/file-system.js";

/** Files larger than this are not scanned. */
export const MAX_SCAN_BYTES = 2 * 1024 * 1024;
const SNIFF_BYTES = 8 * 1024;

/** Why a file cannot be scanned (too large, binary, unreadable), or undefined when it can. */
export async function inspectFile(absolutePath: string): Promise<string | undefined> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(absolutePath, "r");
    const { size } = await handle.stat();
    if (size > MAX_SCAN_BYTES) return `too large: ${size} bytes (the limit is 2 MB)`;
    const buffer = new Uint8Array(Math.min(size, SNIFF_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (buffer.subarray(0, bytesRead).includes(0)) return "binary file (NUL byte in the first 8 KB)";
    return undefined;
  } catch (error: unknown) {
    return `cannot read: ${errorCode(error) ?? (error instanceof Error ? error.message : String(error))}`;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
