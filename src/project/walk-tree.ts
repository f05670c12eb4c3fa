import path from "node:path";
import ignore, { type Ignore } from "ignore";
import { errorCode, readText, type DirEntry, type FileSystem } from "../io/file-system.js";
import { mapBounded } from "../util/map-bounded.js";
import { admitFile, type Admission } from "./admit-file.js";
import { fileFilter, type FileFilter } from "./file-filter.js";
import { MAX_SCAN_BYTES } from "./read-scannable.js";
import type { ScanOptions, ScanProblem, SkippedFile } from "./port-reference.js";

/** Folders never walked: dependencies, VCS data, virtual environments, build output and caches. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  "node_modules",
  ".git",
  "dist",
  "build",
  ".next",
  "coverage",
  "venv",
  ".venv",
  "__pycache__",
  ".turbo",
  ".nuxt",
  ".svelte-kit",
  ".mypy_cache",
  ".pytest_cache",
  ".tox",
]);

/**
 * Files open at once while they are read, with a FileSystem whose reads wait. nodeFileSystem reads synchronously:
 * on a page-cached tree the thread pool's four round trips per file cost more than the read itself (bench:tree).
 */
export const PARALLEL_READS = 32;

export interface FileList {
  /** Relative posix paths below the root, sorted: the files to read. */
  files: string[];
  skipped: SkippedFile[];
  problems: ScanProblem[];
}

/** The rules of one .gitignore, for the paths below its folder. */
interface IgnoreFile {
  base: string;
  rules: Ignore;
}

/** As git decides: the deepest .gitignore with a rule for the path wins. Case-sensitive, as git on Linux. */
function gitignored(files: readonly IgnoreFile[], rel: string, isFolder: boolean): boolean {
  for (let i = files.length - 1; i >= 0; i -= 1) {
    const { base, rules } = files[i] as IgnoreFile;
    const local = base === "" ? rel : rel.slice(base.length + 1);
    const verdict = rules.test(isFolder ? `${local}/` : local);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

async function readIgnoreFile(fs: FileSystem, dir: string, base: string): Promise<IgnoreFile | undefined> {
  try {
    const file = path.join(dir, ".gitignore");
    if ((await fs.stat(file)).size > MAX_SCAN_BYTES) return undefined;
    return { base, rules: ignore({ ignorecase: false }).add(await readText(fs, file)) };
  } catch {
    // An unreadable .gitignore ignores nothing.
    return undefined;
  }
}

/** The files to read and the files skipped, each sorted, without repeats. */
export function settle(admitted: readonly Admission[], problems: ScanProblem[]): FileList {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  for (const a of admitted) {
    if (a === undefined) continue;
    if ("file" in a) files.push(a.file);
    else skipped.push(a.skipped);
  }
  const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return { files: [...new Set(files)].sort(order), skipped: skipped.sort((a, b) => order(a.file, b.file)), problems };
}

/** Reports each of `filter.roots` that is no folder below `top`. */
export async function missingRoots(top: string, filter: FileFilter, fs: FileSystem, problems: ScanProblem[]): Promise<void> {
  for (const sub of filter.roots.filter((r) => r !== "")) {
    const isFolder = await fs.stat(path.join(top, ...sub.split("/"))).then((s) => s.kind === "folder", () => false);
    if (!isFolder) problems.push({ file: sub, reason: "no such folder below the root" });
  }
}

/**
 * The files below `root` the scan reads, walking the folders (outside a git work tree). Skips the SKIPPED_FOLDERS,
 * what the .gitignore files of the root and of the folders below ignore (the `ignore` package, git's rules), and
 * `options.ignore`; walks only `options.roots`; keeps what `options.include`/`exclude` and `select` want.
 * Symbolic links to folders are not followed; a link to a file counts only when the file is inside the root.
 * The files are not opened here: the scan's one read (readScannable) skips what is over 2 MB, binary, unreadable
 * or no regular file.
 */
export async function walkTree(root: string, options: ScanOptions, fs: FileSystem, select: (file: string) => boolean = () => true): Promise<FileList> {
  const problems: ScanProblem[] = [];
  const filter = fileFilter(options, select, problems);
  let top: string;
  try {
    top = await fs.realPath(root);
  } catch (error: unknown) {
    return { files: [], skipped: [], problems: [...problems, { file: ".", reason: `cannot read the root ${root}: ${errorCode(error) ?? String(error)}` }] };
  }
  const wanted: { rel: string; absolute: string; isLink: boolean }[] = [];

  const walk = async (dirRel: string, inherited: readonly IgnoreFile[]): Promise<void> => {
    const dir = dirRel === "" ? top : path.join(top, ...dirRel.split("/"));
    let entries: DirEntry[];
    try {
      entries = await fs.list(dir);
    } catch (error: unknown) {
      problems.push({ file: dirRel === "" ? "." : dirRel, reason: `cannot read the folder: ${errorCode(error) ?? String(error)}` });
      return;
    }
    const own = entries.some((e) => e.name === ".gitignore" && e.kind === "file") ? await readIgnoreFile(fs, dir, dirRel) : undefined;
    const rules = own === undefined ? inherited : [...inherited, own];
    const ignored = (rel: string, isFolder: boolean): boolean => gitignored(rules, rel, isFolder) || filter.ignored(rel, isFolder);
    for (const entry of entries) {
      const rel = dirRel === "" ? entry.name : `${dirRel}/${entry.name}`;
      if (entry.kind === "folder") {
        if (!SKIPPED_FOLDERS.has(entry.name) && filter.towardRoots(rel) && !ignored(rel, true)) await walk(rel, rules);
      } else if (filter.inRoots(rel) && filter.wanted(rel) && !ignored(rel, false)) {
        wanted.push({ rel, absolute: path.join(dir, entry.name), isLink: entry.kind === "link" });
      }
    }
  };

  await missingRoots(top, filter, fs, problems);
  await walk("", []);
  return settle(await mapBounded(wanted, PARALLEL_READS, (w) => admitFile(top, w.rel, w.absolute, fs, w.isLink)), problems);
}
