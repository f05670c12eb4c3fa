import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32 } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SparkportInputError } from "../src/findings/errors.js";
import { CachedSourceMap } from "../src/registry/cached-source-map.js";
import type { LoadedRegistry } from "../src/registry/loaded-registry.js";
import { parseRegistry } from "../src/registry/parse-registry.js";
import { decodeEntry, encodeEntry, fileRegistryCache } from "../src/registry/registry-cache.js";
import type { PathSegment } from "../src/registry/source-map.js";
import { runs } from "./fuzz/fuzz-helpers.js";
import { REPO_ROOT, runCli } from "./helpers/run-cli.js";
import { paths, registries } from "./helpers/registry-arbitrary.js";
import { skipping } from "./helpers/skip-reason.js";

// A valid registry is cached by the CLI (keyed by the build, the path and the
// exact bytes) so that `check` need not load the YAML parser and the schema.
// What comes back must be what the parse gave: the same data, records without
// a prototype, and the same location for every path a finding can name.

const BUILD = "0123456789abcdef";

type Parsed = ReturnType<typeof parseRegistry>;

/** Parsed as the CLI parses a registry it is about to cache: with its position table. */
const parse = (text: string, file: string, absolutePath: string, chunked?: boolean): Parsed => parseRegistry(text, file, absolutePath, { positions: true, ...(chunked === undefined ? {} : { chunked }) });

function roundTrip(loaded: Parsed, bytes = Buffer.from(loaded.text)) {
  if (loaded.positions === undefined) throw new Error("no positions");
  const entry = encodeEntry(BUILD, loaded.absolutePath, bytes, loaded.data, loaded.positions);
  const cached = decodeEntry(entry, BUILD, loaded.absolutePath, bytes);
  if (cached === undefined) throw new Error("a fresh entry did not decode");
  return { entry, cached, source: new CachedSourceMap(loaded.file, loaded.text, cached.positions) };
}

/** Every path of the data, and below each one a key and an index that exist nowhere. */
function allPaths(value: unknown, path: PathSegment[] = []): PathSegment[][] {
  const out: PathSegment[][] = [path, [...path, "absent"], [...path, 7]];
  if (Array.isArray(value)) value.forEach((v: unknown, i) => out.push(...allPaths(v, [...path, i])));
  else if (typeof value === "object" && value !== null) for (const [k, v] of Object.entries(value)) out.push(...allPaths(v, [...path, k]));
  return out;
}

function expectSameLocations(loaded: LoadedRegistry, source: CachedSourceMap, extra: PathSegment[][] = []): void {
  for (const p of [...allPaths(loaded.data), ...extra]) expect(source.at(p), JSON.stringify(p)).toEqual(loaded.source.at(p));
}

