import { readdir } from "node:fs/promises";
import path from "node:path";

/** Folders that hold no project configuration: dependencies, VCS data, build output. */
const SKIPPED = new Set(["node_modules", ".git", "dist", "build", ".next", ".venv", "venv", "__pycache__", "coverage", ".turbo", ".cache"]);
const MAX_DEPTH = 5;

/** Files below `root` (a few levels deep) whose base name passes `accept`, in a stable order. */
export async function projectFiles(root: string, accept: (name: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth < MAX_DEPTH && !SKIPPED.has(entry.name)) await walk(full, depth + 1);
      } else if (entry.isFile() && accept(entry.name)) {
        found.push(full);
      }
    }
  };
  await walk(root, 0);
  return found;
}
