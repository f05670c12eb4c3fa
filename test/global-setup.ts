// @ts-expect-error: a plain ESM build script without types.
import { buildAll } from "../scripts/build.mjs";

/**
 * The e2e tests spawn dist/cli.js (the esbuild bundle that package.json's bin
 * runs) as a user would; build it from the current sources first so they
 * never run a stale build.
 */
export default async function setup(): Promise<void> {
  await (buildAll as () => Promise<void>)();
}
