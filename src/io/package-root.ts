import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

/**
 * The folder holding sparkport's package.json and registry/. Found by walking
 * up from this module, so it holds for dist/ files and for a bundle alike.
 */
export function packageRoot(): string {
  if (cached !== undefined) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, "registry")) && existsSync(path.join(dir, "package.json"))) {
      cached = dir;
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("sparkport's package.json was not found above its own module");
    dir = parent;
  }
}

/** Set by the bundle's build (scripts/build.mjs) from package.json; absent in dist/*.js. */
declare const __SPARKPORT_VERSION__: string | undefined;

export function packageVersion(): string {
  // The bundle knows its version: every run shows it in --help and reports, and reading
  // package.json for it would cost every start a search for the package's folder.
  if (typeof __SPARKPORT_VERSION__ === "string") return __SPARKPORT_VERSION__;
  const manifest: unknown = JSON.parse(readFileSync(path.join(packageRoot(), "package.json"), "utf8"));
  if (typeof manifest === "object" && manifest !== null && "version" in manifest && typeof manifest.version === "string") {
    return manifest.version;
  }
  throw new Error("sparkport's package.json has no version");
}

/** The text of a file shipped with sparkport, such as registry/well-known-ports.json. */
export function readPackageFile(...segments: string[]): string {
  return readFileSync(path.join(packageRoot(), ...segments), "utf8");
}
