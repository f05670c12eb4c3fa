import path from "node:path";
import { lineDiff } from "../edit/line-diff.js";
import { fileError } from "../io/file-error.js";
import type { FileSystem } from "../io/file-system.js";
import { groupBy } from "../util/group-by.js";
import { collapsesList, publishesTwice, type Span } from "./edit-hazards.js";
import type { PortReference } from "./port-reference.js";
import type { ScanEdit } from "./scan-context.js";
import type { ProjectScan } from "./scan-project.js";
import { shownPath } from "../util/shown-path.js";
import { lintWords } from "../words/lint-words.js";

export interface NotApplied {
  line: number;
  reason: string;
}

export interface FileFix {
  file: string;
  /** The certain edits, as a diff; "" when there are none. */
  diff: string;
  /** True once the certain edits are written. */
  written: boolean;
  /** The other edits, as a diff over the file with the certain ones made: suggestions for a person. */
  suggested: string;
  notApplied: NotApplied[];
}

interface Planned extends Span {
  edit: ScanEdit;
  reason?: string;
}

/** The span an edit replaces, found in the file's text from the reference's own offsets. */
function span(text: string, edit: ScanEdit): Span | undefined {
  const { offset, length } = edit.ref;
  if (text.slice(offset, offset + length) !== String(edit.ref.port)) return undefined;
  if (edit.kind === "port") return { start: offset, end: offset + length, value: String(edit.port) };
  if (edit.kind === "host") {
    const host = edit.ref.host ?? "";
    const start = offset - 1 - host.length;
    return text.slice(start, offset - 1) === host ? { start, end: offset - 1, value: edit.host } : undefined;
  }
  const start = text.lastIndexOf(edit.ref.text, offset);
  return start >= 0 && start + edit.ref.text.length >= offset + length ? { start, end: start + edit.ref.text.length, value: edit.replacement } : undefined;
}

/** The spans made in one pass from the end, an overlapping one left out. */
function splice(text: string, spans: readonly Span[]): string {
  let out = text;
  let lastStart = Number.POSITIVE_INFINITY;
  for (const s of [...spans].sort((a, b) => b.start - a.start)) {
    if (s.end > lastStart) continue;
    out = out.slice(0, s.start) + s.value + out.slice(s.end);
    lastStart = s.start;
  }
  return out;
}

const lineBreak = /[\r\n]/;

/**
 * Which edits are certain in this file as it stands: certain where they were made, one line still one line, no
 * list entry doubled, no host port published twice. Dropping one can make another's result differ, so again
 * until nothing changes.
 */
function plan(text: string, edits: readonly ScanEdit[], composePorts: readonly PortReference[], problem: string | undefined): Planned[] {
  const w = lintWords().doubts;
  const planned: Planned[] = [];
  for (const edit of edits) {
    const s = span(text, edit);
    if (s === undefined) continue;
    const reason = !edit.certainty.certain
      ? edit.certainty.reason
      : problem !== undefined
        ? w.partlyRead(problem)
        : lineBreak.test(s.value) || lineBreak.test(text.slice(s.start, s.end))
          ? w.lineCount
          : undefined;
    planned.push({ ...s, edit, ...(reason === undefined ? {} : { reason }) });
  }
  for (let changed = true; changed; ) {
    changed = false;
    const certain = planned.filter((p) => p.reason === undefined).sort((a, b) => a.start - b.start);
    certain.forEach((p, i) => {
      const next = certain[i + 1];
      if (next !== undefined && p.end > next.start) p.reason = w.overlaps;
    });
    const kept = certain.filter((p) => p.reason === undefined);
    const after = splice(text, kept);
    const newPorts = new Map(kept.flatMap((p) => (p.edit.kind === "port" ? [[p.edit.ref.offset, p.edit.port] as const] : [])));
    for (const p of kept) {
      const reason = collapsesList(text, after, kept, p)
        ? w.listCollapse
        : p.edit.kind === "port" && publishesTwice(p.edit.ref, composePorts, newPorts)
          ? w.publishedTwice(p.edit.port)
          : undefined;
      if (reason === undefined) continue;
      p.reason = reason;
      changed = true;
    }
  }
  return planned;
}

/**
 * `lint --fix`: per file, the certain edits as a diff (with `write`, made and the file replaced atomically, keeping
 * every other byte) and the others as suggestions with their reasons. Only files of the scanned tree are touched.
 */
export async function applyScanEdits(edits: readonly ScanEdit[], project: Pick<ProjectScan, "root" | "scanned">, cwd: string, write: boolean, fs: FileSystem): Promise<FileFix[]> {
  const { root, scanned } = project;
  const problems = new Map(scanned.problems.map((p) => [p.file, p.reason]));
  const composePorts = groupBy(
    scanned.references.filter((r) => r.kind === "compose-port"),
    (r) => r.file,
  );
  const fixes: FileFix[] = [];
  for (const [file, list] of [...groupBy(edits, (e) => e.ref.file)].sort(([a], [b]) => a.localeCompare(b))) {
    const absolute = path.resolve(root, file);
    if (path.relative(root, absolute).startsWith("..")) continue;
    const shown = shownPath(absolute, cwd, root);
    let before: string;
    try {
      // As the scan read it (a BOM stays a character); bytes that are not UTF-8 could not be written back as they were.
      before = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true }).decode(await fs.readFile(absolute));
    } catch (error) {
      if (error instanceof TypeError) continue;
      throw fileError(error, "read", shown);
    }
    const planned = plan(before, list, composePorts.get(file) ?? [], problems.get(file));
    const certain = planned.filter((p) => p.reason === undefined);
    const after = splice(before, certain);
    const suggested = splice(before, [...certain, ...planned.filter((p) => p.reason !== undefined)]);
    const notApplied = planned.flatMap((p) => (p.reason === undefined ? [] : [{ line: p.edit.ref.line, reason: p.reason }]));
    if (after === before && suggested === before) continue;
    const written = write && after !== before;
    if (written) {
      try {
        await fs.writeFile(absolute, after);
      } catch (error) {
        throw fileError(error, "write", shown);
      }
    }
    fixes.push({ file: shown, diff: lineDiff(shown, before, after), written, suggested: lineDiff(shown, after, suggested), notApplied });
  }
  return fixes;
}
