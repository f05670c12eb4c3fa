import { errorCode, type FileSystem } from "../io/file-system.js";

/** Files larger than this are not scanned. */
export const MAX_SCAN_BYTES = 2 * 1024 * 1024;
const SNIFF_BYTES = 8 * 1024;

/** Why a file cannot be scanned (too large, binary, unreadable), or undefined when it can. */
export async function inspectFile(absolutePath: string, fs: FileSystem): Promise<string | undefined> {
  try {
    const { size, head } = await fs.readHead(absolutePath, SNIFF_BYTES);
    if (size > MAX_SCAN_BYTES) return `too large: ${size} bytes (the limit is 2 MB)`;
    if (head.includes(0)) return "binary file (NUL byte in the first 8 KB)";
    return undefined;
  } catch (error: unknown) {
    return `cannot read: ${errorCode(error) ?? (error instanceof Error ? error.message : String(error))}`;
  }
}
