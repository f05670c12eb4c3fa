import path from "node:path";
import { errorCode, readText, type DirEntry, type FileSystem } from "../io/file-system.js";
import { inspectFile, MAX_SCAN_BYTES } from "./inspect-file.js";
import { isIgnored, parseGitignore, type GitignoreRule } from "./parse-gitignore.js";
import type { ScanOptions, ScanProblem } from "./port-reference.js";

/** Folders never scanned: dependencies, VCS data, virtual environments, build output and caches. */
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

export interface WalkResult {
  /** Relative posix paths below the root, sorted. */
  files: string[];
  problems: ScanProblem[];
}

const inside = (parent: string, child: string): boolean => child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);

/** The sub-roots to scan as relative posix paths ("" for the whole tree), or a problem for one outside the root. */
function subRoots(options: ScanOptions, problems: ScanProblem[]): string[] {
  const wanted = options.roots === undefined || options.roots.length === 0 ? ["."] : options.roots;
  const roots: string[] = [];
  for (const root of wanted) {
    const normal = path.posix.normalize(root.split("\\").join("/")).replace(/\/+$/, "");
    if (normal === "." || normal === "") roots.push("");
    else if (normal.startsWith("../") || normal === ".." || path.posix.isAbsolute(normal)) problems.push({ file: root, reason: "outside the scanned root: not scanned" });
    else roots.push(normal);
  }
  return roots.includes("") ? [""] : roots;
}

/**
 * The files below `root` that `select` wants (by relative posix path), in a stable order. Skips the
 * SKIPPED_FOLDERS, what the .gitignore files of the root and of the folders below ignore, and `options.ignore`
 * (gitignore syntax, relative to the root); only `options.roots` are walked when given. Symbolic links to folders
 * are not followed; a link to a file counts only when the file is inside the root. A selected file that is over
 * 2 MB, binary (a NUL byte in its first 8 KB) or unreadable is a problem, not a file.
 */
export async function walkTree(root: string, options: ScanOptions, fs: FileSystem, select: (file: string) => boolean = () => true): Promise<WalkResult> {
  const problems: ScanProblem[] = [];
  const files: string[] = [];
  const roots = subRoots(options, problems);
  let top: string;
  try {
    top = await fs.realPath(root);
  } catch (error: unknown) {
    return { files, problems: [...problems, { file: ".", reason: `cannot read the root ${root}: ${errorCode(error) ?? String(error)}` }] };
  }
  const extra = parseGitignore((options.ignore ?? []).join("\n"));
  const inRoots = (rel: string): boolean => roots.some((r) => r === "" || rel === r || rel.startsWith(`${r}/`));
  const towardRoots = (rel: string): boolean => inRoots(rel) || roots.some((r) => r.startsWith(`${rel}/`));
  const ignored = (rel: string, rules: readonly GitignoreRule[], isDirectory: boolean): boolean =>
    isIgnored(rules, rel, isDirectory) || isIgnored(extra, rel, isDirectory);

  const addFile = async (rel: string, absolute: string): Promise<void> => {
    if (!inRoots(rel) || !select(rel)) return;
    const reason = await inspectFile(absolute, fs);
    if (reason === undefined) files.push(rel);
    else problems.push({ file: rel, reason });
  };

  const walk = async (dirRel: string, inherited: readonly GitignoreRule[]): Promise<void> => {
    const dir = dirRel === "" ? top : path.join(top, ...dirRel.split("/"));
    let entries: DirEntry[];
    try {
      entries = await fs.list(dir);
    } catch (error: unknown) {
      problems.push({ file: dirRel === "" ? "." : dirRel, reason: `cannot read the folder: ${errorCode(error) ?? String(error)}` });
      return;
    }
    let rules = inherited;
    if (entries.some((e) => e.name === ".gitignore" && e.kind === "file")) {
      try {
        const ignoreFile = path.join(dir, ".gitignore");
        if ((await fs.stat(ignoreFile)).size <= MAX_SCAN_BYTES) rules = [...inherited, ...parseGitignore(await readText(fs, ignoreFile), dirRel)];
      } catch {
        // An unreadable .gitignore ignores nothing.
      }
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const rel = dirRel === "" ? entry.name : `${dirRel}/${entry.name}`;
      const absolute = path.join(dir, entry.name);
      if (entry.kind === "folder") {
        if (!SKIPPED_FOLDERS.has(entry.name) && towardRoots(rel) && !ignored(rel, rules, true)) await walk(rel, rules);
      } else if (entry.kind === "file") {
        if (!ignored(rel, rules, false)) await addFile(rel, absolute);
      } else if (entry.kind === "link" && !ignored(rel, rules, false) && inRoots(rel) && select(rel)) {
        try {
          const target = await fs.realPath(absolute);
          if (!inside(top, target)) problems.push({ file: rel, reason: "a symbolic link out of the scanned root: not followed" });
          else if ((await fs.stat(target)).kind === "file") await addFile(rel, target);
        } catch {
          problems.push({ file: rel, reason: "a broken symbolic link" });
        }
      }
    }
  };

  for (const sub of roots.filter((r) => r !== "")) {
    const isFolder = await fs.stat(path.join(top, ...sub.split("/"))).then((s) => s.kind === "folder", () => false);
    if (!isFolder) problems.push({ file: sub, reason: "no such folder below the root" });
  }
  await walk("", []);
  files.sort();
  return { files: [...new Set(files)], problems };
}
