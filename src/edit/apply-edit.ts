import { SparkportInputError } from "../findings/errors.js";
import { fileError } from "../io/file-error.js";
import { readText, type FileSystem } from "../io/file-system.js";
import type { LoadedRegistry } from "../registry/loaded-registry.js";
import { parseRegistry } from "../registry/parse-registry.js";
import { lineDiff } from "./line-diff.js";
import { withRegistryLock } from "../io/registry-lock.js";

export interface EditResult {
  file: string;
  diff: string;
  /** False for --dry-run. */
  written: boolean;
}

/**
 * Read the registry under its lock, let `change` compute the new text from the
 * freshly read one (so a concurrent change is never lost), validate the
 * result, and replace the file atomically. `change` throws to refuse.
 */
export async function applyEdit(
  registry: LoadedRegistry,
  /** The new text, or null to leave the file as it is (a refusal found under the lock). */
  change: (current: LoadedRegistry) => Promise<string | null> | string | null,
  options: { dryRun: boolean; fs: FileSystem },
): Promise<EditResult> {
  const run = async (): Promise<EditResult> => {
    const text = await readText(options.fs, registry.absolutePath);
    const current = text === registry.text ? registry : parseRegistry(text, registry.file, registry.absolutePath);
    const next = await change(current);
    if (next === null) return { file: registry.file, diff: "", written: false };
    try {
      parseRegistry(next, registry.file, registry.absolutePath);
    } catch (error) {
      if (error instanceof SparkportInputError) throw new Error(`sparkport produced an invalid registry: ${error.message}`);
      throw error;
    }
    const diff = lineDiff(registry.file, text, next);
    if (options.dryRun) return { file: registry.file, diff, written: false };
    try {
      await options.fs.assertWritable(registry.absolutePath);
      await options.fs.writeFile(registry.absolutePath, next);
    } catch (error) {
      throw fileError(error, "write", registry.file);
    }
    return { file: registry.file, diff, written: true };
  };
  return options.dryRun ? run() : withRegistryLock(registry.absolutePath, run);
}
