#!/usr/bin/env node
// The `bin` (dist/bin.cjs). It must parse on any Node, so that an old one hears what it needs
// instead of a syntax error from the bundle; the bundle then loads through Node's compile cache.
import nodeModule = require("node:module");
import v8 = require("node:v8");
import cacheDirs = require("./io/user-cache-dir.cjs");

const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`sparkport needs Node.js 22.12 or newer; this is Node.js ${process.versions.node}\n`);
  process.exitCode = 2;
} else if (process.argv.length === 3 && (process.argv[2] === "--version" || process.argv[2] === "-V")) {
  // Scripts ask this to see that the tool is there: answered without loading the bundle. A write error is
  // reported as the bundle's are (src/cli/output.ts), with EXIT_UNFINISHED; a closed pipe is no error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") return;
    process.stderr.write(`sparkport: could not write the output: ${error.message.replace(/^[A-Z]+: /, "").replace(/, write$/, "")}\n`);
    process.exitCode = 75;
  });
  process.stdout.write(`${(require("../package.json") as { version: string }).version}\n`);
} else {
  const dir = cacheDirs.sparkportCacheDir("compile");
  if (dir !== undefined) {
    // Node's CRC covers the file, not what V8 makes of it: an entry damaged before the CRC was written (or with
    // a CRC made to match) crashed V8 (SIGSEGV, "Check failed") or changed the answer. V8's own checksum, off in
    // release builds, refuses such an entry and the bundle is compiled afresh.
    v8.setFlagsFromString("--verify-snapshot-checksum");
    nodeModule.enableCompileCache(dir);
  }
  require("./sparkport.cjs");
}
