import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32 } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicBuild, runAsNobody, whyNotAsNobody } from "./helpers/as-nobody.js";
import { CLI, REPO_ROOT } from "./helpers/run-cli.js";

// dist/bin.cjs loads the bundle through Node's compile cache, in a folder of the user's own beside
// the registry cache. Whatever those folders hold, the answer is the answer of a run without them.

function run(cacheHome: string, args: readonly string[], extra: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", XDG_CACHE_HOME: cacheHome, SPARKPORT_NO_CACHE: "", NODE_COMPILE_CACHE: "", SPARKPORT_NODE: "here", ...extra },
  });
}

/** Every file below `dir`, relative to it. */
function filesBelow(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => statSync(path.join(dir, name)).isFile()).sort();
  } catch {
    return [];
  }
}

const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;

/** A Node older than 22.12 on PATH (Debian's own, beside the one running the tests), to run the launcher for real. */
function findOldNode(): { path: string; version: string } | undefined {
  for (const dir of (process.env["PATH"] ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, process.platform === "win32" ? "node.exe" : "node");
    const answer = spawnSync(candidate, ["-p", "process.versions.node"], { encoding: "utf8" });
    const version = answer.status === 0 ? answer.stdout.trim() : "";
    const [major = 0, minor = 0] = version.split(".").map(Number);
    if (version !== "" && (major < 22 || (major === 22 && minor < 12))) return { path: candidate, version };
  }
  return undefined;
}

const oldNode = findOldNode();
if (oldNode === undefined) console.warn("skipping the real old-Node case: no Node older than 22.12 on PATH (the faked version case still runs)");

