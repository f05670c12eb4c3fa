import { groupBy } from "../util/group-by.js";
import path from "node:path";
import { lineDiff } from "../edit/line-diff.js";
import { fileError } from "../io/file-error.js";
import { readText, type FileSystem } from "../io/file-system.js";
import type { ScanEdit } from "./scan-context.js";

export interface FileFix {
  file: string;
  diff: string;
  written: boolean;
}

/** The span an edit replaces, found in the file's text from the reference's own offsets. */
function span(text: string, edit: ScanEdit): { start: number; end: number; value: string } | undefined {
  const { offset, length } = edit.ref;
  if (text.slice(offset, offset + length) !== String(edit.ref.port)) return undefined; // the file changed since the scan
  if (edit.kind === "port") return { start: offset, end: offset + length, value: String(edit.port) };
  if (edit.kind === "host") {
    const host = edit.ref.host ?? "";
    const start = offset - 1 - host.length;
    return text.slice(start, offset - 1) === host ? { start, end: offset - 1, value: edit.host } : undefined;
  }
  const start = text.lastIndexOf(edit.ref.text, offset);
  return start >= 0 && start + edit.ref.text.length >= offset + length ? { start, end: start + edit.ref.text.length, value: edit.replacement } : undefined;
}

/**
 * `lint --fix`: the mechanical fixes, as a diff per file; with `write`, each
 * file replaced atomically. Every other byte stays; only files of the scanned
 * tree are touched.
 */
export async function applyScanEdits(edits: readonly ScanEdit[], root: string, cwd: string, write: boolean, fs: FileSystem): Promise<FileFix[]> {
  const byFile = groupBy(edits, (e) => e.ref.file);
  const fixes: FileFix[] = [];
  for (const [file, list] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    const absolute = path.resolve(root, file);
    if (path.relative(root, absolute).startsWith("..")) continue;
    const before = await readText(fs, absolute);
    const spans = list.flatMap((e) => span(before, e) ?? []).sort((a, b) => b.start - a.start);
    let after = before;
    let lastStart = Number.POSITIVE_INFINITY;
    for (const s of spans) {
      if (s.end > lastStart) continue; // overlapping fixes: keep the later one only
      after = after.slice(0, s.start) + s.value + after.slice(s.end);
      lastStart = s.start;
    }
    if (after === before) continue;
    const shown = path.relative(cwd, absolute) || file;
    if (write) {
      try {
        await fs.writeFile(absolute, after);
      } catch (error) {
        throw fileError(error, "write", shown);
      }
    }
    fixes.push({ file: shown, diff: lineDiff(shown, before, after), written: write });
  }
  return fixes;
}
