import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
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
    const first = run(home, ["lint", "--no-scan"]);
    expect(first.status, first.stderr).toBe(0);
    const dir = path.join(home, "sparkport");
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^sparkport-v\d+.*-lint\.v8$/);
    expect(statSync(path.join(dir, files[0] ?? "")).mode & 0o777).toBe(0o600);
    const second = run(home, ["lint", "--no-scan"]);
    expect(second.stdout).toBe(first.stdout);
    // A lone --version is answered without loading the bundle: no cache for it.
    expect(run(home, ["--version"]).stdout).toBe(`${version}\n`);
    expect(readdirSync(dir).filter((name) => name.endsWith("-none.v8"))).toHaveLength(0);
    expect(run(home, ["--registry", "ports.yaml", "explain"]).status).toBe(0);
    expect(readdirSync(dir).filter((name) => name.endsWith("-explain.v8"))).toHaveLength(1);
  });

  it("a corrupt cache is rejected by V8 and replaced; the run is unaffected", () => {
    const home = mkdtempSync(path.join(tmpdir(), "sparkport-cache-"));
    expect(run(home, ["explain"]).status).toBe(0);
    const dir = path.join(home, "sparkport");
    const [file] = readdirSync(dir);
    const cacheFile = path.join(dir, file ?? "");
    writeFileSync(cacheFile, "not a V8 code cache");
    const again = run(home, ["explain"]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain("outside-team-range");
    expect(statSync(cacheFile).size).toBeGreaterThan(1000);
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
