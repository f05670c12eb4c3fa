import path from "node:path";
import type { CommandRunner } from "../io/command-runner.js";
import { errorCode, type FileSystem } from "../io/file-system.js";
import { mapBounded } from "../util/map-bounded.js";
import { admitFile, type Admission } from "./admit-file.js";
import { fileFilter } from "./file-filter.js";
import { gitFiles } from "./git-files.js";
import type { ScanOptions, ScanProblem } from "./port-reference.js";
import { missingRoots, PARALLEL_READS, settle, walkTree, type FileList } from "./walk-tree.js";

/** A file git lists, as the scan takes it: a link resolved, a nested repository skipped (a submodule when it is read). */
async function admitListed(top: string, file: string, fs: FileSystem): Promise<Admission> {
  if (file.endsWith("/")) return { skipped: { file: file.slice(0, -1), reason: "git-repository" } };
  const absolute = path.join(top, ...file.split("/"));
  let real: string;
  try {
    real = await fs.realPath(absolute);
  } catch {
    // Deleted since it was committed (not in the tree), or a link to nothing.
    const entries = await fs.list(path.dirname(absolute)).catch(() => []);
    return entries.some((e) => e.name === path.basename(absolute) && e.kind === "link") ? { skipped: { file, reason: "broken-link" } } : undefined;
  }
  return admitFile(top, file, absolute, fs, real !== absolute);
}

/**
 * The files below `root` the scan reads. In a git work tree, the files git lists (tracked ones always, untracked
 * ones unless ignored); elsewhere, or when git lists nothing there (a folder git ignores), a walk that honours the
 * .gitignore files (walkTree). Either way `options` and `select` narrow them, and a broken link or one out of the
 * tree is skipped with the reason.
 */
export async function listFiles(root: string, options: ScanOptions, fs: FileSystem, runner: CommandRunner, select: (file: string) => boolean): Promise<FileList> {
  let top: string;
  try {
    top = await fs.realPath(root);
  } catch (error: unknown) {
    return { files: [], skipped: [], problems: [{ file: ".", reason: `cannot read the root ${root}: ${errorCode(error) ?? String(error)}` }] };
  }
  const listed = await gitFiles(top, runner);
  if (listed === undefined || listed.length === 0) return walkTree(top, options, fs, select);
  const problems: ScanProblem[] = [];
  const filter = fileFilter(options, select, problems);
  await missingRoots(top, filter, fs, problems);
  const wanted = listed.filter((file) => {
    if (!file.endsWith("/")) return filter.inRoots(file) && filter.wanted(file) && !filter.ignored(file, false);
    const folder = file.slice(0, -1);
    return filter.inRoots(folder) && filter.chosen(folder) && !filter.ignored(folder, true);
  });
  return settle(await mapBounded(wanted, PARALLEL_READS, (file) => admitListed(top, file, fs)), problems);
}