describe("registry cache entries", () => {
  it("give back the data and every location of this repository's ports.yaml and every valid fixture", () => {
    const files = [path.join(REPO_ROOT, "ports.yaml"), ...readdirSync(path.join(REPO_ROOT, "test/fixtures")).map((d) => path.join(REPO_ROOT, "test/fixtures", d, "ports.yaml"))];
    let valid = 0;
    for (const file of files) {
      let loaded: Parsed;
      try {
        loaded = parse(readFileSync(file, "utf8"), "ports.yaml", file);
      } catch {
        continue; // Absent or invalid: never cached.
      }
      valid += 1;
      const { cached, source } = roundTrip(loaded);
      expect(cached.data, file).toStrictEqual(loaded.data);
      // Records keep their null prototype: a node named "constructor" is no lookup on Object.prototype.
      expect(Object.getPrototypeOf(cached.data.nodes)).toBeNull();
      expect(Object.getPrototypeOf(cached.data.teams)).toBeNull();
      expect(cached.data.nodes.constructor).toBeUndefined();
      expectSameLocations(loaded, source);
    }
    expect(valid).toBeGreaterThan(20);
  });

  it("give back the locations of generated registries, parsed whole or in pieces", () => {
    fc.assert(
      fc.property(registries, fc.boolean(), (text, chunked) => {
        const loaded = parse(text, "ports.yaml", "/r/ports.yaml", chunked);
        const { cached, source } = roundTrip(loaded);
        expect(cached.data).toStrictEqual(loaded.data);
        expectSameLocations(loaded, source, paths(loaded.data.services.length).at);
      }),
      runs(40),
    );
  });

  it("give back the locations around aliases, empty values, keys that look like numbers and keys named like Object.prototype's", () => {
    const text = [
      "version: 1",
      "nodes:",
      "  here: &node {address: 127.0.0.1, os: linux}",
      "  '8000': *node",
      // constructor, prototype and __proto__ are refused as keys (test/reserved-keys.test.ts).
      "  tostring: {address: 127.0.0.3, os: linux}",
      "teams:",
      "  B: {name: B, ranges: [{name: b, from: 18000, to: 18999}]}",
      "environments: {dev: {offset: 0}, test: {offset: 1}}",
      "services:",
      "  - name: api",
      "    team: B",
      "    node: here",
      "    port: 18000",
      "    protocol: http",
      "    access: all-nodes",
      "    status: running",
      "    environments:",
      "      test:",
      "",
    ].join("\n");
    for (const chunked of [false, true]) {
      const loaded = parse(text, "ports.yaml", "/r/ports.yaml", chunked);
      const { cached, source } = roundTrip(loaded);
      // Not toStrictEqual: its type check reads the record's inherited names.
      expect(cached.data).toEqual(loaded.data);
      expect(JSON.stringify(cached.data)).toBe(JSON.stringify(loaded.data));
      expect(Object.getPrototypeOf(cached.data.nodes)).toBeNull();
      expectSameLocations(loaded, source, [["nodes", "8000", "address"], ["nodes", "hasOwnProperty"], ["nodes", "__proto__", "os"], ["services", 0, "environments", "test", "port"]]);
      expect(source.at(["nodes", "tostring", "address"])).toMatchObject({ line: 5 });
    }
  });

  it("are never made of keys the data cannot tell apart: `1` and \"1\" are a duplicate key, whole or in pieces", () => {
    const text = ["version: 1", "nodes:", "  1: {address: 127.0.0.1, os: linux}", '  "1": {address: 127.0.0.2, os: linux}', "teams: {}", "environments: {dev: {offset: 0}}", "services: []", ""].join("\n");
    for (const chunked of [false, true]) {
      expect(() => parse(text, "ports.yaml", "/r/ports.yaml", chunked)).toThrow(SparkportInputError);
      try {
        parse(text, "ports.yaml", "/r/ports.yaml", chunked);
      } catch (error) {
        expect(error instanceof SparkportInputError ? error.problems.map((p) => [p.code, p.location.line]) : []).toEqual([["yaml-duplicate-key", 4]]);
      }
    }
  });

  it("give back columns past 4,095, which do not fit the one-number form", () => {
    const note = "n".repeat(5_000);
    const text = `version: 1\nnodes: {here: {address: 127.0.0.1, os: linux}}\nteams: {B: {name: B, ranges: [{name: b, from: 18000, to: 18999}]}}\nenvironments: {dev: {offset: 0}}\nservices:\n  - {name: api, note: "${note}", team: B, node: here, port: 18000, protocol: http, access: all-nodes, status: running}\n`;
    const loaded = parse(text, "ports.yaml", "/r/ports.yaml");
    const { source } = roundTrip(loaded);
    expectSameLocations(loaded, source);
    expect(source.at(["services", 0, "port"]).column).toBeGreaterThan(5_000);
  });

  it("are refused for another build, another path, other bytes, or when torn", () => {
    const loaded = parse(readFileSync(path.join(REPO_ROOT, "ports.yaml"), "utf8"), "ports.yaml", "/r/ports.yaml");
    const bytes = Buffer.from(loaded.text);
    const { entry } = roundTrip(loaded, bytes);
    expect(decodeEntry(entry, "another-build", "/r/ports.yaml", bytes)).toBeUndefined();
    expect(decodeEntry(entry, BUILD, "/elsewhere/ports.yaml", bytes)).toBeUndefined();
    const edited = Buffer.from(bytes);
    edited[edited.length >> 1] = (edited[edited.length >> 1] ?? 0) ^ 1;
    expect(decodeEntry(entry, BUILD, "/r/ports.yaml", edited)).toBeUndefined();
    expect(decodeEntry(entry, BUILD, "/r/ports.yaml", bytes.subarray(0, -1))).toBeUndefined();
    const headerEnd = entry.indexOf(10);
    for (const cut of [0, 10, headerEnd, headerEnd + 1 + bytes.length + 5]) expect(decodeEntry(entry.subarray(0, cut), BUILD, "/r/ports.yaml", bytes), `cut at ${cut}`).toBeUndefined();
    expect(decodeEntry(Buffer.from("garbage\n{}"), BUILD, "/r/ports.yaml", bytes)).toBeUndefined();
    // Any one byte changed anywhere (a port in the data, a length in the header) fails the CRC-32.
    for (let offset = 0; offset < entry.length; offset += Math.max(1, Math.floor(entry.length / 400))) {
      const flipped = Buffer.from(entry);
      flipped[offset] = (flipped[offset] ?? 0) ^ 0x04;
      expect(decodeEntry(flipped, BUILD, "/r/ports.yaml", bytes), `byte ${offset} changed`).toBeUndefined();
    }
    const portAt = entry.lastIndexOf(Buffer.from('"port":8000'));
    expect(portAt).toBeGreaterThan(0);
    const moved = Buffer.from(entry);
    moved.write('"port":8001', portAt);
    expect(decodeEntry(moved, BUILD, "/r/ports.yaml", bytes)).toBeUndefined();
    // A position tree of another shape (a damaged or foreign entry) gives file-only locations, never a crash.
    for (const tree of [{ "services[0]": [1, 1] }, [1, 1, { services: 7 }], [1, 1, { services: [null, "x"] }], "nonsense"]) {
      const foreign = new CachedSourceMap("ports.yaml", loaded.text, () => JSON.parse(JSON.stringify(tree)) as never);
      expect(() => foreign.at(["services", 1, "port"])).not.toThrow();
    }
    // Cut short in the position tree (a write that stopped on a full disk): no entry, not one without locations.
    expect(decodeEntry(entry.subarray(0, entry.length - 3), BUILD, "/r/ports.yaml", bytes)).toBeUndefined();
    expect(decodeEntry(Buffer.concat([entry, Buffer.from(" ")]), BUILD, "/r/ports.yaml", bytes)).toBeUndefined();
  });
});

