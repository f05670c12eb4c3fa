import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { CLI, REPO_ROOT } from "./helpers/run-cli.js";

/** Run dist/bin.cjs with its V8 code cache in a fresh folder of our own. */
function run(cacheHome: string, args: readonly string[], extra: Record<string, string> = {}) {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", XDG_CACHE_HOME: cacheHome, SPARKPORT_NO_COMPILE_CACHE: "", ...extra },
  });
}

const version = (JSON.parse(spawnSync("cat", [path.join(REPO_ROOT, "package.json")], { encoding: "utf8" }).stdout) as { version: string }).version;

describe.skipIf(process.platform !== "linux")("dist/bin.cjs and its compile cache", () => {
  it("writes one private cache per command, and gives the same output with and without it", () => {
    const home = mkdtempSync(path.join(tmpdir(), "sparkport-cache-"));
    const codeCaches = () => readdirSync(dir).filter((name) => name.endsWith(".v8"));
    const first = run(home, ["lint", "--no-scan"]);
    expect(first.status, first.stderr).toBe(0);
    const dir = path.join(home, "sparkport");
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    // The first run parsed the registry and cached it: its code cache, holding the YAML parser, is
    // the parsing one. The next run finds the registry cached and removes it; the one after that
    // compiles afresh and writes the lean cache, which every run after it loads.
    expect(readdirSync(path.join(dir, "registries"))).toHaveLength(1);
    expect(codeCaches()).toEqual([expect.stringMatching(/^sparkport-v\d+.*-lint\.parsing\.v8$/)]);
    const second = run(home, ["lint", "--no-scan"]);
    expect(second.stdout).toBe(first.stdout);
    expect(codeCaches()).toEqual([]);
    expect(run(home, ["lint", "--no-scan"]).stdout).toBe(first.stdout);
    const files = codeCaches();
    expect(files).toEqual([expect.stringMatching(/^sparkport-v\d+.*-lint\.v8$/)]);
    expect(statSync(path.join(dir, files[0] ?? "")).mode & 0o777).toBe(0o600);
    // A run that must parse (a registry new to the cache, as after every allocate) still gets a code cache.
    const fresh = path.join(home, "fresh.yaml");
    writeFileSync(fresh, readFileSync(path.join(REPO_ROOT, "ports.yaml")));
    expect(run(home, ["--registry", fresh, "list"]).status).toBe(0);
    expect(codeCaches().filter((name) => name.endsWith("-list.parsing.v8"))).toHaveLength(1);
    const third = run(home, ["lint", "--no-scan"]);
    expect(third.stdout).toBe(first.stdout);
    // A lone --version is answered without loading the bundle: no cache for it.
    expect(run(home, ["--version"]).stdout).toBe(`${version}\n`);
    expect(readdirSync(dir).filter((name) => name.endsWith("-none.v8"))).toHaveLength(0);
    expect(run(home, ["--registry", "ports.yaml", "explain"]).status).toBe(0);
    expect(readdirSync(dir).filter((name) => name.endsWith("-explain.v8"))).toHaveLength(1);
    // An option's value is no command: it names no cache file.
    expect(run(home, ["--this-node", "macmini", "explain", "outside-team-range"]).status).toBe(0);
    expect(readdirSync(dir).filter((name) => name.includes("macmini"))).toEqual([]);
  });

  it("knows every command --help lists, to key their caches", () => {
    const help = run(mkdtempSync(path.join(tmpdir(), "sparkport-cache-")), ["--help"]).stdout;
    const listed = help.slice(help.indexOf("Commands:")).split("\n").slice(1).map((line) => /^ {2}([a-z-]+)/.exec(line)?.[1]).filter((name) => name !== undefined);
    expect(listed.length).toBeGreaterThan(10);
    // The launcher's list as built (dist/, from src/command-names.cts): CommonJS, required as the launcher does.
    const names: unknown = createRequire(import.meta.url)("../dist/command-names.cjs");
    expect(Array.isArray(names) ? [...names].sort() : names).toEqual([...listed].sort());
  });

  it("a corrupt cache is rejected (by its checksum, before V8 sees it) and replaced; the run is unaffected", () => {
    const home = mkdtempSync(path.join(tmpdir(), "sparkport-cache-"));
    expect(run(home, ["explain"]).status).toBe(0);
    const dir = path.join(home, "sparkport");
    const [file] = readdirSync(dir);
    const cacheFile = path.join(dir, file ?? "");
    const good = readFileSync(cacheFile);
    // Garbage, a torn copy, one flipped byte in the part V8 reads first (release V8 checks none of it),
    // and a page zeroed further in (as a crash before the data reached the disk can leave).
    const zeroedPage = Buffer.from(good).fill(0, 8192, 12_288);
    for (const bad of [Buffer.from("not a V8 code cache"), good.subarray(0, good.length >> 1), Buffer.from(good).fill(0x55, 42, 43), zeroedPage]) {
      writeFileSync(cacheFile, bad);
      const again = run(home, ["explain"]);
      expect(again.status, again.stderr).toBe(0);
      expect(again.stdout).toContain("outside-team-range");
      // Rewritten whole: the header's magic and length agree again (V8's contents vary a little per run).
      const rewritten = readFileSync(cacheFile);
      expect(rewritten.readUInt32LE(0)).toBe(good.readUInt32LE(0));
      expect(rewritten.readUInt32LE(4)).toBe(rewritten.length - 16);
    }
  });

  it("a lean cache written by a clean run is written again, once, by a run that reports findings", async () => {
    const home = mkdtempSync(path.join(tmpdir(), "sparkport-cache-"));
    const registry = path.join(home, "ports.yaml");
    writeFileSync(
      registry,
      "version: 1\nnodes:\n  here: {address: 127.0.0.1, os: linux}\nteams:\n  B: {name: B, ranges: [{name: b, from: 1024, to: 65535}]}\nenvironments:\n  dev: {offset: 0}\nservices: []\n",
    );
    const server = createServer();
    await new Promise<void>((resolve) => server.listen({ host: "127.0.0.1", port: 0 }, resolve));
    try {
      const address = server.address();
      const held = typeof address === "object" && address !== null ? address.port : 0;
      const probe = createServer();
      await new Promise<void>((resolve) => probe.listen({ host: "::", port: 0 }, resolve));
      const bound = probe.address();
      const free = typeof bound === "object" && bound !== null ? bound.port : 0;
      await new Promise((resolve) => probe.close(resolve));
      const check = (port: number) => run(home, ["--registry", registry, "check", String(port)], { SPARKPORT_NODE: "here" });
      const dir = path.join(home, "sparkport");
      const lean = () => readdirSync(dir).filter((n) => n.endsWith("-check.v8")).map((n) => readFileSync(path.join(dir, n)));
      // Parse, remove the parsing cache, then a clean run writes the lean one.
      for (let i = 0; i < 3; i += 1) expect(check(free).status).toBe(0);
      const clean = lean();
      expect(clean.map((c) => c.readUInt32LE(12))).toEqual([0]);
      expect(check(held).status).toBe(1);
      const [rich] = lean();
      expect(rich?.readUInt32LE(12)).toBe(1);
      // It holds what the clean run compiled and more.
      expect(rich?.length ?? 0).toBeGreaterThan(clean[0]?.length ?? 0);
      // Neither another conflict nor a clean run writes it again.
      expect(check(held).status).toBe(1);
      expect(check(free).status).toBe(0);
      expect(lean()[0]?.equals(rich ?? Buffer.alloc(0))).toBe(true);
    } finally {
      server.close();
    }
  });

  it("status, which changes V8's flags once its registry comes from the cache, writes no code cache V8 would refuse, and keeps the one it loaded", () => {
    const home = mkdtempSync(path.join(tmpdir(), "sparkport-cache-"));
    const registry = path.join(home, "ports.yaml");
    writeFileSync(
      registry,
      "version: 1\nnodes:\n  here: {address: 127.0.0.1, os: linux}\nteams:\n  B: {name: B, ranges: [{name: b, from: 1024, to: 65535}]}\nenvironments:\n  dev: {offset: 0}\nservices: []\n",
    );
    const status = () => run(home, ["--registry", registry, "status", "--json"], { SPARKPORT_NODE: "here" });
    const dir = path.join(home, "sparkport");
    const caches = () => readdirSync(dir).filter((n) => n.includes("-status.")).map((n) => [n, readFileSync(path.join(dir, n)).toString("base64")]);
    // The first run parses (no flags changed) and writes the parsing cache.
    expect(status().status).toBe(0);
    const parsing = caches();
    expect(parsing.map(([n]) => n)).toEqual([expect.stringMatching(/-status\.parsing\.v8$/)]);
    // The runs after it find the registry cached and change the flags: the cache they loaded stays as it is.
    for (let i = 0; i < 2; i += 1) {
      const again = status();
      expect(again.status, again.stderr).toBe(0);
      expect(caches()).toEqual(parsing);
    }
  });

  it("caches of another build are removed; SPARKPORT_NO_COMPILE_CACHE writes none; an unwritable cache folder is no error", () => {
    const home = mkdtempSync(path.join(tmpdir(), "sparkport-cache-"));
    expect(run(home, ["explain"], { SPARKPORT_NO_COMPILE_CACHE: "1" }).status).toBe(0);
    expect(readdirSync(home)).toEqual([]);
    expect(run(home, ["explain"]).status).toBe(0);
    const dir = path.join(home, "sparkport");
    writeFileSync(path.join(dir, "sparkport-v0.0.0-x64-old-build-check.v8"), "stale");
    writeFileSync(path.join(dir, "notes.txt"), "not ours");
    expect(run(home, ["list"]).status).toBe(0);
    expect(readdirSync(dir).some((n) => n.includes("old-build"))).toBe(false);
    expect(readdirSync(dir)).toContain("notes.txt");
    // A cache folder others can write to is never read or written: its files are code to run.
    const shared = mkdtempSync(path.join(tmpdir(), "sparkport-cache-"));
    expect(run(shared, ["explain"]).status).toBe(0);
    chmodSync(path.join(shared, "sparkport"), 0o777);
    const [own] = readdirSync(path.join(shared, "sparkport"));
    writeFileSync(path.join(shared, "sparkport", own ?? ""), "planted");
    const planted = run(shared, ["explain"]);
    expect(planted.status, planted.stderr).toBe(0);
    expect(readdirSync(path.join(shared, "sparkport"))).toEqual([own]);
    expect(readFileSync(path.join(shared, "sparkport", own ?? ""), "utf8")).toBe("planted");
    // A file where the cache folder would be: no cache, no error.
    const blocked = mkdtempSync(path.join(tmpdir(), "sparkport-cache-"));
    writeFileSync(path.join(blocked, "sparkport"), "not a folder");
    const aside = run(blocked, ["--registry", path.join(REPO_ROOT, "ports.yaml"), "list"]);
    expect(aside.status, aside.stderr).toBe(0);
    expect(aside.stderr).toBe("");
    const locked = mkdtempSync(path.join(tmpdir(), "sparkport-cache-"));
    chmodSync(locked, 0o500);
    const asNobody = spawnSync("runuser", ["-u", "nobody", "--", process.execPath, CLI, "--version"], {
      encoding: "utf8",
      env: { ...process.env, XDG_CACHE_HOME: locked },
    });
    if (asNobody.error === undefined && process.getuid?.() === 0) {
      expect(asNobody.status, asNobody.stderr).toBe(0);
      expect(asNobody.stdout).toBe(`${version}\n`);
    }
  });
});
