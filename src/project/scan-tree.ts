import path from "node:path";
import { nodeCommandRunner, type CommandRunner } from "../io/command-runner.js";
import { nodeFileSystem, type FileSystem } from "../io/file-system.js";
import { mapBounded } from "../util/map-bounded.js";
import { envValues, type EnvValues } from "./env-values.js";
import { listFiles } from "./list-files.js";
import type { PortReference, ScanOptions, ScanProblem, ScanResult, SkippedFile } from "./port-reference.js";
import { scanComposeFile } from "./scan-compose-file.js";
import { scanConfigFile } from "./scan-config-file.js";
import { scanMarkdown } from "./scan-markdown.js";
import { scanTomlFile } from "./scan-toml-file.js";
import { scanEnvFile } from "./scan-env-file.js";
import { scanPackageJson } from "./scan-package-json.js";
import { scanProcfile } from "./scan-procfile.js";
import { scanCaddyfile } from "./scan-caddyfile.js";
import { scanDockerfile } from "./scan-dockerfile.js";
import { isKubernetesManifest, scanKubernetesManifest } from "./scan-kubernetes-manifest.js";
import { scanMakefile } from "./scan-makefile.js";
import { scanNginxConf } from "./scan-nginx-conf.js";
import { scanShellScript } from "./scan-shell-script.js";
import { scanSourceFile } from "./scan-source-file.js";
import { readScannable, type Skip } from "./read-scannable.js";
import { scannerFor, type ScannerKind } from "./scanner-for.js";
import { PARALLEL_READS } from "./walk-tree.js";

type Scanned = { references: PortReference[]; problems: ScanProblem[] };

/** The scanners that need nothing but the text; undefined for a file that turns out not to be of its kind. */
function scanText(kind: ScannerKind | undefined, text: string, file: string): Scanned | undefined {
  switch (kind) {
    case "env":
      return scanEnvFile(text, file);
    case "package-json":
      return scanPackageJson(text, file);
    case "procfile":
      return scanProcfile(text, file);
    case "dockerfile":
      return scanDockerfile(text, file);
    case "shell":
      return scanShellScript(text, file, "sh");
    case "powershell":
      return scanShellScript(text, file, "powershell");
    case "batch":
      return scanShellScript(text, file, "batch");
    case "nginx":
      return scanNginxConf(text, file);
    case "caddy":
      return scanCaddyfile(text, file);
    case "yaml":
      return isKubernetesManifest(text) ? scanKubernetesManifest(text, file) : scanConfigFile(text, file, "yaml");
    case "json":
      return scanConfigFile(text, file, "json");
    case "toml":
      return scanTomlFile(text, file, "toml");
    case "ini":
      return scanTomlFile(text, file, "ini");
    case "makefile":
      return scanMakefile(text, file);
    case "js-source":
      return scanSourceFile(text, file, "js");
    case "python-source":
      return scanSourceFile(text, file, "python");
    case "go-source":
      return scanSourceFile(text, file, "go");
    case "ruby-source":
      return scanSourceFile(text, file, "ruby");
    case "markdown":
      return scanMarkdown(text, file);
    default:
      return { references: [], problems: [] };
  }
}
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function byPlace(a: PortReference, b: PortReference): number {
  return compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.kind, b.kind) || compare(a.key ?? "", b.key ?? "") || a.port - b.port;
}

function problemOrder(a: ScanProblem, b: ScanProblem): number {
  return compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || compare(a.reason, b.reason);
}

/**
 * The port references of a project tree: its .env files, compose files (with the `.env` beside each for
 * `${VAR}`), package.json scripts, Procfiles, Dockerfiles, shell/PowerShell/batch scripts, nginx and Caddy configs,
 * Kubernetes manifests, YAML/JSON/TOML/INI configs, Makefiles, JS/TS/Python/Go/Ruby source and, with `docs`, Markdown
 * guides (see scannerFor), below `root` (see listFiles for which files). A file that cannot
 * be read is skipped, one that cannot be parsed is a problem, and the scan goes on. References are sorted by file,
 * line and column.
 */
export async function scanTree(root: string, options: ScanOptions = {}, fs: FileSystem = nodeFileSystem, runner: CommandRunner = nodeCommandRunner): Promise<ScanResult> {
  const wanted = (file: string): boolean => {
    const kind = scannerFor(file);
    return kind !== undefined && (kind !== "markdown" || options.docs === true);
  };
  const listed = await listFiles(root, options, fs, runner, wanted);
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
  const results = await mapBounded(listed.files, PARALLEL_READS, async (file): Promise<{ file: string; skip: Skip } | { file: string; other: true } | ({ file: string } & Scanned)> => {
    const content = await readScannable(absolute(file), fs);
    if (!("text" in content)) return { file, skip: content.skip };
    const kind = scannerFor(file);
    try {
      const scanned = kind === "compose" ? scanComposeFile(content.text, file, await envBeside(file)) : scanText(kind, content.text, file);
      if (scanned === undefined) return { file, other: true };
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
    if ("other" in result) continue;
    read.push(result.file);
    for (const ref of result.references) references.push(ref);
    for (const problem of result.problems) problems.push(problem);
  }
  return { references: references.sort(byPlace), problems: problems.sort(problemOrder), skipped: skipped.sort((a, b) => compare(a.file, b.file)), read };
}
