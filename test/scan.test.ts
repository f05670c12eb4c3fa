import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PortReference } from "../src/project/port-reference.js";
import { scanTree } from "../src/project/scan-tree.js";
import { walkTree } from "../src/project/walk-tree.js";
import { nodeFileSystem } from "../src/io/file-system.js";
import { publicBuild, runAsNobody, whyNotAsNobody } from "./helpers/as-nobody.js";

const FIXTURE = fileURLToPath(new URL("fixtures/scan-monorepo/", import.meta.url));

/** The fields a lint rule reads, in the order of the scan. */
const brief = (r: PortReference): Record<string, unknown> => ({
  file: r.file,
  line: r.line,
  column: r.column,
  port: r.port,
  host: r.host,
  kind: r.kind,
  key: r.key,
});

let root: string;
let outside: string;

/**
 * The fixture, copied to a temporary folder, plus what git would not keep in the repository: the folder the
 * fixture's .gitignore ignores, a node_modules/ (ignored by the project's .gitignore), a binary env file, a
 * file over 2 MB, and symbolic links out of the tree.
 */
beforeAll(() => {
  const temp = mkdtempSync(path.join(tmpdir(), "sparkport-scan-"));
  root = path.join(temp, "repo");
  outside = path.join(temp, "outside");
  cpSync(FIXTURE, root, { recursive: true });
  mkdirSync(path.join(root, "ignored"));
  writeFileSync(path.join(root, "ignored", ".env"), "IGNORED_PORT=9991\n");
  mkdirSync(path.join(root, "node_modules", "some-package"), { recursive: true });
  writeFileSync(path.join(root, "node_modules", "some-package", ".env"), "PORT=9992\n");
  writeFileSync(path.join(root, "node_modules", ".env"), "PORT=9993\n");
  mkdirSync(path.join(root, "frontend", ".next"));
  writeFileSync(path.join(root, "frontend", ".next", "package.json"), '{"scripts":{"dev":"next dev -p 9994"}}');
  writeFileSync(path.join(root, "backend", ".env.enc"), Buffer.from([0x53, 0x4f, 0x50, 0x53, 0x00, 0x01, 0xff, 0xfe, 0x00]));
  writeFileSync(path.join(root, "backend", "huge.env"), `HUGE_PORT=9995\n${"# padding\n".repeat(220_000)}`);
  mkdirSync(outside);
  writeFileSync(path.join(outside, ".env"), "OUTSIDE_PORT=9996\n");
  symlinkSync(path.join(outside, ".env"), path.join(root, "backend", "outside.env"));
  symlinkSync(outside, path.join(root, "linked-folder"));
  symlinkSync(path.join(root, "backend", ".env"), path.join(root, "frontend", "backend-link.env"));
});

afterAll(() => {
  rmSync(path.dirname(root), { recursive: true, force: true });
});

