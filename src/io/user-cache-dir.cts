// Where sparkport keeps files between runs, for the launcher (CommonJS, before the bundle loads)
// and the registry cache alike.
import fs = require("node:fs");
import path = require("node:path");

/** The per-user cache folder of the platform (never a shared one: compiled code is kept there). */
function userCacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  if (platform === "win32") return env.LOCALAPPDATA === undefined || !path.isAbsolute(env.LOCALAPPDATA) ? undefined : path.join(env.LOCALAPPDATA, "sparkport", "Cache");
  const home = env.HOME;
  if (home === undefined || !path.isAbsolute(home)) return undefined;
  if (platform === "darwin") return path.join(home, "Library", "Caches", "sparkport");
  const xdg = env.XDG_CACHE_HOME;
  return path.join(xdg !== undefined && path.isAbsolute(xdg) ? xdg : path.join(home, ".cache"), "sparkport");
}

/**
 * On POSIX a folder is ours when we own it and nobody else may write to it; a missing one when the
 * nearest folder above it that exists is ours, so root with another user's HOME creates nothing there.
 */
function isOwnDir(dir: string, uid: number): boolean {
  for (let current = dir, missing = false; ; missing = true) {
    try {
      const stats = fs.statSync(current);
      return stats.isDirectory() && stats.uid === uid && (missing || (stats.mode & 0o022) === 0);
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return false;
      current = parent;
    }
  }
}

/**
 * A subfolder of sparkport's cache, created private to this user, or undefined when there is none
 * to use: SPARKPORT_NO_CACHE is set, the folder is not this user's own, or it cannot be made.
 */
function sparkportCacheDir(name: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  if ((env.SPARKPORT_NO_CACHE ?? "") !== "") return undefined;
  const root = userCacheDir(env, platform);
  if (root === undefined) return undefined;
  const dir = path.join(root, name);
  const uid = process.getuid?.();
  if (uid !== undefined && platform !== "win32" && !(isOwnDir(root, uid) && isOwnDir(dir, uid))) return undefined;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    return dir;
  } catch {
    return undefined;
  }
}

export = { sparkportCacheDir };
