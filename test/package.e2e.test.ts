import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import spawn from "cross-spawn";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { close, freePort, startNodeServer } from "./helpers/listeners.js";
import { REPO_ROOT } from "./helpers/run-cli.js";

// The package as a team installs it: `npm pack`, then `npm install ./sparkport-X.tgz` in an empty folder. Its
// dependencies come from a registry this test serves on 127.0.0.1, made of the very versions the lockfile holds, so
// the install needs no network and no cache, on any machine.

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** npm and npx are .cmd shims on Windows: cross-spawn runs them without a shell. */
function run(program: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, [...args], { cwd, env: { ...process.env, NO_COLOR: "1", SPARKPORT_REGISTRY: undefined, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (status) => resolve({ status, stdout, stderr }));
  });
}

interface Packed {
  filename: string;
  files: { path: string }[];
}

const packed = (result: Ran): Packed[] => JSON.parse(result.stdout.slice(result.stdout.indexOf("["))) as Packed[];

/** The npm registry's answer for each package name: its one version, with the tarball this test packed. */
async function serveRegistry(dir: string, packages: readonly { name: string; manifest: Record<string, unknown>; file: string }[]): Promise<{ server: Server; url: string }> {
  const tarballs = new Map<string, Buffer>();
  const packuments = new Map<string, unknown>();
  const server = createServer((request, response) => {
    const name = decodeURIComponent((request.url ?? "/").slice(1));
    const tarball = tarballs.get(name);
    const packument = packuments.get(name);
    if (tarball !== undefined) response.writeHead(200, { "content-type": "application/octet-stream" }).end(tarball);
    else if (packument !== undefined) response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(packument));
    else response.writeHead(404).end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}/`;
  for (const { name, manifest, file } of packages) {
    const bytes = await readFile(path.join(dir, file));
    const key = `${name}/-/${file}`;
    tarballs.set(key, bytes);
    const version = String(manifest["version"]);
    const dist = { tarball: `${url}${key}`, integrity: `sha512-${createHash("sha512").update(bytes).digest("base64")}` };
    packuments.set(name, { name, "dist-tags": { latest: version }, versions: { [version]: { ...manifest, dist } } });
  }
  return { server, url };
}

const version = (JSON.parse(await readFile(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;

/** What runs, and what a user reads: nothing else belongs in the tarball. */
const ALLOWED = /^(dist\/.+\.(js|cjs|d\.ts|d\.cts)|registry\/[a-z.-]+\.json|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/;

describe("the npm package", () => {
  let scratch = "";
  let tarball: Packed;
  let registry: { server: Server; url: string } | undefined;
  let app = "";

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), "sparkport-package-"));
    // dist/ is built by the test setup: packing builds nothing again.
    const pack = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", scratch], REPO_ROOT);
    expect(pack.status, pack.stderr).toBe(0);
    [tarball] = packed(pack) as [Packed];

    const lock = JSON.parse(await readFile(path.join(REPO_ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { dev?: boolean }> };
    const runtime = Object.entries(lock.packages).filter(([key, entry]) => key.startsWith("node_modules/") && entry.dev !== true).map(([key]) => key);
    const deps = path.join(scratch, "registry");
    await mkdir(deps);
    const depsPacked = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", deps, ...runtime.map((key) => `./${key}`)], REPO_ROOT);
    expect(depsPacked.status, depsPacked.stderr).toBe(0);
    const manifests = await Promise.all(runtime.map(async (key) => JSON.parse(await readFile(path.join(REPO_ROOT, key, "package.json"), "utf8")) as Record<string, unknown>));
    const files = packed(depsPacked).map((p) => p.filename);
    registry = await serveRegistry(
      deps,
      manifests.map((manifest, i) => ({ name: String(manifest["name"]), manifest, file: files[i] ?? "" })),
    );

    app = path.join(scratch, "app");
    await mkdir(path.join(app, "backend", "api"), { recursive: true });
    await writeFile(path.join(app, "package.json"), JSON.stringify({ name: "app", private: true }));
    const install = await run("npm", ["install", "--no-audit", "--no-fund", "--registry", registry.url, "--cache", path.join(scratch, "npm-cache"), path.join(scratch, tarball.filename)], app);
    expect(install.status, install.stderr).toBe(0);
  }, 180_000);

  afterAll(async () => {
    if (registry !== undefined) await close(registry.server);
    if (scratch !== "") await rm(scratch, { recursive: true, force: true });
  });

  it("holds only what runs and what a user reads: no sources, tests, benchmarks, fixtures or source maps", () => {
    const files = tarball.files.map((f) => f.path).sort();
    expect(files.filter((file) => !ALLOWED.test(file))).toEqual([]);
    for (const needed of ["dist/bin.cjs", "dist/sparkport.cjs", "dist/io/user-cache-dir.cjs", "dist/index.js", "dist/index.d.ts", "LICENSE", "CHANGELOG.md", "README.md", "registry/ports.schema.json"]) {
      expect(files).toContain(needed);
    }
  });

  it("installed from the tarball, `npx sparkport` answers --version, lints and checks from a subfolder", async () => {
    const sub = path.join(app, "backend", "api");
    const npx = (args: readonly string[]) => run("npx", ["--no", "--", "sparkport", ...args], sub);
    expect((await npx(["--version"])).stdout).toBe(`${version}\n`);

    const held = await freePort();
    const free = await freePort();
    await writeFile(
      path.join(app, "ports.yaml"),
      [
        "version: 1",
        "nodes:",
        "  here: {address: 127.0.0.1, os: " + (process.platform === "darwin" ? "macos" : process.platform === "win32" ? "windows" : "linux") + "}",
        "teams:",
        "  A: {name: Team A, ranges: [{name: main, from: 1024, to: 65535}]}",
        "environments:",
        "  dev: {offset: 0}",
        "services:",
        `  - {name: api, team: A, node: here, port: ${held}, protocol: http, access: all-nodes, status: running}`,
        "",
      ].join("\n"),
    );
    const lint = await npx(["lint", "--no-scan"]);
    expect(lint.status, lint.stdout + lint.stderr).toBe(0);
    const holder = await startNodeServer("127.0.0.1", held);
    try {
      const taken = await npx(["--this-node", "here", "check", String(held)]);
      expect(taken.status, taken.stderr).toBe(1);
      expect(taken.stdout).toContain(`PID ${holder.pid}`);
    } finally {
      holder.kill();
    }
    const open = await npx(["--this-node", "here", "check", String(free)]);
    expect(open.stdout).toMatch(new RegExp(`^${free} +free`));
  });

  it("npm publish --dry-run is clean: no warning of npm's about the package", async () => {
    const url = registry?.url ?? "";
    const token = { [`npm_config_${url.replace(/^http:/, "")}:_authToken`]: "dry-run" };
    const publish = await run("npm", ["publish", "--dry-run", "--ignore-scripts", "--registry", url], REPO_ROOT, token);
    expect(publish.status, publish.stderr).toBe(0);
    expect(publish.stderr.split("\n").filter((line) => /^npm (warn|error)/i.test(line))).toEqual([]);
  });
});