describe("scanTree on the fixture monorepo", () => {
  it("finds every port reference, in file, line and column order", async () => {
    const result = await scanTree(root);
    expect(result.references.map(brief)).toEqual([
      { file: "Procfile", line: 1, column: 28, port: 8000, host: undefined, kind: "procfile", key: "web" },
      { file: "backend/.env", line: 2, column: 10, port: 8000, host: undefined, kind: "env", key: "APP_PORT" },
      { file: "backend/.env", line: 3, column: 53, port: 5432, host: "100.123.51.5", kind: "env", key: "DATABASE_URL" },
      { file: "backend/.env", line: 4, column: 36, port: 6379, host: "100.123.51.5", kind: "env", key: "REDIS_URL" },
      { file: "backend/.env", line: 5, column: 29, port: 9000, host: "100.123.51.5", kind: "env", key: "MINIO_ENDPOINT" },
      { file: "docker/mac-mini/.env", line: 1, column: 10, port: 8000, host: undefined, kind: "env", key: "API_PORT" },
      { file: "docker/mac-mini/docker-compose.yml", line: 5, column: 20, port: 5432, host: undefined, kind: "compose-port", key: "postgres" },
      { file: "docker/mac-mini/docker-compose.yml", line: 9, column: 10, port: 6379, host: undefined, kind: "compose-port", key: "redis" },
      { file: "docker/mac-mini/docker-compose.yml", line: 15, column: 20, port: 9000, host: undefined, kind: "compose-port", key: "minio" },
      { file: "docker/mac-mini/docker-compose.yml", line: 19, column: 21, port: 9001, host: undefined, kind: "compose-port", key: "minio" },
      { file: "docker/mac-mini/docker-compose.yml", line: 23, column: 10, port: 8000, host: undefined, kind: "compose-port", key: "api" },
      { file: "docker/mac-mini/docker-compose.yml", line: 25, column: 47, port: 5432, host: "postgres", kind: "compose-env", key: "DATABASE_URL" },
      { file: "docker/mac-mini/docker-compose.yml", line: 26, column: 17, port: 8000, host: undefined, kind: "compose-env", key: "APP_PORT" },
      { file: "docker/mac-mini/docker-compose.yml", line: 27, column: 57, port: 8000, host: "0.0.0.0", kind: "compose-command", key: "api" },
      { file: "docker/mac-mini/docker-compose.yml", line: 31, column: 34, port: 6379, host: "redis", kind: "compose-env", key: "BROKER_URL" },
      { file: "docker/mac-mini/docker-compose.yml", line: 32, column: 47, port: 8081, host: undefined, kind: "compose-command", key: "worker" },
      { file: "frontend/.env.local", line: 1, column: 41, port: 8001, host: "100.123.51.5", kind: "env", key: "NEXT_PUBLIC_API_URL" },
      { file: "frontend/.env.local", line: 2, column: 33, port: 3000, host: "localhost", kind: "env", key: "CORS_ORIGINS" },
      { file: "frontend/.env.local", line: 2, column: 62, port: 3000, host: "100.101.68.23", kind: "env", key: "CORS_ORIGINS" },
      { file: "frontend/backend-link.env", line: 2, column: 10, port: 8000, host: undefined, kind: "env", key: "APP_PORT" },
      { file: "frontend/backend-link.env", line: 3, column: 53, port: 5432, host: "100.123.51.5", kind: "env", key: "DATABASE_URL" },
      { file: "frontend/backend-link.env", line: 4, column: 36, port: 6379, host: "100.123.51.5", kind: "env", key: "REDIS_URL" },
      { file: "frontend/backend-link.env", line: 5, column: 29, port: 9000, host: "100.123.51.5", kind: "env", key: "MINIO_ENDPOINT" },
      { file: "frontend/package.json", line: 5, column: 25, port: 3000, host: undefined, kind: "script", key: "dev" },
      { file: "frontend/package.json", line: 6, column: 31, port: 3001, host: undefined, kind: "script", key: "preview" },
      { file: "frontend/package.json", line: 7, column: 36, port: 3002, host: undefined, kind: "script", key: "storybook" },
    ]);
    expect(result.read).toEqual([
      "Procfile",
      "backend/.env",
      "docker/broken/compose.yaml",
      "docker/mac-mini/.env",
      "docker/mac-mini/docker-compose.yml",
      "frontend/.env.local",
      "frontend/backend-link.env",
      "frontend/package.json",
    ]);
  });

  it("reports the files it could not scan, and scans the rest", async () => {
    const { skipped, problems } = await scanTree(root);
    expect(skipped).toEqual([
      { file: "backend/.env.enc", reason: "binary", detail: "a NUL byte in the first 8 KB" },
      { file: "backend/huge.env", reason: "too-large", detail: "2200015 bytes" },
      { file: "backend/outside.env", reason: "link-out-of-tree" },
    ]);
    expect(problems).toEqual([
      { file: "docker/broken/compose.yaml", line: 6, column: 1, reason: "invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]" },
    ]);
  });

  it("points offset and length at the digits of each port (the text --fix replaces)", async () => {
    const { references } = await scanTree(root);
    for (const ref of references) {
      const text = readFileSync(path.join(root, ref.file), "utf8");
      const written = text.slice(ref.offset, ref.offset + ref.length);
      if (ref.resolvedFrom === undefined) expect(written, `${ref.file}:${ref.line}`).toBe(String(ref.port));
      const lines = text.split("\n");
      expect(lines[ref.line - 1]?.slice(ref.column - 1, ref.column - 1 + ref.length), `${ref.file}:${ref.line}`).toBe(written);
    }
  });

  it("keeps what a lint rule needs beyond the position", async () => {
    const { references } = await scanTree(root);
    const compose = references.filter((r) => r.file === "docker/mac-mini/docker-compose.yml");
    expect(compose.filter((r) => r.kind === "compose-port").map((r) => ({ key: r.key, text: r.text, hostIp: r.hostIp, resolvedFrom: r.resolvedFrom }))).toEqual([
      { key: "postgres", text: "127.0.0.1:5432:5432", hostIp: "127.0.0.1", resolvedFrom: undefined },
      { key: "redis", text: "6379:6379", hostIp: null, resolvedFrom: undefined },
      { key: "minio", text: "{ target: 9000, published: 9000, host_ip: 0.0.0.0, protocol: tcp }", hostIp: "0.0.0.0", resolvedFrom: undefined },
      { key: "minio", text: "{ target: 9001, published: 9001 }", hostIp: null, resolvedFrom: undefined },
      { key: "api", text: "${API_PORT:-8000}:8000", hostIp: null, resolvedFrom: { variable: "API_PORT", file: "docker/mac-mini/.env", line: 1 } },
    ]);
    const api = compose.find((r) => r.key === "api" && r.kind === "compose-port");
    expect(api && { offset: api.offset, length: api.length }).toEqual({ offset: 431, length: "${API_PORT:-8000}".length });
    expect(compose.filter((r) => r.kind === "compose-command").map((r) => [r.key, r.program, r.text])).toEqual([
      ["api", "uvicorn", "uvicorn app.main:app --host 0.0.0.0 --port 8000"],
      ["worker", "http.server", "python -m http.server 8081"],
    ]);
    expect(references.filter((r) => r.kind === "script").map((r) => [r.key, r.program, r.text])).toEqual([
      ["dev", "next", "next dev -p 3000"],
      ["preview", "next", "next start -p 3001"],
      ["storybook", "storybook", "storybook dev -p 3002"],
    ]);
    expect(references.find((r) => r.key === "REDIS_URL")?.text).toBe("redis://:pw@100.123.51.5:6379/0");
  });

  it("is deterministic", async () => {
    expect(await scanTree(root)).toEqual(await scanTree(root));
  });

  it("scans only options.roots, and skips options.ignore", async () => {
    const result = await scanTree(root, { roots: ["frontend", "docker/mac-mini/"], ignore: ["*.local", "/frontend/*-link.env"] });
    expect([...new Set(result.references.map((r) => r.file))]).toEqual(["docker/mac-mini/.env", "docker/mac-mini/docker-compose.yml", "frontend/package.json"]);
    expect(result.problems).toEqual([]);
  });

  it("refuses roots outside the tree and reports a missing root", async () => {
    const result = await scanTree(root, { roots: ["../outside", "no/such"] });
    expect(result).toEqual({
      references: [],
      problems: [
        { file: "../outside", reason: "outside the scanned root: not scanned" },
        { file: "no/such", reason: "no such folder below the root" },
      ],
      skipped: [],
      read: [],
    });
    const missing = await scanTree(path.join(root, "no-such-folder"));
    expect(missing.references).toEqual([]);
    expect(missing.problems).toHaveLength(1);
    expect(missing.problems[0]?.reason).toMatch(/^cannot read the root .*ENOENT$/);
  });
});

