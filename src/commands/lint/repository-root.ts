import path from "node:path";
import type { FileSystem } from "../../io/file-system.js";

/**
 * What CI annotation paths are relative to: GITHUB_WORKSPACE, else the git work tree holding the registry (the nearest
 * folder with a `.git` folder or file, as git finds it, without starting git), else the registry's folder.
 */
export async function repositoryRoot(env: Readonly<Record<string, string | undefined>>, registryDir: string, fs: FileSystem): Promise<string> {
  const workspace = env["GITHUB_WORKSPACE"];
  if (workspace !== undefined && workspace !== "") return path.resolve(workspace);
  for (let dir = registryDir; ; dir = path.dirname(dir)) {
    const kind = await fs.stat(path.join(dir, ".git")).then(
      (s) => s.kind,
      () => undefined,
    );
    if (kind === "folder" || kind === "file") return dir;
    if (path.dirname(dir) === dir) return registryDir;
  }
}
