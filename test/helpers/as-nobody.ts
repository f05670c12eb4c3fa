import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { chmodSync, cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { REPO_ROOT } from "./run-cli.js";

/**
 * Why a test cannot run a program as `nobody` here, or undefined when it can: it needs root,
 * runuser, and a Node binary that `nobody` may execute (not one inside root's home).
 */
export function whyNotAsNobody(): string | undefined {
  if (process.getuid?.() !== 0) return "not running as root";
  if (spawnSync("runuser", ["--help"], { stdio: "ignore" }).status !== 0) return "runuser is missing";
  if (spawnSync("runuser", ["-u", "nobody", "--", process.execPath, "-e", "0"], { stdio: "ignore" }).status !== 0) return `nobody cannot run ${process.execPath}`;
  return undefined;
}

let copy: string | undefined;

/**
 * The built package (dist/, registry/, package.json) and its dependencies, as an install would have them, copied
 * where `nobody` can read it: a clone may sit in a private folder.
 */
export function publicBuild(): string {
  if (copy !== undefined) return copy;
  const root = mkdtempSync(path.join(tmpdir(), "sparkport-public-"));
  chmodSync(root, 0o755);
  for (const entry of ["dist", "registry", "package.json"]) cpSync(path.join(REPO_ROOT, entry), path.join(root, entry), { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    cpSync(path.join(REPO_ROOT, "node_modules", name), path.join(root, "node_modules", name), { recursive: true });
  }
  copy = root;
  return root;
}

/** Run `args` with this Node as `nobody`. */
export function runAsNobody(args: readonly string[], env: NodeJS.ProcessEnv = process.env): SpawnSyncReturns<string> {
  return spawnSync("runuser", ["-u", "nobody", "--", process.execPath, ...args], { encoding: "utf8", env });
}