describe("walkTree", () => {
  let tree: string;
  beforeAll(() => {
    tree = mkdtempSync(path.join(tmpdir(), "sparkport-walk-"));
    const write = (file: string, text: string): void => {
      mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
      writeFileSync(path.join(tree, file), text);
    };
    write(".gitignore", "# comment\n*.log\n/top-only.txt\nsecrets/\n!keep.log\n");
    write("a.log", "x");
    write("keep.log", "x");
    write("top-only.txt", "x");
    write("sub/top-only.txt", "x");
    write("sub/.gitignore", "*.tmp\n!important.tmp\n/local/\n");
    write("sub/x.tmp", "x");
    write("sub/important.tmp", "x");
    write("sub/local/a.txt", "x");
    write("local/a.txt", "x");
    write("secrets/a.txt", "x");
    write("deep/secrets/a.txt", "x");
    write("deep/.venv/lib/a.txt", "x");
    write("deep/__pycache__/a.pyc", "x");
    write("build/out.txt", "x");
    write("coverage/lcov.info", "x");
    write("docs/**weird[name].md", "x");
  });
  afterAll(() => rmSync(tree, { recursive: true, force: true }));

  it("honours the root's and nested .gitignore files and the built-in skips", async () => {
    expect(await walkTree(tree, {}, nodeFileSystem)).toEqual({
      files: [".gitignore", "docs/**weird[name].md", "keep.log", "local/a.txt", "sub/.gitignore", "sub/important.tmp", "sub/top-only.txt"],
      skipped: [],
      problems: [],
    });
  });

  it("adds options.ignore to them, in gitignore syntax", async () => {
    const { files } = await walkTree(tree, { ignore: ["docs/", "**/.gitignore", "sub/**/*.tmp"] }, nodeFileSystem);
    expect(files).toEqual(["keep.log", "local/a.txt", "sub/top-only.txt"]);
  });

  it("inspects only the files it is asked to select", async () => {
    const { files } = await walkTree(tree, {}, nodeFileSystem, (f) => f.endsWith(".txt"));
    expect(files).toEqual(["local/a.txt", "sub/top-only.txt"]);
  });

  // Root reads every file, so as root the walk runs as `nobody` (CI is root).
  const asRoot = process.getuid?.() === 0;
  const whyNot = asRoot ? whyNotAsNobody() : undefined;
  if (whyNot !== undefined) console.warn(`skipping the unreadable-file case: ${whyNot}`);

  it.skipIf(whyNot !== undefined)("the scan's one read reports an unreadable file", async () => {
    const locked = path.join(tree, "locked.env");
    writeFileSync(locked, "x", { mode: 0o000 });
    try {
      if (!asRoot) {
        const { skipped } = await scanTree(tree, {}, nodeFileSystem);
        expect(skipped).toEqual([{ file: "locked.env", reason: "unreadable", detail: "EACCES" }]);
        return;
      }
      for (let dir = tree; dir !== path.dirname(dir); dir = path.dirname(dir)) if (dir.startsWith(tmpdir()) && dir !== tmpdir()) chmodSync(dir, 0o755);
      const scanner = pathToFileURL(path.join(publicBuild(), "dist/project/scan-tree.js")).href;
      const files = pathToFileURL(path.join(publicBuild(), "dist/io/file-system.js")).href;
      const script = `const { scanTree } = await import(${JSON.stringify(scanner)}); const { nodeFileSystem } = await import(${JSON.stringify(files)}); const r = await scanTree(${JSON.stringify(tree)}, {}, nodeFileSystem); console.log(JSON.stringify(r.skipped));`;
      const run = runAsNobody(["--input-type=module", "-e", script]);
      expect(JSON.parse(run.stdout)).toEqual([{ file: "locked.env", reason: "unreadable", detail: "EACCES" }]);
    } finally {
      rmSync(locked);
    }
  });
});
