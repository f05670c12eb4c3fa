import path from "node:path";
import { nodeCommandRunner, type CommandRunner } from "../io/command-runner.js";
import { errorCode, nodeFileSystem, type FileSystem } from "../io/file-system.js";
import { envValues, type EnvValues } from "./env-values.js";
import { inspectFile } from "./inspect-file.js";
import { listFiles } from "./list-files.js";
import type { PortReference, ScanOptions, ScanProblem, ScanResult, SkippedFile } from "./port-reference.js";
import { scanComposeFile } from "./scan-compose-file.js";
import { scanEnvFile } from "./scan-env-file.js";
import { scanPackageJson } from "./scan-package-json.js";
import { scanProcfile } from "./scan-procfile.js";
import { scannerFor } from "./scanner-for.js";

const baseName = (file: string): string => file.slice(file.lastIndexOf("/") + 1);
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function byPlace(a: PortReference, b: PortReference): number {
  return compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.kind, b.kind) || compare(a.key ?? "", b.key ?? "") || a.port - b.port;
}

function problemOrder(a: ScanProblem, b: ScanProblem): number {
  return compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || compare(a.reason, b.reason);
}

/** Reads a file as UTF-8 text (invalid bytes become U+FFFD), or says why it cannot. */
async function readFileText(absolute: string, fs: FileSystem): Promise<{ text: string } | { error: string }> {
  try {
    return { text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(await fs.readFile(absolute)) };
  } catch (error: unknown) {
    return { error: errorCode(error) ?? (error instanceof Error ? error.message : String(error)) };
  }
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
        if (real === undefined || !(real === top || real.startsWith(top + path.sep)) || (await inspectFile(real, fs)) !== undefined) return new Map();
        const beside = await readFileText(real, fs);
        return "text" in beside ? envValues(beside.text, envFile) : new Map();
      })();
      envCache.set(envFile, cached);
    }
    return cached;
  };
  for (const file of listed.files) {
    const kind = scannerFor(baseName(file));
    const content = await readFileText(absolute(file), fs);
    if (!("text" in content)) {
      skipped.push({ file, reason: "unreadable", detail: content.error });
      continue;
    }
    read.push(file);
    let scanned: { references: PortReference[]; problems: ScanProblem[] };
    try {
      scanned =
        kind === "env"
          ? scanEnvFile(content.text, file)
          : kind === "compose"
            ? scanComposeFile(content.text, file, await envBeside(file))
            : kind === "package-json"
              ? scanPackageJson(content.text, file)
              : kind === "procfile"
                ? scanProcfile(content.text, file)
                : { references: [], problems: [] };
    } catch (error: unknown) {
      // A scanner bug must not stop the scan of the other files.
      scanned = { references: [], problems: [{ file, reason: `could not be scanned: ${error instanceof Error ? error.message : String(error)}` }] };
    }
    references.push(...scanned.references);
    problems.push(...scanned.problems);
  }
  return { references: references.sort(byPlace), problems: problems.sort(problemOrder), skipped: skipped.sort((a, b) => compare(a.file, b.file)), read };
}