describe.skipIf(process.platform !== "linux")("dist/bin.cjs and its caches", () => {
  let home: string;
  let registry: string;
  let server: Server;
  let held = 0;
  const check = (cacheHome: string, extra: NodeJS.ProcessEnv = {}) => run(cacheHome, ["--registry", registry, "check", String(held)], extra);

  beforeAll(async () => {
    home = mkdtempSync(path.join(tmpdir(), "sparkport-launcher-"));
    registry = path.join(home, "ports.yaml");
    writeFileSync(
      registry,
      "version: 1\nnodes:\n  here: {address: 127.0.0.1, os: linux}\nteams:\n  B: {name: B, ranges: [{name: b, from: 1024, to: 65535}]}\nenvironments:\n  dev: {offset: 0}\nservices:\n  - {name: api, team: B, node: here, port: 18000, protocol: http, access: all-nodes, status: running}\n",
    );
    server = createServer();
    await new Promise<void>((resolve) => server.listen({ host: "127.0.0.1", port: 0 }, resolve));
    const address = server.address();
    held = typeof address === "object" && address !== null ? address.port : 0;
  });
  afterAll(() => {
    server.close();
  });

  it("keeps Node's compile cache and the registry cache in private folders; the answer is the same with, without and from them", () => {
    const uncached = check(path.join(home, "unused"), { SPARKPORT_NO_CACHE: "1" });
    expect(uncached.status, uncached.stderr).toBe(1);
    expect(uncached.stdout).toContain(`held by node (PID ${process.pid}`);
    expect(filesBelow(path.join(home, "unused"))).toEqual([]);

    const cacheHome = mkdtempSync(path.join(tmpdir(), "sparkport-cache-"));
    const first = check(cacheHome);
    const dir = path.join(cacheHome, "sparkport");
    const files = filesBelow(dir);
    expect(files.filter((f) => f.startsWith("compile/")).length).toBeGreaterThan(0);
    expect(files.filter((f) => f.startsWith("registries/"))).toHaveLength(1);
    for (const sub of ["", "compile", "registries"]) expect(statSync(path.join(dir, sub)).mode & 0o777).toBe(0o700);
    const second = check(cacheHome);
    for (const answer of [first, second]) expect([answer.status, answer.stdout, answer.stderr]).toEqual([uncached.status, uncached.stdout, uncached.stderr]);
  });

  it("flipped bytes anywhere in any cache file, a truncated or an empty one: the same answer, and the file is written anew", { timeout: 240_000 }, () => {
    const uncached = check(path.join(home, "unused"), { SPARKPORT_NO_CACHE: "1" });
    const cacheHome = mkdtempSync(path.join(tmpdir(), "sparkport-cache-"));
    expect(check(cacheHome).status).toBe(1);
    const dir = path.join(cacheHome, "sparkport");
    const files = filesBelow(dir);
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const name of files) {
      const file = path.join(dir, name);
      const good = readFileSync(file);
      const offsets = new Set([0, 1, 4, 8, 12, 16, 20, 24, 32, 40, 64, good.length - 1]);
      for (let i = 1; i < 16; i += 1) offsets.add(Math.floor((good.length * i) / 16));
      const damaged = [...offsets].filter((o) => o >= 0 && o < good.length).map((offset) => {
        const copy = Buffer.from(good);
        copy[offset] = (copy[offset] ?? 0) ^ 0xff;
        return { what: `byte ${offset} of ${name} flipped`, bytes: copy };
      });
      damaged.push({ what: `${name} cut in half`, bytes: good.subarray(0, good.length >> 1) }, { what: `${name} empty`, bytes: Buffer.alloc(0) });
      for (const { what, bytes } of damaged) {
        writeFileSync(file, bytes);
        const answer = check(cacheHome);
        expect([answer.status, answer.stdout, answer.stderr], what).toEqual([uncached.status, uncached.stdout, uncached.stderr]);
      }
      // The last damage (an empty file) was replaced by a whole one, which the next run takes as it is.
      expect(readFileSync(file).length, name).toBeGreaterThan(0);
      const after = check(cacheHome);
      expect([after.status, after.stdout]).toEqual([uncached.status, uncached.stdout]);
    }
  });

  it("random bytes, truncations and content whose checksum was made to match, in every cache file: the answer of a run without caches, never a crash", { timeout: 240_000 }, () => {
    const uncached = check(path.join(home, "unused"), { SPARKPORT_NO_CACHE: "1" });
    const cacheHome = mkdtempSync(path.join(tmpdir(), "sparkport-cache-"));
    expect(check(cacheHome).status).toBe(1);
    const dir = path.join(cacheHome, "sparkport");
    const files = filesBelow(dir);
    // Node's compile cache, the registry entry and the registry cache's seed.
    expect(files.filter((f) => f.startsWith("compile/"))).toHaveLength(1);
    expect(files.filter((f) => f.startsWith("registries/"))).toHaveLength(1);
    expect(files).toContain("registries.seed");
    let state = 0x2545f491;
    const random = () => (state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0);
    const randomBytes = (length: number) => Buffer.from(Array.from({ length }, () => random() & 0xff));
    for (const name of files) {
      const file = path.join(dir, name);
      const good = readFileSync(file);
      const damaged: { what: string; bytes: Buffer }[] = [
        { what: "random bytes, same length", bytes: randomBytes(good.length) },
        { what: "random bytes, 4", bytes: randomBytes(4) },
        { what: "random bytes, 100", bytes: randomBytes(100) },
        ...[1, 3, 20, 24, good.length >> 2, good.length - 1].map((cut) => ({ what: `cut to ${cut} bytes`, bytes: good.subarray(0, cut) })),
      ];
      // The checksum made to match the change: Node's (a CRC-32 of the V8 data, at byte 16 of its 20-byte header), or a plain CRC-32 of the registry entry.
      const offsets = Array.from({ length: 24 }, (_, i) => 20 + Math.floor(((good.length - 21) * (i + 0.5)) / 24));
      for (const offset of offsets) {
        const bytes = Buffer.from(good);
        bytes[offset] = (bytes[offset] ?? 0) ^ (1 << (offset % 8));
        if (name.startsWith("compile/")) bytes.writeUInt32LE(crc32(bytes.subarray(20)), 16);
        else if (name.startsWith("registries/")) bytes.writeUInt32LE(crc32(bytes.subarray(4)), 0);
        else continue;
        damaged.push({ what: `byte ${offset} changed, checksum made to match`, bytes });
      }
      if (name.startsWith("registries/")) {
        const planted = Buffer.from(good.toString("latin1").replace('"port":18000', '"port":18001'), "latin1");
        expect(planted.equals(good)).toBe(false);
        planted.writeUInt32LE(crc32(planted.subarray(4)), 0);
        damaged.push({ what: "a service's port changed, checksum made to match", bytes: planted });
      }
      for (const { what, bytes } of damaged) {
        writeFileSync(file, bytes);
        const answer = check(cacheHome);
        expect([answer.status, answer.signal, answer.stdout, answer.stderr], `${name}: ${what}`).toEqual([uncached.status, null, uncached.stdout, uncached.stderr]);
      }
      writeFileSync(file, good);
    }
  });

  it("a cache folder someone else may write to is neither read nor written; no cache folder is no error", () => {
    const cacheHome = mkdtempSync(path.join(tmpdir(), "sparkport-cache-"));
    expect(check(cacheHome).status).toBe(1);
    const dir = path.join(cacheHome, "sparkport");
    chmodSync(dir, 0o777);
    const [entry] = readdirSync(path.join(dir, "registries"));
    const planted = path.join(dir, "registries", entry ?? "");
    writeFileSync(planted, "planted");
    const before = filesBelow(dir);
    const answer = check(cacheHome);
    expect([answer.status, answer.stderr]).toEqual([1, ""]);
    expect(filesBelow(dir)).toEqual(before);
    expect(readFileSync(planted, "utf8")).toBe("planted");

    const blocked = mkdtempSync(path.join(tmpdir(), "sparkport-cache-"));
    writeFileSync(path.join(blocked, "sparkport"), "a file where the folder would be");
    const aside = check(blocked);
    expect([aside.status, aside.stderr]).toEqual([1, ""]);
  });

  const whyNot = whyNotAsNobody();
  if (whyNot !== undefined) console.warn(`skipping the launcher's cases for another user: ${whyNot}`);

  it.skipIf(whyNot !== undefined)("as root with another user's HOME, nothing is created in it; as that user, an unwritable cache folder is no error", () => {
    const theirs = mkdtempSync(path.join(tmpdir(), "sparkport-home-"));
    chownSync(theirs, 65534, 65534);
    const env = { XDG_CACHE_HOME: "", HOME: theirs };
    const answer = check(theirs, env);
    expect([answer.status, answer.stderr]).toEqual([1, ""]);
    expect(readdirSync(theirs)).toEqual([]);

    const locked = mkdtempSync(path.join(tmpdir(), "sparkport-cache-"));
    chmodSync(locked, 0o555);
    const bin = path.join(publicBuild(), "dist/bin.cjs");
    chmodSync(home, 0o755);
    const asNobody = runAsNobody([bin, "--no-remote", "--registry", registry, "list"], { ...process.env, NO_COLOR: "1", XDG_CACHE_HOME: locked, HOME: theirs });
    expect(asNobody.stderr).toBe("");
    expect(asNobody.status).toBe(0);
    expect(readdirSync(locked)).toEqual([]);

    // That user's own cache, with a registry entry root left there: unreadable to them, so ignored and replaced.
    const own = mkdtempSync(path.join(tmpdir(), "sparkport-cache-"));
    chownSync(own, 65534, 65534);
    const asThem = () => runAsNobody([bin, "--no-remote", "--registry", registry, "list"], { ...process.env, NO_COLOR: "1", XDG_CACHE_HOME: own, HOME: theirs });
    const first = asThem();
    expect([first.status, first.stderr]).toEqual([0, ""]);
    const registries = path.join(own, "sparkport", "registries");
    const [entry] = readdirSync(registries);
    const planted = path.join(registries, entry ?? "");
    writeFileSync(planted, "root's");
    chownSync(planted, 0, 0);
    chmodSync(planted, 0o600);
    const again = asThem();
    expect([again.status, again.stdout, again.stderr]).toEqual([0, first.stdout, ""]);
    expect(statSync(planted).uid).toBe(65534);
  });

  it("answers a lone --version from package.json; on a Node older than 22.12 it says so in one line and exits 2", () => {
    const cacheHome = mkdtempSync(path.join(tmpdir(), "sparkport-cache-"));
    expect(run(cacheHome, ["--version"]).stdout).toBe(`${version}\n`);
    expect(run(cacheHome, ["-V"]).stdout).toBe(`${version}\n`);
    for (const old of ["20.19.0", "22.11.0", "18.0.0"]) {
      const script = `Object.defineProperty(process.versions, "node", { value: ${JSON.stringify(old)} }); require(${JSON.stringify(CLI)});`;
      const answer = spawnSync(process.execPath, ["-e", script, "lint"], { encoding: "utf8" });
      expect([answer.status, answer.stdout, answer.stderr]).toEqual([2, "", `sparkport needs Node.js 22.12 or newer; this is Node.js ${old}\n`]);
    }
  });

  it.skipIf(oldNode === undefined)("a real Node older than 22.12 (on PATH) gets the one line and exit 2, never a syntax error", () => {
    const answer = spawnSync(oldNode?.path ?? "", [CLI, "check", "8002"], { encoding: "utf8" });
    expect([answer.status, answer.stdout, answer.stderr]).toEqual([2, "", `sparkport needs Node.js 22.12 or newer; this is Node.js ${oldNode?.version}\n`]);
  });

  it("this Node takes status's lean-heap flags silently, and a large status run prints nothing on stderr", () => {
    const flags = spawnSync(process.execPath, ["--optimize-for-size", "--semi-space-growth-factor=1", "-e", "0"], { encoding: "utf8" });
    expect([flags.status, flags.stderr]).toEqual([0, ""]);
    const large = path.join(home, "large.yaml");
    const lines = ["version: 1", "nodes:", "  here: {address: 127.0.0.1, os: linux}", "teams:", "  A: {name: A, ranges: [{name: a, from: 30000, to: 39999}]}", "environments:", "  dev: {offset: 0}", "services:"];
    for (let i = 0; i < 2000; i += 1) lines.push(`  - {name: s${i}, team: A, node: here, port: ${30000 + i}, protocol: tcp, access: all-nodes, status: stopped}`);
    writeFileSync(large, `${lines.join("\n")}\n`);
    const cacheHome = mkdtempSync(path.join(tmpdir(), "sparkport-cache-"));
    // The first run parses and stores the registry; the second finds it stored and sets the flags.
    for (let i = 0; i < 2; i += 1) {
      const answer = run(cacheHome, ["--registry", large, "status", "--json"]);
      expect(answer.stderr).toBe("");
      expect((JSON.parse(answer.stdout) as { rows: unknown[] }).rows).toHaveLength(2000);
    }
  });
});
