import path from "node:path";
import { nodeCommandRunner, type CommandRunner } from "../io/command-runner.js";
import { nodeFileSystem, type FileSystem } from "../io/file-system.js";
import { mapBounded } from "../util/map-bounded.js";
import { envValues, type EnvValues } from "./env-values.js";
import { listFiles } from "./list-files.js";
import type { PortReference, ScanOptions, ScanProblem, ScanResult, SkippedFile } from "./port-reference.js";
import { scanComposeFile } from "./scan-compose-file.js";
import { scanEnvFile } from "./scan-env-file.js";
import { scanPackageJson } from "./scan-package-json.js";
import { scanProcfile } from "./scan-procfile.js";
import { readScannable, type Skip } from "./read-scannable.js";
import { scannerFor } from "./scanner-for.js";
import { PARALLEL_READS } from "./walk-tree.js";

const baseName = (file: string): string => file.slice(file.lastIndexOf("/") + 1);
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function byPlace(a: PortReference, b: PortReference): number {
  return compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.kind, b.kind) || compare(a.key ?? "", b.key ?? "") || a.port - b.port;
}

function problemOrder(a: ScanProblem, b: ScanProblem): number {
  return compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || compare(a.reason, b.reason);
}

/**
 * The port references of a project tree: its .env files, compose files (with the `.env` beside each for
 * `${VAR}`), package.json scripts and Procfiles, below `root` (see listFiles for which files). A file that cannot
 * be read is skipped, one that cannot be parsed is a problem, and the scan goes on. References are sorted by file,
 * line and column.
 */
export async function scanTree(root: string, options: ScanOptions = {}, fs: FileSystem = nodeFileSystem, runner: CommandRunner = nodeCommandRunner): Promise<ScanResult> {
  const listed = await listFiles(root, options, fs, runner, (file) => scannerFor(baseName(file)) !== undefined);
  const references: PortReference[] = [];
  const problems: ScanProblem[] = [...listed.problems];
  const skipped: SkippedFile[] = [...listed.skipped];
  const read: string[] = [];
  const top = await fs.realPath(root).catch(() => path.resolve(root));
  const absolute = (file: string): string => path.join(top, ...file.split("/"));
  const envCache = new Map<string, Promise<EnvValues>>();
  const envBeside = (file: string): Promise<EnvValues> => {
    const slash = file.lastIndexOf("/");
    const envFile = `${slash < 0 ? "" : file.slice(0, slash + 1)}.env`;
    let cached = envCache.get(envFile);
    if (cached === undefined) {
      // Read even when .gitignore hides it: compose reads it all the same.
      cached = (async () => {
        const full = absolute(envFile);
        const real = await fs.realPath(full).catch(() => undefined);
        if (real === undefined || !(real === top || real.startsWith(top + path.sep))) return new Map();
        const beside = await readScannable(real, fs);
        return "text" in beside ? envValues(beside.text, envFile) : new Map();
      })();
      envCache.set(envFile, cached);
    }
    return cached;
  };
  // Each file read once, a bounded number at a time, and scanned as soon as it is read: no more texts held at once.
  const results = await mapBounded(listed.files, PARALLEL_READS, async (file): Promise<{ file: string; skip: Skip } | { file: string; references: PortReference[]; problems: ScanProblem[] }> => {
    const content = await readScannable(absolute(file), fs);
    if (!("text" in content)) return { file, skip: content.skip };
    const kind = scannerFor(baseName(file));
    try {
      const scanned =
        kind === "env"
          ? scanEnvFile(content.text, file)
          : kind === "compose"
            ? scanComposeFile(content.text, file, await envBeside(file))
            : kind === "package-json"
              ? scanPackageJson(content.text, file)
              : kind === "procfile"
                ? scanProcfile(content.text, file)
                : { references: [], problems: [] };
      return { file, ...scanned };
    } catch (error: unknown) {
      // A scanner bug must not stop the scan of the other files.
      return { file, references: [], problems: [{ file, reason: `could not be scanned: ${error instanceof Error ? error.message : String(error)}` }] };
    }
  });
  for (const result of results) {
    if ("skip" in result) {
      // Only git lists a folder as a file: a submodule.
      skipped.push(result.skip.detail === "a folder" ? { file: result.file, reason: "git-repository" } : { file: result.file, ...result.skip });
      continue;
    }
    read.push(result.file);
    for (const ref of result.references) references.push(ref);
    for (const problem of result.problems) problems.push(problem);
  }
  return { references: references.sort(byPlace), problems: problems.sort(problemOrder), skipped: skipped.sort((a, b) => compare(a.file, b.file)), read };
}
