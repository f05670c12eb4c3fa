import { hostname } from "node:os";
import path from "node:path";
import type { Command } from "commander";
import type { CommandDeps } from "../commands/command-deps.js";
import type { ProbeProgress } from "../network/probe-progress.js";
import type { RegistryOptions } from "../registry/open-registry.js";
import type { RegistryCache } from "../registry/registry-cache.js";
import { parseDuration } from "../util/parse-duration.js";
import { writeError, type Paints } from "./output.js";

/** Set by scripts/build.mjs: a hash of what the bundle was built from. */
declare const __SPARKPORT_BUILD__: string | undefined;

/** Only the bundle has a cache, keyed to this very build. */
export async function registryCache(): Promise<RegistryCache | undefined> {
  if (typeof __SPARKPORT_BUILD__ !== "string") return undefined;
  const [{ default: cacheDirs }, { fileRegistryCache }] = await Promise.all([import("../io/user-cache-dir.cjs"), import("../registry/registry-cache.js")]);
  const dir = cacheDirs.sparkportCacheDir("registries");
  return dir === undefined ? undefined : fileRegistryCache(dir, __SPARKPORT_BUILD__);
}

/** Said once a day, the day kept in the cache folder; said every time where there is none to keep it in. */
function noteOnceADay(): (code: string) => Promise<boolean> {
  let due: Promise<((code: string) => boolean) | undefined> | undefined;
  return async (code) => {
    due ??= (async () => {
      const [{ default: cacheDirs }, { dailyNotes }] = await Promise.all([import("../io/user-cache-dir.cjs"), import("../io/daily-notes.js")]);
      const dir = cacheDirs.sparkportCacheDir("notes");
      return dir === undefined ? undefined : dailyNotes(path.join(dir, "shown.json"));
    })();
    return (await due)?.(code) ?? true;
  };
}

async function readText(file: string): Promise<string> {
  const { readTextSync } = await import("../io/read-text-sync.js");
  return readTextSync(file);
}

interface Globals {
  registry?: string;
  timeout: string;
  remote: boolean;
  verbose?: boolean;
  thisNode?: string;
}

/** How this run shows its answer: the progress line, if any; whether notes said once a day are left out after the first. */
export interface RunView {
  progress?: ProbeProgress | undefined;
  /** Wipes the progress line for good: a program run in the foreground owns the terminal. */
  stopProgress?: (() => void) | undefined;
  onceADay: boolean;
  /** Text output, not --quiet: what sparkport starts is said on stderr. */
  announce: boolean;
}

export function realDeps(command: Command, paints: Paints, view: RunView): CommandDeps {
  const globals = command.optsWithGlobals<Globals>();
  const files = async () => ({ cwd: process.cwd(), fs: (await import("../io/file-system.js")).nodeFileSystem });
  const runner = async () => (await import("../io/command-runner.js")).nodeCommandRunner;
  const machine = () => ({ hostname: hostname(), os: process.platform === "darwin" ? "macos" : process.platform === "win32" ? "windows" : "linux" }) as const;
  const registry = async (): Promise<RegistryOptions> => {
    const [{ cwd, fs }, cache] = await Promise.all([files(), registryCache()]);
    return { registry: globals.registry, processEnv: process.env, cwd, fs, cache };
  };
  return {
    files,
    runner,
    machine,
    registry,
    environment: () => process.env,
    tell(line) {
      if (view.announce) writeError(`${line}\n`);
    },
    stopped: () =>
      new Promise((resolve) => {
        const stop = (signal: NodeJS.Signals): void => {
          process.off("SIGINT", stop).off("SIGTERM", stop);
          resolve(signal);
        };
        process.on("SIGINT", stop).on("SIGTERM", stop);
      }),
    async foreground() {
      const { runInForeground } = await import("../io/foreground-child.js");
      return async (child, starting) => {
        view.stopProgress?.();
        if (view.announce) writeError(`${paints.err.dim(starting)}\n`);
        return runInForeground(child);
      };
    },
    async occupancy(options) {
      const [{ nodeCommandRunner }, { createSocketTable }, { localAddresses }, { nodeTcpProber }] = await Promise.all([
        import("../io/command-runner.js"),
        import("../observe/create-socket-table.js"),
        import("../observe/local-node.js"),
        import("../observe/tcp-prober.js"),
      ]);
      const offline = (process.env.SPARKPORT_OFFLINE ?? "") !== "" && process.env.SPARKPORT_OFFLINE !== "0";
      const found = await registry();
      return {
        ...found,
        cache: options?.leanHeap === true ? (await import("./lean-heap.js")).leaningOnLargeRegistry(found.cache, nodeCommandRunner) : found.cache,
        deps: { socketTable: createSocketTable(process.platform, nodeCommandRunner, readText), prober: nodeTcpProber, runner: nodeCommandRunner, localAddresses },
        timeoutMs: parseDuration(globals.timeout, "--timeout"),
        remote: globals.remote && !offline,
        thisNode: globals.thisNode ?? process.env.SPARKPORT_NODE,
        onProbe: globals.verbose === true ? (line) => writeError(`${paints.err.dim(line)}\n`) : undefined,
        progress: view.progress,
        noteDue: view.onceADay ? noteOnceADay() : undefined,
      };
    },
    async doctor(commandRunner) {
      const [{ createProcessInfo }, { projectFiles }] = await Promise.all([import("../observe/process-command-line.js"), import("../io/project-files.js")]);
      return { processInfo: createProcessInfo(process.platform, commandRunner, readText), projectFiles, readText, os: machine().os };
    },
  };
}
