// Shared by the launcher (src/bin.cts, CommonJS, which must not load the
// bundle to find its code cache) and the registry cache: one definition of
// where sparkport may keep files between runs.
import fs = require("node:fs");
import path = require("node:path");

/**
 * The per-user cache folder of the platform (never a shared one: the code
 * cache is code that gets run), or undefined when there is none to use.
 */
function userCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  if (platform === "win32") return env.LOCALAPPDATA === undefined || !path.isAbsolute(env.LOCALAPPDATA) ? undefined : path.join(env.LOCALAPPDATA, "sparkport", "Cache");
  // HOME, as os.homedir() would read it, without loading os for it.
  const home = env.HOME;
  if (home === undefined || !path.isAbsolute(home)) return undefined;
  if (platform === "darwin") return path.join(home, "Library", "Caches", "sparkport");
  const xdg = env.XDG_CACHE_HOME;
  return path.join(xdg !== undefined && path.isAbsolute(xdg) ? xdg : path.join(home, ".cache"), "sparkport");
}

/**
 * On POSIX, a cache folder someone else owns or can write to is not used:
 * its files are code this process would run, or data it would believe. (A
 * shared XDG_CACHE_HOME, or sudo keeping HOME.)
 */
function isTrustedDir(dir: string): boolean {
  if (process.platform === "win32" || process.getuid === undefined) return true;
  try {
    const stats = fs.statSync(dir);
    return stats.isDirectory() && stats.uid === process.getuid() && (stats.mode & 0o022) === 0;
  } catch {
    return true; // Not there yet: it is created 0700 by the first write.
  }
}

export = { userCacheDir, isTrustedDir };
