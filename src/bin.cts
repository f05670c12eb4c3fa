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
import cacheDirs = require("./io/user-cache-dir.cjs");
import COMMAND_NAMES = require("./command-names.cjs");

/**
 * One cache per command (the first argument that names one): a cache holds
 * the functions its run compiled, and `check` needs others than `lint`. Runs
 * naming none share one, so option values never name a cache file.
 */
function commandKey(): string {
  return process.argv.slice(2).find((arg) => COMMAND_NAMES.includes(arg)) ?? "none";
}

/**
 * The bundle's content hash, written beside it by the build. It keys the code
 * cache (V8 checks a cache against the source's length only, so an upgrade
 * must never run the previous build's code) and the registry cache (src/cli.ts).
 */
function bundleId(bundle: string): string | undefined {
  try {
    const id = fs.readFileSync(`${bundle}.id`, "utf8").trim();
    return /^[0-9a-f]{16,64}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where a command's code caches go: `lean`, written by a run that found its
 * registry in the registry cache, and `parsing`, by a run that parsed it. A
 * cache holds every function its run compiled, and the YAML parser and the
 * schema are most of a parsing run's: the lean one, when there is one, is
 * what a run loads.
 */
function cacheFile(id: string | undefined): { lean: string; parsing: string; prefix: string } | undefined {
  // SPARKPORT_NO_CACHE turns off every cache (src/cli.ts reads it for the registry cache).
  if (id === undefined || (process.env.SPARKPORT_NO_COMPILE_CACHE ?? "") !== "" || (process.env.SPARKPORT_NO_CACHE ?? "") !== "") return undefined;
  const dir = cacheDirs.userCacheDir();
  if (dir === undefined || !cacheDirs.isTrustedDir(dir)) return undefined;
  const prefix = `sparkport-${process.version}-${process.arch}-${id}-`;
  const base = path.join(dir, `${prefix}${commandKey()}`);
  return { lean: `${base}.v8`, parsing: `${base}.parsing.v8`, prefix };
}

const MAGIC = 0x53504b32; // "SPK2"
/** Magic, length, checksum, and 1 when the run that wrote it reported findings (exit code 1). */
const HEADER = 16;

/**
 * A light checksum: the first 256 bytes (V8's header and the first objects)
 * whole, then every 64th 32-bit word (one in each 256 bytes), the tail and
 * the length. Release V8 does not checksum a code cache, and a garbled one
 * can crash the process; this catches torn and garbage files (a zeroed or
 * foreign page is sixteen samples) for a tenth of a millisecond, where
 * hashing every byte would cost more than the cache saves.
 */
function sampleHash(data: Uint8Array): number {
  let hash = 0x811c9dc5 | 0;
  const words = Math.floor(data.length / 4);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let i = 0; i < words; i += i < 64 ? 1 : 64) hash = Math.imul(hash ^ view.getInt32(i * 4, true), 16777619);
  for (let i = words * 4; i < data.length; i += 1) hash = Math.imul(hash ^ (data[i] ?? 0), 16777619);
  return Math.imul(hash ^ data.length, 16777619) >>> 0;
}

interface CodeCache {
  data: Buffer;
  /** Written by a run that reported findings: one that also compiled what a conflict takes to report. */
  fromFindings: boolean;
}

function readCache(file: string | undefined): CodeCache | undefined {
  if (file === undefined) return undefined;
  try {
    const raw = fs.readFileSync(file);
    if (raw.length <= HEADER || raw.readUInt32LE(0) !== MAGIC || raw.readUInt32LE(4) !== raw.length - HEADER) return undefined;
    const data = raw.subarray(HEADER);
    return raw.readUInt32LE(8) === sampleHash(data) ? { data, fromFindings: raw.readUInt32LE(12) === 1 } : undefined;
  } catch {
    return undefined;
  }
}

/** Caches of other builds or Node versions are removed: nothing else will ever read them. */
function pruneCaches(dir: string, prefix: string): void {
  try {
    for (const name of fs.readdirSync(dir).filter((n) => n.startsWith("sparkport-") && !n.startsWith(prefix))) fs.rmSync(path.join(dir, name), { force: true });
  } catch {
    // The folder does not exist yet.
  }
}

/**
 * Best effort: written to a temporary file, synced, then renamed, so two runs
 * at once never leave half a file; a read-only home just means no cache.
 */
function writeCache(file: string, data: Buffer, prefix: string, fromFindings: boolean): void {
  const dir = path.dirname(file);
  // A new cache is written after an upgrade, so that is when another build's become garbage.
  pruneCaches(dir, prefix);
  const temporary = `${file}.${String(process.pid)}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const header = Buffer.alloc(HEADER);
    header.writeUInt32LE(MAGIC, 0);
    header.writeUInt32LE(data.length, 4);
    header.writeUInt32LE(sampleHash(data), 8);
    header.writeUInt32LE(fromFindings ? 1 : 0, 12);
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
    removeFile(temporary);
  }
}

function removeFile(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // The cache folder is not one (a file in its place): there is nothing to remove.
  }
}

function launch(bundle: string): void {
  const id = bundleId(bundle);
  const cache = cacheFile(id);
  const lean = readCache(cache?.lean);
  const parsing = lean === undefined ? readCache(cache?.parsing) : undefined;
  const source = fs.readFileSync(bundle, "utf8").replace(/^#!.*/, "");
  const vm: typeof import("node:vm") = require("node:vm");
  const script = new vm.Script(nodeModule.wrap(source), { filename: bundle, cachedData: (lean ?? parsing)?.data });
  if (cache !== undefined) {
    // After the run, so a cache holds the functions this command compiled, not just the top level.
    process.once("exit", (code) => {
      // V8 refuses a code cache made under other flags than its own, and this run changed some
      // (src/lean-heap.ts): what it would write, no run could load. What it loaded stays.
      if (Reflect.get(globalThis, Symbol.for("sparkport.v8FlagsChanged")) === true) return;
      const rejected = script.cachedDataRejected === true;
      const findings = code === 1;
      // src/cli.ts says whether this run parsed its registry (a miss in the registry cache).
      if (Reflect.get(globalThis, Symbol.for("sparkport.parsedRegistry")) === true) {
        if (lean === undefined && (parsing === undefined || rejected)) writeCache(cache.parsing, script.createCachedData(), cache.prefix, findings);
      } else if (lean === undefined || rejected) {
        // A run that loaded the parsing cache holds the parser too: it removes that cache, so the next
        // run compiles afresh and writes a lean one. Commands that always parse keep theirs.
        if (parsing !== undefined && !rejected) removeFile(cache.parsing);
        else writeCache(cache.lean, script.createCachedData(), cache.prefix, findings);
      } else if (findings && !lean.fromFindings) {
        // The lean cache came from a clean run (a free port), and this one reported a conflict: it
        // compiled the owner lookup, the holder's text and the next-free search besides, which the
        // next conflict would compile again (3 ms of a held check). Once per build and command.
        writeCache(cache.lean, script.createCachedData(), cache.prefix, true);
      }
    });
  }
  // The registry cache is keyed by the same build (src/cli.ts reads it here).
  if (id !== undefined) Reflect.set(globalThis, Symbol.for("sparkport.build"), id);
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
