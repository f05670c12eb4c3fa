import path from "node:path";
import ignore from "ignore";
import picomatch from "picomatch";
import type { ScanOptions, ScanProblem } from "./port-reference.js";

/** Which files of the tree the scan wants, by relative posix path: the options and the kinds it reads. */
export interface FileFilter {
  /** Below one of `scan.roots` (all of the tree without them). */
  inRoots(file: string): boolean;
  /** A folder that is, or leads to, one of the roots. */
  towardRoots(folder: string): boolean;
  /** `scan.ignore`, in gitignore syntax. */
  ignored(file: string, isFolder: boolean): boolean;
  /** `scan.include` and `scan.exclude`. */
  chosen(file: string): boolean;
  /** Chosen, and of a kind the scan reads. */
  wanted(file: string): boolean;
  /** The roots as relative posix paths, "" for the whole tree. */
  roots: readonly string[];
}

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

/** `dot`: `backend/**` takes in `backend/.env`, as a person means it. */
const globs = (list: readonly string[] | undefined): ((file: string) => boolean) | undefined =>
  list === undefined || list.length === 0 ? undefined : picomatch([...list], { dot: true });

export function fileFilter(options: ScanOptions, select: (file: string) => boolean, problems: ScanProblem[]): FileFilter {
  const roots = subRoots(options, problems);
  // Case-sensitive, as git is by default outside macOS and Windows.
  const extra = ignore({ ignorecase: false }).add([...(options.ignore ?? [])]);
  const include = globs(options.include);
  const exclude = globs(options.exclude);
  const inRoots = (file: string): boolean => roots.some((r) => r === "" || file === r || file.startsWith(`${r}/`));
  const chosen = (file: string): boolean => (include === undefined || include(file)) && (exclude === undefined || !exclude(file));
  return {
    roots,
    inRoots,
    towardRoots: (folder) => inRoots(folder) || roots.some((r) => r.startsWith(`${folder}/`)),
    ignored: (file, isFolder) => extra.ignores(isFolder ? `${file}/` : file),
    chosen,
    wanted: (file) => chosen(file) && select(file),
  };
}
