// Build dist/: tsc emits the library (dist/index.js and its modules, with
// types), then esbuild bundles the CLI into one file, dist/cli.js, so a
// start-up loads one module instead of hundreds (the CLI runs before every
// service start: its start-up is its cost).
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

export async function buildAll() {
  await promisify(execFile)(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: root });
  await build({
    absWorkingDir: root,
    entryPoints: ["src/cli.ts"],
    outfile: "dist/cli.js",
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    minify: true,
    sourcemap: "linked",
    allowOverwrite: true,
    logLevel: "warning",
    // commander is CommonJS: give the ESM bundle a require of its own.
    banner: { js: "import{createRequire as __sparkportRequire}from'node:module';const require=__sparkportRequire(import.meta.url);" },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildAll();
