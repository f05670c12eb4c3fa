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
 * On POSIX, a cache folder someone else owns or can write to is not used:
 * its files are code this process would run. (A shared XDG_CACHE_HOME, or
 * sudo keeping HOME.)
 */
function trusted(dir: string): boolean {
  if (process.platform === "win32" || process.getuid === undefined) return true;
  try {
    const stats = fs.statSync(dir);
    return stats.isDirectory() && stats.uid === process.getuid() && (stats.mode & 0o022) === 0;
  } catch {
    return true; // Not there yet: it is created 0700 by the first write.
  }
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
  if (dir === undefined || !trusted(dir)) return undefined;
  // V8 checks a cache against the source's length only: the key carries the bundle's content
  // hash, written beside it by the build, so an upgrade never runs the previous build's code.
  let id: string;
  try {
    id = fs.readFileSync(`${bundle}.id`, "utf8").trim();
  } catch {
    return undefined;
  }
  if (!/^[0-9a-f]{16,64}$/.test(id)) return undefined;
  const prefix = `sparkport-${process.version}-${process.arch}-${id}-`;
  return { file: path.join(dir, `${prefix}${commandKey()}.v8`), prefix };
}

const MAGIC = 0x53504b31; // "SPK1"
const HEADER = 12;

/**
 * A light checksum: the first 256 bytes (V8's header and the first objects)
 * whole, then every 16th 32-bit word, the tail and the length. Release V8
 * does not checksum a code cache, and a garbled one can crash the process;
 * this catches torn and garbage files for a fraction of a millisecond, where
 * hashing every byte would cost more than the cache saves.
 */
function sampleHash(data: Uint8Array): number {
  let hash = 0x811c9dc5 | 0;
  const words = Math.floor(data.length / 4);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let i = 0; i < words; i += i < 64 ? 1 : 16) hash = Math.imul(hash ^ view.getInt32(i * 4, true), 16777619);
  for (let i = words * 4; i < data.length; i += 1) hash = Math.imul(hash ^ (data[i] ?? 0), 16777619);
  return Math.imul(hash ^ data.length, 16777619) >>> 0;
}

function readCache(file: string | undefined): Buffer | undefined {
  if (file === undefined) return undefined;
  try {
    const raw = fs.readFileSync(file);
    if (raw.length <= HEADER || raw.readUInt32LE(0) !== MAGIC || raw.readUInt32LE(4) !== raw.length - HEADER) return undefined;
    const data = raw.subarray(HEADER);
    return raw.readUInt32LE(8) === sampleHash(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Best effort: written to a temporary file, synced, then renamed, so two runs
 * at once never leave half a file; a read-only home just means no cache.
 * Caches of other builds or Node versions are removed.
 */
function writeCache(file: string, prefix: string, data: Buffer): void {
  const dir = path.dirname(file);
  try {
    for (const name of fs.readdirSync(dir).filter((n) => n.startsWith("sparkport-") && !n.startsWith(prefix))) fs.rmSync(path.join(dir, name), { force: true });
  } catch {
    // The folder does not exist yet.
  }
  const temporary = `${file}.${String(process.pid)}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const header = Buffer.alloc(HEADER);
    header.writeUInt32LE(MAGIC, 0);
    header.writeUInt32LE(data.length, 4);
    header.writeUInt32LE(sampleHash(data), 8);
    const fd = fs.openSync(temporary, "w", 0o600);
    try {
      fs.writeSync(fd, header);
      fs.writeSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
  } catch {
    // No cache this time (the next run compiles again, only slower); nothing left behind.
    fs.rmSync(temporary, { force: true });
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
