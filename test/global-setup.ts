import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { promisify } from "node:util";

/**
 * The e2e tests spawn dist/cli.js as a user would; build it from the current
 * sources first so they never run a stale build.
 */
export default async function setup(): Promise<void> {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  await promisify(execFile)(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: new URL("..", import.meta.url).pathname });
}
