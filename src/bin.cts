#!/usr/bin/env node
// The `bin` (dist/bin.cjs): loads the bundled CLI (dist/sparkport.cjs) through V8's code
// cache. The CLI runs before every service start, and compiling half a
// megabyte of JavaScript is most of what it costs beyond Node's own start;
// Node 22 does this with module.enableCompileCache(), Node 20 needs this file.
// Besides src/cli.ts, this is the only file that reads argv or prints, and
// only for `sparkport --version` alone: scripts call it to see that the tool
// is there, and it is answered without loading the bundle at all.
import fs = require("node:fs");
import nodeModule = require("node:module");
import path = require("node:path");

/** The per-user cache folder of the platform: never a shared one, since the cache is code that gets run. */
function cacheDir(): string | undefined {
  // HOME, as os.homedir() would read it, without loading os for it.
  const home = process.env.HOME;
  if (process.platform === "win32") return process.env.LOCALAPPDATA === undefined ? undefined : path.join(process.env.LOCALAPPDATA, "sparkport", "Cache");
  if (home === undefined || !path.isAbsolute(home)) return undefined;
  if (process.platform === "darwin") return path.join(home, "Library", "Caches", "sparkport");
  const xdg = process.env.XDG_CACHE_HOME;
  return path.join(xdg !== undefined && path.isAbsolute(xdg) ? xdg : path.join(home, ".cache"), "sparkport");
}

/**
 * One cache per command (the first argument that looks like one): a cache
 * holds the functions its run compiled, and `check` needs others than `lint`.
 */
function commandKey(): string {
  return process.argv.slice(2).find((arg) => /^[a-z][a-z-]{0,19}$/.test(arg)) ?? "none";
}

function cacheFile(bundle: string): { file: string; prefix: string } | undefined {
  if ((process.env.SPARKPORT_NO_COMPILE_CACHE ?? "") !== "") return undefined;
  const dir = cacheDir();
  if (dir === undefined) return undefined;
  // V8 rejects a cache made from other source or by another V8 (cachedDataRejected); the key only avoids churn.
  const { size, mtimeMs } = fs.statSync(bundle);
  const prefix = `sparkport-${process.version}-${process.arch}-${size.toString(36)}-${Math.trunc(mtimeMs).toString(36)}-`;
  return { file: path.join(dir, `${prefix}${commandKey()}.v8`), prefix };
}

function readCache(file: string | undefined): Buffer | undefined {
  if (file === undefined) return undefined;
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Best effort, atomically (two runs at once never leave half a file); a
 * read-only home just means no cache. Caches of other builds or Node
 * versions are removed.
 */
function writeCache(file: string, prefix: string, data: Buffer): void {
  try {
    const dir = path.dirname(file);
    for (const name of fs.readdirSync(dir).filter((n) => n.startsWith("sparkport-") && !n.startsWith(prefix))) fs.rmSync(path.join(dir, name), { force: true });
  } catch {
    // The folder does not exist yet.
  }
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const temporary = `${file}.${String(process.pid)}.tmp`;
    fs.writeFileSync(temporary, data, { mode: 0o600 });
    fs.renameSync(temporary, file);
  } catch {
    // No cache this time: the next run compiles again, which is only slower.
  }
}

function launch(bundle: string): void {
  const cache = cacheFile(bundle);
  const cachedData = readCache(cache?.file);
  const source = fs.readFileSync(bundle, "utf8").replace(/^#!.*/, "");
  const vm: typeof import("node:vm") = require("node:vm");
  const script = new vm.Script(nodeModule.wrap(source), { filename: bundle, cachedData });
  if (cache !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) {
    // After the run, so the cache holds the functions this command compiled, not just the top level.
    process.once("exit", () => writeCache(cache.file, cache.prefix, script.createCachedData()));
  }
  const compiled: unknown = script.runInThisContext();
  if (typeof compiled !== "function") throw new Error(`${bundle} did not compile to a module function`);
  const module = { exports: {} };
  compiled.call(module.exports, module.exports, nodeModule.createRequire(bundle), module, bundle, path.dirname(bundle));
}

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  const manifest: unknown = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8"));
  const version = typeof manifest === "object" && manifest !== null && "version" in manifest ? manifest.version : undefined;
  if (typeof version !== "string") throw new Error("sparkport's package.json has no version");
  process.stdout.write(`${version}\n`);
} else {
  launch(path.join(__dirname, "sparkport.cjs"));
}