describe("the registry cache folder", () => {
  it("stores one private entry per registry path, replaces it, and keeps at most 32 of this build", () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "sparkport-rc-")), "registries");
    const cache = fileRegistryCache(dir, BUILD);
    const text = readFileSync(path.join(REPO_ROOT, "ports.yaml"), "utf8");
    const loaded = parse(text, "ports.yaml", "/r/ports.yaml");
    const bytes = Buffer.from(text);
    expect(cache.get("/r/ports.yaml", bytes)).toBeUndefined();
    cache.put("/r/ports.yaml", bytes, loaded.data, loaded.positions);
    expect(cache.get("/r/ports.yaml", bytes)?.data).toStrictEqual(loaded.data);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const [only] = readdirSync(dir);
    expect(statSync(path.join(dir, only ?? "")).mode & 0o777).toBe(0o600);

    writeFileSync(path.join(dir, "registry-otherbuild-0000000000000000.bin"), "stale");
    writeFileSync(path.join(dir, `registry-${BUILD}-ffffffffffffffff.bin.999.tmp`), "left by a killed run");
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(path.join(dir, `registry-${BUILD}-ffffffffffffffff.bin.999.tmp`), old, old);
    for (let i = 0; i < 40; i += 1) cache.put(`/r${i}/ports.yaml`, bytes, loaded.data, undefined);
    const names = readdirSync(dir);
    expect(names).toHaveLength(32);
    expect(names.every((n) => n.startsWith(`registry-${BUILD}-`) && n.endsWith(".bin"))).toBe(true);
    // The newest stay: the last path written is there, the first ones are gone.
    expect(cache.get("/r39/ports.yaml", bytes)).toBeDefined();
    expect(cache.get("/r0/ports.yaml", bytes)).toBeUndefined();
  });

  it("is no error when it cannot be written", () => {
    const parent = mkdtempSync(path.join(tmpdir(), "sparkport-rc-"));
    writeFileSync(path.join(parent, "registries"), "a file where the folder would go");
    const cache = fileRegistryCache(path.join(parent, "registries"), BUILD);
    const loaded = parseRegistry("version: 1\nnodes: {}\nteams: {}\nenvironments: {}\nservices: []\n", "ports.yaml", "/r/ports.yaml");
    expect(() => cache.put("/r/ports.yaml", Buffer.from(loaded.text), loaded.data, undefined)).not.toThrow();
    expect(cache.get("/r/ports.yaml", Buffer.from(loaded.text))).toBeUndefined();
  });
});

