import { SparkportInputError, UsageError } from "../findings/errors.js";
import { fileError } from "../io/file-error.js";
import { errorCode, readText, type FileSystem } from "../io/file-system.js";
import type { LoadedRegistry } from "../registry/loaded-registry.js";
import { parseRegistry } from "../registry/parse-registry.js";
import { lineDiff } from "./line-diff.js";
import { withRegistryLock, type HeldLock } from "../io/registry-lock.js";
import { fileErrorWords } from "../words/file-error-words.js";

export interface EditResult {
  file: string;
  diff: string;
  /** False for --dry-run. */
  written: boolean;
}

/** The registry as it is now, read with the regular-file check: a FIFO swapped in must not block the read. */
async function readAgain(fs: FileSystem, registry: LoadedRegistry): Promise<string> {
  try {
    return await readText(fs, registry.absolutePath);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT") throw new UsageError(fileErrorWords().removedWhileWaiting(registry.file));
    if (code === "ENOTREGULAR" || code === "EISDIR") throw new UsageError(fileErrorWords().noLongerRegular(registry.file));
    throw fileError(error, "read", registry.file);
  }
}

/** A file whose every line ends in CRLF keeps CRLF in the lines an edit adds; any other file is left as made. */
export function keepLineEndings(before: string, after: string): string {
  if (!before.includes("\r\n") || /(^|[^\r])\n/.test(before)) return after;
  return after.replace(/\r?\n/g, "\r\n");
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
  const run = async (held?: HeldLock): Promise<EditResult> => {
    const text = await readAgain(options.fs, registry);
    const current = text === registry.text ? registry : parseRegistry(text, registry.file, registry.absolutePath);
    const changed = await change(current);
    if (changed === null) return { file: registry.file, diff: "", written: false };
    const next = keepLineEndings(text, changed);
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
      held?.assertHeld();
      await options.fs.writeFile(registry.absolutePath, next);
    } catch (error) {
      throw fileError(error, "write", registry.file);
    }
    return { file: registry.file, diff, written: true };
  };
  return options.dryRun ? run() : withRegistryLock(registry.absolutePath, run);
}
