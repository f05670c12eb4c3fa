// @ts-expect-error: a plain ESM build script without types.
import { buildAll } from "../scripts/build.mjs";

/**
 * The e2e tests spawn dist/bin.cjs (package.json's bin, which loads the
 * esbuild bundle dist/sparkport.cjs) as a user would; build both from the
 * current sources first so they never run a stale build.
 */
export default async function setup(): Promise<void> {
  await (buildAll as () => Promise<void>)();
}
