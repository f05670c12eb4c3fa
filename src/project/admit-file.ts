import path from "node:path";
import type { FileSystem } from "../io/file-system.js";
import type { SkippedFile } from "./port-reference.js";

/** A file the scan will read, one it skips with the reason, or nothing (a link to a folder is not followed). */
export type Admission = { file: string } | { skipped: SkippedFile } | undefined;

export const inside = (parent: string, child: string): boolean => child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);

/**
 * Whether the scan reads `file` (at `absolute`, below the real path `top`); a link counts only when it stays in the
 * tree. What the file holds (too large, binary, no regular file) is judged when it is read (readScannable).
 */
export async function admitFile(top: string, file: string, absolute: string, fs: FileSystem, isLink: boolean): Promise<Admission> {
  if (isLink) {
    let target: string;
    try {
      target = await fs.realPath(absolute);
    } catch {
      return { skipped: { file, reason: "broken-link" } };
    }
    if (!inside(top, target)) return { skipped: { file, reason: "link-out-of-tree" } };
    if ((await fs.stat(target).catch(() => undefined))?.kind === "folder") return undefined;
  }
  return { file };
}