describe.skipIf(skipping(process.platform !== "linux", "the registry-cache CLI tests", `they read /proc for the heap flags; this is ${process.platform}`))("sparkport with its registry cache", () => {
  const registryText = (team: string) =>
    ["version: 1", "nodes:", "  here: {address: 127.0.0.1, os: linux}", "teams:", `  B: {name: ${team}, ranges: [{name: b, from: 18000, to: 18999}]}`, "environments:", "  dev: {offset: 0}", "services:", "  - {name: api, team: B, node: here, port: 18000, protocol: http, access: all-nodes, status: running}", ""].join("\n");

  function setup() {
    const home = mkdtempSync(path.join(tmpdir(), "sparkport-rc-"));
    const file = path.join(home, "ports.yaml");
    writeFileSync(file, registryText("Backend"));
    const env = { XDG_CACHE_HOME: path.join(home, "cache"), SPARKPORT_NO_CACHE: "" };
    const entries = () => {
      try {
        return readdirSync(path.join(home, "cache", "sparkport", "registries"));
      } catch {
        return [];
      }
    };
    return { home, file, env, entries, list: () => runCli(["list", "--registry", file], { env }) };
  }

  it("answers from the cache once the registry was read, and reads it again when it changes", async () => {
    const { file, env, entries, list } = setup();
    const first = await list();
    expect(first.status, first.stderr).toBe(0);
    expect(entries()).toHaveLength(1);
    const entryFile = path.join(env.XDG_CACHE_HOME, "sparkport", "registries", entries()[0] ?? "");
    const written = readFileSync(entryFile);
    const planted = Buffer.from(written.toString("latin1").replace('"name":"Backend"', '"name":"Planted"'), "latin1");
    // Changed without its checksum: not believed, and written anew.
    writeFileSync(entryFile, planted);
    expect((await list()).stdout).toContain("Backend");
    expect(readFileSync(entryFile).equals(written)).toBe(true);
    // With a plain CRC-32 made to match (garbage that passes a checksum): still not believed, and written anew.
    planted.writeUInt32LE(crc32(planted.subarray(4)), 0);
    writeFileSync(entryFile, planted);
    expect((await list()).stdout).toContain("Backend");
    expect(readFileSync(entryFile).equals(written)).toBe(true);
    // Only a CRC that starts from this cache's own seed is believed: the cache is really read.
    const seed = readFileSync(path.join(env.XDG_CACHE_HOME, "sparkport", "registries.seed")).readUInt32LE(0);
    planted.writeUInt32LE(crc32(planted.subarray(4), seed), 0);
    writeFileSync(entryFile, planted);
    expect((await list()).stdout).toContain("Planted");
    expect((await list()).stdout).not.toContain("Backend");
    // One byte of the registry changed: parsed again, and the entry replaced.
    writeFileSync(file, registryText("Backenz"));
    const changed = await list();
    expect(changed.stdout).toContain("Backenz");
    expect(changed.stdout).not.toContain("Planted");
    expect(entries()).toHaveLength(1);
  });

  it("caches no invalid registry: every run reports its problem at file:line:column and exits 2", async () => {
    const { file, env, entries } = setup();
    writeFileSync(file, registryText("Backend").replace("port: 18000", "port: eighteen"));
    for (let i = 0; i < 2; i += 1) {
      const run = await runCli(["check", "--registry", file, "18001"], { env: { ...env, SPARKPORT_NODE: "here" } });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/ports\.yaml:9:\d+/);
    }
    expect(entries()).toEqual([]);
  });

  it("a located finding from a cached registry names the same line and column", async () => {
    const { file, env } = setup();
    const args = ["check", "--registry", file, "--json", "18000"];
    const cold = await runCli(args, { env: { ...env, SPARKPORT_NODE: "here" } });
    const warm = await runCli(args, { env: { ...env, SPARKPORT_NODE: "here" } });
    const located = (stdout: string) => (JSON.parse(stdout) as { checks: { findings: { code: string; location: unknown }[] }[] }).checks[0]?.findings.map((f) => [f.code, f.location]);
    expect(located(cold.stdout)).toEqual(expect.arrayContaining([["port-allocated", expect.objectContaining({ line: 9 })]]));
    expect(located(warm.stdout)).toEqual(located(cold.stdout));
  });

  it("SPARKPORT_NO_CACHE writes none, and a cache folder others can write to is neither read nor written", async () => {
    const { file, env, entries, list } = setup();
    await runCli(["list", "--registry", file], { env: { ...env, SPARKPORT_NO_CACHE: "1" } });
    await runCli(["list", "--registry", file], { env: { ...env, SPARKPORT_NO_CACHE: "1" } });
    // Neither a registry entry nor a code cache: nothing at all.
    expect(existsSync(env.XDG_CACHE_HOME)).toBe(false);
    expect((await list()).status).toBe(0);
    const root = path.join(env.XDG_CACHE_HOME, "sparkport");
    const [entry] = entries();
    const entryFile = path.join(root, "registries", entry ?? "");
    writeFileSync(entryFile, Buffer.from(readFileSync(entryFile).toString("latin1").replace('"name":"Backend"', '"name":"Planted"'), "latin1"));
    chmodSync(root, 0o777);
    const listing = () => readdirSync(root, { recursive: true }).map(String).sort();
    const before = listing();
    const shared = await list();
    expect(shared.stdout).toContain("Backend");
    expect(shared.stdout).not.toContain("Planted");
    expect(listing()).toEqual(before);
  });
});
