import path from "node:path";
import { SparkportInputError } from "../findings/errors.js";
import { makeFinding } from "../findings/finding.js";
import type { FileSystem } from "../io/file-system.js";
import { shownPath } from "../util/shown-path.js";

export const REGISTRY_FILE_NAME = "ports.yaml";

export interface DiscoverOptions {
  explicit?: string | undefined;
  fromEnv?: string | undefined;
  cwd: string;
}

export async function discoverRegistry(options: DiscoverOptions, fs: FileSystem): Promise<string> {
  const named = options.explicit ?? (options.fromEnv === "" ? undefined : options.fromEnv);
  if (named !== undefined) return path.resolve(options.cwd, named);
  let dir = path.resolve(options.cwd);
  for (;;) {
    const candidate = path.join(dir, REGISTRY_FILE_NAME);
    if (await fs.isFile(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new SparkportInputError([
    makeFinding("registry-not-found", "error", { cwd: path.resolve(options.cwd) }, { file: REGISTRY_FILE_NAME }),
  ]);
}

/** As the registry's findings show it: relative to cwd inside the project, absolute from elsewhere. */
export function displayPath(file: string, cwd: string): string {
  return shownPath(file, cwd, path.dirname(file));
}
