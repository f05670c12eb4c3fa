// Scan speed: a generated tree of 500 and of 5,000 project files (.env,
// compose, package.json), scanned in-process by the built library; prints
// files per second and the 5k / 500 time ratio (target <= 12: linear).
//
//   npm run bench:scan
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { scanTree } from "../dist/scan/scan-tree.js";

const runs = Number(process.env.RUNS ?? 5);

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

async function time(root) {
  const samples = [];
  let result;
  for (let i = 0; i < runs + 1; i += 1) {
    const start = process.hrtime.bigint();
    result = await scanTree(root);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (i > 0) samples.push(ms); // the first run warms the file cache
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], files: result.files, references: result.references.length };
}

const small = tree(500);
const large = tree(5_000);
try {
  const a = await time(small);
  const b = await time(large);
  console.log(`${runs} runs after a warm-up, in-process, node ${process.version}`);
  for (const [name, t] of [["500 files", a], ["5,000 files", b]]) {
    console.log(`${name.padEnd(12)} median ${t.median.toFixed(0).padStart(6)} ms  ${Math.round((t.files / t.median) * 1000)} files/s  ${t.references} references`);
  }
  console.log(`scan 5k / 500: ${(b.median / a.median).toFixed(2)} (target <= 12)`);
} finally {
  rmSync(small, { recursive: true, force: true });
  rmSync(large, { recursive: true, force: true });
}
