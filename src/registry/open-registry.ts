import { discoverRegistry, displayPath } from "./discover.js";
import { loadRegistry } from "./load.js";
import type { LoadedRegistry } from "./loaded-registry.js";
import type { FileSystem } from "../io/file-system.js";
import type { RegistryCache } from "./registry-cache.js";

export interface RegistryOptions {
  registry?: string | undefined;
  processEnv: Readonly<Record<string, string | undefined>>;
  cwd: string;
  fs: FileSystem;
  /** None in tests and library use unless given. */
  cache?: RegistryCache | undefined;
}

export async function openRegistry(options: RegistryOptions): Promise<LoadedRegistry> {
  const absolute = await discoverRegistry({ explicit: options.registry, fromEnv: options.processEnv.SPARKPORT_REGISTRY, cwd: options.cwd }, options.fs);
  return loadRegistry(absolute, displayPath(absolute, options.cwd), options.fs, options.cache);
}
