import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { buildModel, type RegistryModel } from "../../registry/model.js";
import { openRegistry, type RegistryOptions } from "../../registry/open-registry.js";

export interface RegistryState {
  model: RegistryModel;
  /** sha256 of the text the model was read from. */
  sha: string;
  /** Why the file, changed since, could not be read: the model is then the last good one. */
  reloadError: string | null;
}

const shaOf = (text: string): string => createHash("sha256").update(text).digest("hex");

/** What identifies the file's contents without reading it: an atomic write changes the inode, an edit the size or mtime. */
function stampOf(file: string): string {
  try {
    const s = statSync(file);
    return `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
  } catch {
    return "gone";
  }
}

/**
 * The registry as it is now: its file is looked at (one stat) whenever asked, and read again when it changed, so a
 * scrape after an edit answers from the edit. A file that no longer parses leaves the last good model in place.
 */
export async function watchedRegistry(options: RegistryOptions, onChange?: (state: RegistryState) => void): Promise<() => Promise<RegistryState>> {
  const load = async (): Promise<RegistryState> => {
    const loaded = await openRegistry(options);
    return { model: buildModel(loaded), sha: shaOf(loaded.text), reloadError: null };
  };
  let state = await load();
  const file = state.model.registry.absolutePath;
  let stamp = stampOf(file);
  let reloading: Promise<RegistryState> | undefined;
  return async () => {
    const now = stampOf(file);
    if (now === stamp) return reloading ?? state;
    stamp = now;
    reloading = load()
      .catch((error: unknown) => ({ ...state, reloadError: error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error) }))
      .then((next) => {
        // Said when the file first fails to read, and when it reads again: not at every scrape in between.
        if (next.reloadError !== state.reloadError) onChange?.(next);
        state = next;
        reloading = undefined;
        return next;
      });
    return reloading;
  };
}
