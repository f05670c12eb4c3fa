import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
// @ts-expect-error: a plain ESM build script without types.
import { buildAll } from "../scripts/build.mjs";

/**
 * The e2e tests spawn dist/bin.cjs (package.json's bin, which loads the
 * esbuild bundle dist/sparkport.cjs) as a user would; build both from the
 * current sources first so they never run a stale build.
 */
export default async function setup(): Promise<() => void> {
  await (buildAll as () => Promise<void>)();
  // The CLIs the tests spawn keep their code and registry caches here, not in the user's cache
  // folder: hundreds of temporary registries would push the user's own out of it.
  const cacheHome = mkdtempSync(path.join(tmpdir(), "sparkport-test-cache-"));
  process.env.XDG_CACHE_HOME = cacheHome;
  // The CLIs speak English unless a test asks for another language: a Korean locale on the machine running
  // the tests must not change what they read.
  for (const name of ["SPARKPORT_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"]) delete process.env[name];
  process.env.LANG = "C.UTF-8";
  return () => rmSync(cacheHome, { recursive: true, force: true });
}
