import { setFlagsFromString } from "node:v8";
import type { CommandRunner } from "../io/command-runner.js";
import type { RegistryCache } from "../registry/registry-cache.js";

const FLAGS = ["--optimize-for-size", "--semi-space-growth-factor=1"];
/** Below this many services the heap stays small anyway, and asking Node costs a process start. */
const LARGE = 2000;

/**
 * Asks V8 to favour memory over speed and to stop growing the young generation, which a large
 * `status` otherwise lets grow long after its registry is read. V8 prints an error for a flag it
 * does not know, so only a Node that takes them on its own command line gets them.
 */
async function leanHeap(runner: CommandRunner): Promise<void> {
  const accepted = await runner.run(process.execPath, [...FLAGS, "-e", "0"]).then((result) => result.code === 0 && result.stderr === "", () => false);
  if (accepted) for (const flag of FLAGS) setFlagsFromString(flag);
}

/**
 * The registry cache, keeping the heap lean once it serves a large registry. A run that parses keeps
 * V8's defaults: the YAML parser of a large file wants the room, and is slower without it.
 */
export function leaningOnLargeRegistry(cache: RegistryCache | undefined, runner: CommandRunner): RegistryCache | undefined {
  if (cache === undefined) return undefined;
  let asked = false;
  const lean = (services: number): void => {
    if (!asked && services >= LARGE) void leanHeap(runner);
    asked = true;
  };
  return {
    get: (absolutePath, bytes) => {
      const hit = cache.get(absolutePath, bytes);
      if (hit !== undefined) lean(hit.data.services.length);
      return hit;
    },
    put: (...entry) => cache.put(...entry),
  };
}
