// Scan speed: a generated tree of 500 and of 5,000 project files (.env,
// compose, package.json), scanned in-process by the built library; prints
// files per second and the 5k / 500 time ratio (target <= 12: linear).
//
//   npm run bench:scan
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { scanTree } from "../dist/project/scan-tree.js";
import { report, runs, target } from "./harness.mjs";
import { benchInProcess } from "./in-process.mjs";

function tree(files) {
  const root = mkdtempSync(path.join(tmpdir(), "sparkport-scan-bench-"));
  for (let i = 0; i < files; i += 1) {
    const dir = path.join(root, `pkg${Math.floor(i / 50)}`, `app${i % 50}`);
    mkdirSync(dir, { recursive: true });
    const kind = i % 3;
    if (kind === 0) writeFileSync(path.join(dir, ".env"), `APP_PORT=${8000 + (i % 90)}\nDATABASE_URL=postgresql://u:p@127.0.0.1:5432/db${i}\nAPI_URL=http://localhost:${3000 + (i % 90)}/api\n`);
    else if (kind === 1) writeFileSync(path.join(dir, "docker-compose.yml"), `services:\n  web:\n    image: nginx\n    ports:\n      - "127.0.0.1:${9000 + (i % 90)}:80"\n    environment:\n      UPSTREAM: http://api:${8000 + (i % 90)}\n`);
    else writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: `app${i}`, scripts: { dev: `next dev -p ${3000 + (i % 90)}`, start: "node server.js" } }, null, 2));
  }
  return root;
}

const small = tree(500);
const large = tree(5_000);
try {
  // The scans must find what was written: 500 files hold 1,000 port references, 5,000 hold 10,000.
  for (const [root, files] of [[small, 500], [large, 5_000]]) {
    const result = await scanTree(root);
    if (result.read.length !== files || result.references.length < files) throw new Error(`scan of ${files} files read ${result.read.length} files, ${result.references.length} references`);
  }
  const rows = await benchInProcess(
    [
      { name: "scan 500 files", fn: () => scanTree(small) },
      { name: "scan 5,000 files", fn: () => scanTree(large) },
    ],
    { iterations: runs(5) },
  );
  const ratios = report(`scan, in-process (tinybench), ${runs(5)} iterations after a warm-up`, rows, "scan 500 files");
  target("scan 5k / 500", ratios["scan 5,000 files"], 12);
} finally {
  rmSync(small, { recursive: true, force: true });
  rmSync(large, { recursive: true, force: true });
}
