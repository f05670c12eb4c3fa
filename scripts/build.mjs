// Build dist/: tsc emits the library (dist/index.js, with types) and the launcher (dist/bin.cjs);
// esbuild bundles the CLI into one CommonJS file, dist/sparkport.cjs, which the launcher loads
// through Node's compile cache. One CommonJS file because the CLI runs before every service start
// and an ES module graph costs more to load; each command's modules still run only when it does.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { chmod, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

/**
 * commander requires node:child_process when it loads, for subcommands that
 * are separate executables, which sparkport has none of. Nothing else in a
 * `check` needs it (its binds go around net's cluster module, which would
 * load it; the Tailscale CLI is run only where installed), and loading it
 * costs about 1.3 ms of every start: commander gets a stand-in that requires
 * the real module on first use.
 */
const lazyChildProcessForCommander = {
  name: "lazy-child-process-for-commander",
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}commander${path.sep}`) ? { path: "child_process", namespace: "lazy-builtin" } : undefined,
    );
    build.onLoad({ filter: /^child_process$/, namespace: "lazy-builtin" }, () => ({
      loader: "js",
      contents: 'let real;\nmodule.exports = new Proxy({}, { get: (_, key) => (real ??= require("node:child_process"))[key] });\n',
    }));
  },
};

/** What the bundle is made of: the sources and the locked dependencies. It keys the registry cache. */
async function buildId() {
  const hash = createHash("sha256");
  const files = (await readdir(path.join(root, "src"), { recursive: true })).map((f) => path.join("src", f)).sort();
  for (const file of [...files, "package-lock.json"]) {
    const text = await readFile(path.join(root, file)).catch(() => undefined);
    if (text !== undefined) hash.update(`${file}\0`).update(text);
  }
  return hash.digest("hex").slice(0, 32);
}

export async function buildAll() {
  await promisify(execFile)(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: root });
  await build({
    absWorkingDir: root,
    entryPoints: ["src/cli/main.ts"],
    outfile: "dist/sparkport.cjs",
    bundle: true,
    // Only `serve` loads prom-client: from node_modules when it runs, never parsed by another command's start.
    external: ["prom-client"],
    plugins: [lazyChildProcessForCommander],
    platform: "node",
    format: "cjs",
    target: "node22",
    minify: true,
    sourcemap: "linked",
    allowOverwrite: true,
    logLevel: "warning",
    // The sources are ES modules: their import.meta.url is this file's URL, worked out where it is
    // used (a getter, so a run that never asks does not load node:url).
    define: {
      "import.meta.url": "__sparkportMeta.url",
      __SPARKPORT_VERSION__: JSON.stringify(JSON.parse(await readFile(path.join(root, "package.json"), "utf8")).version),
      __SPARKPORT_BUILD__: JSON.stringify(await buildId()),
    },
    // import() of a Node built-in becomes a require(), synchronous and still lazy.
    supported: { "dynamic-import": false },
    // "use strict" first: after the banner, esbuild's own directive would be an ordinary string.
    banner: { js: '"use strict";const __sparkportMeta={get url(){return require("node:url").pathToFileURL(__filename).href}};' },
  });
  await chmod(new URL("../dist/bin.cjs", import.meta.url), 0o755);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildAll();
