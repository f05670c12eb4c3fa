import { execFile, spawn, spawnSync } from "node:child_process";
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withRegistryLock } from "../src/io/registry-lock.js";
import { parseRegistry } from "../src/registry/parse-registry.js";
import { publicBuild, runAsNobody, whyNotAsNobody } from "./helpers/as-nobody.js";
import { CLI, REPO_ROOT, type CliRun } from "./helpers/run-cli.js";

// Issue 16, items 1-4 and 13-16, and the promises about writing that already held. Real files, links, FIFOs
// and devices in temporary folders, and real concurrent runs of the built CLI. Every run is --no-remote, and
// the registries' only node is 127.0.0.1.

const root = mkdtempSync(path.join(tmpdir(), "sparkport-write-"));
chmodSync(root, 0o755);
afterAll(() => rmSync(root, { recursive: true, force: true }));
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

let folders = 0;
function folder(): string {
  folders += 1;
  const dir = path.join(root, String(folders));
  mkdirSync(dir);
  return dir;
}

const REGISTRY = [
  "# A registry for concurrent writers: this comment stays.",
  "version: 1",
  "nodes:",
  "  here: {address: 127.0.0.1, os: linux} # loopback only",
  "teams:",
  "  B: {name: Backend, ranges: [{name: b, from: 28000, to: 28999}]}",
  "environments:",
  "  dev: {offset: 0}",
  "services:",
  "  # the first service",
  "  - {name: seed, team: B, node: here, port: 28000, protocol: http, access: all-nodes, status: running}",
  "",
].join("\n");

function registryIn(dir: string, text = REGISTRY): string {
  const file = path.join(dir, "ports.yaml");
  writeFileSync(file, text);
  return file;
}

/**
 * The built CLI, as helpers/run-cli.ts runs it, with a longer limit: thirty runs at once queue for the lock on
 * a busy two-CPU machine. A run killed at the limit rejects, so a hang fails the test.
 */
function runCli(args: readonly string[], options: { cwd?: string; timeout?: number } = {}): Promise<CliRun> {
  const env = { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, SPARKPORT_REGISTRY: undefined };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI, ...args], { cwd: options.cwd ?? REPO_ROOT, env, timeout: options.timeout ?? 100_000 }, (error, stdout, stderr) => {
      if (error !== null && typeof error.code !== "number") reject(new Error(`${args.join(" ")}: killed (${String(error.signal)}); stderr: ${stderr}`));
      else resolve({ status: error === null ? 0 : Number(error.code), stdout, stderr });
    });
  });
}

const sparkport = (file: string, args: string[]): Promise<CliRun> => runCli(["--no-remote", "--registry", file, ...args]);
const allocate = (file: string, name: string, more: string[] = []): Promise<CliRun> => sparkport(file, ["allocate", name, "--team", "B", "--node", "here", ...more]);
const services = (file: string) => parseRegistry(readFileSync(file, "utf8"), file).data.services;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every allocation printed as written is in the file, each on its own port. */
function expectAllKept(file: string, runs: readonly CliRun[], names: readonly string[]): void {
  for (const run of runs) expect(run.status, run.stdout + run.stderr).toBe(0);
  const list = services(file);
  expect(list.map((s) => s.name).sort()).toEqual(["seed", ...names].sort());
  expect(new Set(list.map((s) => s.port)).size).toBe(list.length);
}

/** Hold the registry's lock in this process until `release` is called; resolves once it is held. */
async function holdLock(file: string): Promise<() => Promise<void>> {
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let taken = (): void => undefined;
  const ready = new Promise<void>((resolve) => (taken = resolve));
  const done = withRegistryLock(file, async () => {
    taken();
    await held;
  });
  await ready;
  return async () => {
    release();
    await done;
  };
}

/** Start an allocate in the background; wait until it is waiting for the lock. (Wrapped: an async function would await it.) */
async function allocateWaiting(file: string, name: string): Promise<{ run: Promise<CliRun> }> {
  const run = allocate(file, name);
  await sleep(1_500);
  return { run };
}

describe("item 1: a registry reached through a symbolic link", () => {
  it("20 allocations at once, half through a link and half through the real path: all 20 kept, the link still a link", async () => {
    const dir = folder();
    mkdirSync(path.join(dir, "d"));
    const real = registryIn(path.join(dir, "d"));
    const link = path.join(dir, "link.yaml");
    symlinkSync(path.join("d", "ports.yaml"), link);
    const names = Array.from({ length: 20 }, (_, i) => `s${String(i)}`);
    const runs = await Promise.all(names.map((name, i) => allocate(i % 2 === 0 ? link : real, name)));
    expectAllKept(real, runs, names);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(path.join(dir, "d"))).toEqual(["ports.yaml"]);
  }, 60_000);
});

const unshareWorks = isRoot && spawnSync("unshare", ["--pid", "--fork", "--mount-proc", "true"]).status === 0;
const whyNoNamespaces = !isRoot ? "not running as root" : !unshareWorks ? "unshare --pid --fork --mount-proc does not work here" : undefined;
if (whyNoNamespaces !== undefined) console.warn(`skipping the PID namespace cases: ${whyNoNamespaces}`);

describe("item 2: the lock across PID namespaces", () => {
  /** An allocate in a PID namespace of its own, where it is PID 1 or 2 and no other run's PID is visible. */
  function allocateInNamespace(file: string, name: string): Promise<CliRun> {
    return new Promise((resolve, reject) => {
      const args = ["--pid", "--fork", "--mount-proc", process.execPath, CLI, "--no-remote", "--registry", file, "allocate", name, "--team", "B", "--node", "here"];
      execFile("unshare", args, { env: { ...process.env, NO_COLOR: "1" }, timeout: 100_000 }, (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== "number") reject(new Error(`${name}: killed; ${stderr}`));
        else resolve({ status: error === null ? 0 : Number(error.code), stdout, stderr });
      });
    });
  }

  it.skipIf(whyNoNamespaces !== undefined)("20 allocations, half each in a PID namespace of its own: all 20 kept", async () => {
    const file = registryIn(folder());
    const names = Array.from({ length: 20 }, (_, i) => `n${String(i)}`);
    const runs = await Promise.all(names.map((name, i) => (i % 2 === 0 ? allocateInNamespace(file, name) : allocate(file, name))));
    expectAllKept(file, runs, names);
  }, 90_000);

  it.skipIf(whyNoNamespaces !== undefined)("a lock left by a run killed inside a namespace (PID 1 there) is taken over from the host", async () => {
    const dir = folder();
    const file = registryIn(dir);
    // A namespace whose PID 1 takes the lock, then the whole namespace is killed.
    const release = await holdLockIn(dir, file);
    expect(statSync(`${file}.lock`).isDirectory()).toBe(true);
    release();
    const started = Date.now();
    const run = await allocate(file, "after");
    expect(run.status, run.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(services(file).map((s) => s.name)).toContain("after");
  }, 60_000);

  it("a stale lock met by 20 allocations at once: one at a time takes it over, all 20 kept, nothing left over", async () => {
    const dir = folder();
    const file = registryIn(dir);
    mkdirSync(`${file}.lock`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, old, old);
    const names = Array.from({ length: 20 }, (_, i) => `t${String(i)}`);
    const runs = await Promise.all(names.map((name) => allocate(file, name)));
    expectAllKept(file, runs, names);
    expect(readdirSync(dir)).toEqual(["ports.yaml"]);
  }, 120_000);

  /** PID 1 of a new namespace takes the lock through the built CLI's dependency and hangs; killing it leaves the lock. */
  async function holdLockIn(dir: string, file: string): Promise<() => void> {
    const script = path.join(dir, "hold.cjs");
    const lockfile = path.join(path.dirname(CLI), "..", "node_modules", "proper-lockfile");
    writeFileSync(
      script,
      `require(${JSON.stringify(lockfile)}).lock(${JSON.stringify(file)}, { stale: 86400000, update: 1000 }).then(() => { console.log("held"); setInterval(() => {}, 1000); });`,
    );
    const child = spawn("unshare", ["--pid", "--fork", "--kill-child", "--mount-proc", process.execPath, script], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    return () => {
      child.kill("SIGKILL");
    };
  }
});

describe("item 3: init --force replaces only a regular file", () => {
  it("a FIFO and a folder are refused and stay; a regular file is replaced; a missing path is created", async () => {
    const dir = folder();
    const fifo = path.join(dir, "fifo.yaml");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const refused = await runCli(["init", "--force", fifo], { cwd: dir });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(`sparkport: cannot create ${fifo}: it is not a regular file (a FIFO, socket or device); nothing was written (--force replaces only a regular file)\n`);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    mkdirSync(path.join(dir, "folder.yaml"));
    const folderRun = await runCli(["init", "--force", "folder.yaml"], { cwd: dir });
    expect(folderRun.status).toBe(2);
    expect(folderRun.stderr).toContain("cannot create folder.yaml: it is a directory; nothing was written");
    writeFileSync(path.join(dir, "old.yaml"), "old");
    expect((await runCli(["init", "--force", "old.yaml"], { cwd: dir })).status).toBe(0);
    expect(readFileSync(path.join(dir, "old.yaml"), "utf8")).toContain("version: 1");
    expect((await runCli(["init", "--force", "new.yaml"], { cwd: dir })).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["fifo.yaml", "folder.yaml", "new.yaml", "old.yaml"]);
  });

  it.skipIf(!isRoot)("a character device is refused and stays a device (as root, which could replace it)", async () => {
    const dir = folder();
    const device = path.join(dir, "null.yaml");
    expect(spawnSync("mknod", [device, "c", "1", "3"]).status).toBe(0);
    const run = await runCli(["init", "--force", device], { cwd: dir });
    expect(run.status).toBe(2);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir)).toEqual(["null.yaml"]);
  });
});

const whyNotNobody = whyNotAsNobody();
if (whyNotNobody !== undefined) console.warn(`skipping the ownership case: ${whyNotNobody}`);

describe("item 4: owner, mode and line endings are kept", () => {
  it.skipIf(whyNotNobody !== undefined)("root allocating in a user's ports.yaml leaves it the user's, with its mode; the user's next allocate works", async () => {
    const dir = folder();
    chownSync(dir, NOBODY, NOBODY);
    const file = registryIn(dir);
    chownSync(file, NOBODY, NOBODY);
    chmodSync(file, 0o640);
    expect((await allocate(file, "by-root")).status).toBe(0);
    const after = statSync(file);
    expect([after.uid, after.gid, after.mode & 0o7777]).toEqual([NOBODY, NOBODY, 0o640]);
    const user = runAsNobody([path.join(publicBuild(), "dist/bin.cjs"), "--no-remote", "--registry", file, "allocate", "by-user", "--team", "B", "--node", "here"], { ...process.env, NO_COLOR: "1" });
    expect(user.status, user.stderr).toBe(0);
    expect(services(file).map((s) => s.name)).toEqual(["seed", "by-root", "by-user"]);
    expect(statSync(file).uid).toBe(NOBODY);
  }, 60_000);

  it("a CRLF file gets CRLF lines; allocate then release gives back its bytes", async () => {
    const file = registryIn(folder(), REGISTRY.replaceAll("\n", "\r\n"));
    const original = readFileSync(file, "utf8");
    const added = await allocate(file, "crlf", ["--note", "kept"]);
    expect(added.status, added.stderr).toBe(0);
    const text = readFileSync(file, "utf8");
    expect(text).toContain("  - name: crlf\r\n");
    expect(text.replaceAll("\r\n", "")).not.toContain("\n");
    expect((await runCli(["lint", "--no-scan", "--registry", file])).status).toBe(0);
    expect((await sparkport(file, ["release", "crlf"])).status).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(original);
  });

  it("a temporary file of a writer killed mid-write is removed by the next write of that file", async () => {
    const dir = folder();
    const env = path.join(dir, ".env");
    writeFileSync(env, "PORT=1\n");
    // A writer killed while it writes 200 MB: its temporary file stays, as a `lint --fix --write` killed does.
    const writer = path.join(dir, "writer.mjs");
    const module = new URL("../src/io/write-file-atomic.ts", import.meta.url).href;
    writeFileSync(writer, `import { writeFileAtomic } from ${JSON.stringify(module)};\nconsole.log("start");\nwriteFileAtomic(${JSON.stringify(env)}, "x".repeat(200_000_000));\n`);
    const child = spawn(process.execPath, ["--experimental-strip-types", "--no-warnings", writer], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    const exited = new Promise((resolve) => child.once("exit", resolve));
    for (let i = 0; i < 200 && !readdirSync(dir).some((n) => n.startsWith("..env.")); i += 1) await sleep(5);
    child.kill("SIGKILL");
    await exited;
    const leftover = readdirSync(dir).filter((n) => n.startsWith("..env."));
    expect(leftover).toEqual([expect.stringMatching(new RegExp(`^\\.\\.env\\.${String(child.pid)}\\.[0-9a-f]+\\.tmp$`))]);
    writeFileSync(path.join(dir, `..env.${String(child.pid)}.tmp`), "older versions' name");
    const { writeFileAtomic } = await import("../src/io/write-file-atomic.js");
    writeFileAtomic(env, "PORT=2\n");
    expect(readdirSync(dir).sort()).toEqual([".env", "writer.mjs"]);
    expect(readFileSync(env, "utf8")).toBe("PORT=2\n");
  }, 60_000);
});

describe("items 13 and 16: the registry changes while a run waits for the lock", () => {
  it("ports.yaml turned into a FIFO: one line, exit 2, no hang, the FIFO left alone", async () => {
    const file = registryIn(folder());
    const release = await holdLock(file);
    const { run } = await allocateWaiting(file, "late");
    rmSync(file);
    expect(spawnSync("mkfifo", [file]).status).toBe(0);
    await release();
    const result = await run;
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`sparkport: cannot read ${file}: it is no longer a regular file; nothing was written\n`);
    expect(lstatSync(file).isFIFO()).toBe(true);
  }, 60_000);

  it("ports.yaml deleted: one line, exit 2", async () => {
    const dir = folder();
    const file = registryIn(dir);
    const release = await holdLock(file);
    const { run } = await allocateWaiting(file, "late");
    rmSync(file);
    await release();
    const result = await run;
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`sparkport: ${file} was removed while waiting for its lock; nothing was written\n`);
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);

  it("a lock kept fresh by a live holder: exit 75 (could not finish) after the wait, nothing written", async () => {
    const file = registryIn(folder());
    const release = await holdLock(file);
    try {
      const result = await allocate(file, "late");
      expect(result.status).toBe(75);
      expect(result.stderr).toContain("is locked by another sparkport change");
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(readFileSync(file, "utf8")).toBe(REGISTRY);
    } finally {
      await release();
    }
  }, 60_000);
});

const mountWorks = isRoot && spawnSync("unshare", ["--mount", "sh", "-c", "mount -t tmpfs -o size=1m,nr_inodes=8 none /mnt"]).status === 0;
const whyNoTmpfs = !isRoot ? "not running as root" : !mountWorks ? "cannot mount a tmpfs in a mount namespace here" : undefined;
if (whyNoTmpfs !== undefined) console.warn(`skipping the full-disk case: ${whyNoTmpfs}`);

describe("item 16: a full disk when the lock is made", () => {
  it.skipIf(whyNoTmpfs !== undefined)("ENOSPC: one line, exit 2, no lock or temporary file left, the registry untouched", () => {
    const dir = folder();
    writeFileSync(path.join(dir, "registry.yaml"), REGISTRY);
    // A tmpfs of a few inodes in a mount namespace of its own, filled up but for ports.yaml; then allocate.
    const script = [
      "set -e",
      'mount -t tmpfs -o size=4m,nr_inodes=16 none "$1"',
      'cp "$2" "$1/ports.yaml"',
      'i=0; while touch "$1/fill$i" 2>/dev/null; do i=$((i+1)); done',
      `NO_COLOR=1 ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} --no-remote --registry "$1/ports.yaml" allocate full --team B --node here 2>"$1/../stderr" && echo "exit 0" || echo "exit $?"`,
      'cmp "$1/ports.yaml" "$2" && echo same',
      'ls -a "$1" | grep -v "^fill" | tr "\\n" " "',
    ].join("\n");
    const mountPoint = path.join(dir, "mnt");
    mkdirSync(mountPoint);
    const run = spawnSync("unshare", ["--mount", "sh", "-c", script, "sh", mountPoint, path.join(dir, "registry.yaml")], { encoding: "utf8" });
    expect(run.stdout).toContain("exit 2\nsame\n. .. ports.yaml ");
    expect(readFileSync(path.join(dir, "stderr"), "utf8")).toBe(`sparkport: cannot lock ${mountPoint}/ports.yaml: no space left on the device; nothing was written\n`);
  });
});

describe("item 14: notes and reasons YAML would write as block scalars", () => {
  it.each([
    ["--note", "---"],
    ["--note", "... x"],
    ["--exception", "..."],
    ["--note", "|"],
    ["--note", "> folded?"],
  ])("allocate %s '%s' writes it as one quoted line and the file reads it back", async (flag, value) => {
    const file = registryIn(folder());
    const port = flag === "--exception" ? ["--port", "29500"] : [];
    const dry = await allocate(file, "noted", [flag, value, "--dry-run", ...port]);
    expect(dry.status, dry.stderr).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(REGISTRY);
    const run = await allocate(file, "noted", [flag, value, ...port]);
    expect(run.status, run.stderr).toBe(0);
    const entry = services(file).find((s) => s.name === "noted");
    expect(flag === "--note" ? entry?.note : entry?.exceptions?.[0]?.reason).toBe(value);
  });
});

describe("item 15: releasing the only service", () => {
  it("leaves `services: []`, which lint accepts and the next allocate fills", async () => {
    const file = registryIn(folder());
    const run = await sparkport(file, ["release", "seed"]);
    expect(run.status, run.stderr).toBe(0);
    const text = readFileSync(file, "utf8");
    expect(text).toContain("services: []\n");
    expect(text).toContain("# A registry for concurrent writers: this comment stays.");
    expect(services(file)).toEqual([]);
    expect((await allocate(file, "again")).status).toBe(0);
    expect(services(file).map((s) => s.name)).toEqual(["again"]);
  });
});

describe("what already held, kept", () => {
  it("30 allocations at once: 30 distinct ports, all kept, every comment kept", async () => {
    const file = registryIn(folder());
    const names = Array.from({ length: 30 }, (_, i) => `c${String(i)}`);
    const runs = await Promise.all(names.map((name) => allocate(file, name)));
    expectAllKept(file, runs, names);
    const text = readFileSync(file, "utf8");
    for (const line of REGISTRY.split("\n").filter((l) => l.includes("#"))) expect(text).toContain(line);
  }, 90_000);

  it("allocations killed with SIGKILL at random moments never tear the file; the survivors' allocations are kept and nothing is left over", async () => {
    const dir = folder();
    const file = registryIn(dir);
    const survivors: string[] = [];
    for (let round = 0; round < 6; round += 1) {
      const children = Array.from({ length: 8 }, (_, i) => {
        const name = `k${String(round)}x${String(i)}`;
        const child = spawn(process.execPath, [CLI, "--no-remote", "--registry", file, "allocate", name, "--team", "B", "--node", "here"], { stdio: "ignore", env: { ...process.env, NO_COLOR: "1" } });
        const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
        const kill = setTimeout(() => child.kill("SIGKILL"), 50 + Math.floor(Math.random() * 400));
        return exited.then((code) => {
          clearTimeout(kill);
          if (code === 0) survivors.push(name);
        });
      });
      await Promise.all(children);
      expect(() => services(file)).not.toThrow();
    }
    const last = await allocate(file, "last");
    expect(last.status, last.stderr).toBe(0);
    const names = services(file).map((s) => s.name);
    for (const name of [...survivors, "last"]) expect(names).toContain(name);
    expect(readdirSync(dir)).toEqual(["ports.yaml"]);
  }, 120_000);

  it.skipIf(whyNotNobody !== undefined)("a registry its user may not write: exit 2, the file untouched", async () => {
    const dir = folder();
    chmodSync(dir, 0o777);
    const file = registryIn(dir);
    chmodSync(file, 0o644);
    const run = runAsNobody([path.join(publicBuild(), "dist/bin.cjs"), "--no-remote", "--registry", file, "allocate", "ro", "--team", "B", "--node", "here"], { ...process.env, NO_COLOR: "1" });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`sparkport: cannot write ${file}: permission denied; nothing was written\n`);
    expect(readFileSync(file, "utf8")).toBe(REGISTRY);
    expect(readdirSync(dir)).toEqual(["ports.yaml"]);
  }, 60_000);

  const immutable = isRoot && spawnSync("chattr", ["-h"]).status !== 127;
  it.skipIf(!immutable)("an immutable registry (chattr +i, as root): exit 2, the file untouched", async (context) => {
    const dir = folder();
    const file = registryIn(dir);
    if (spawnSync("chattr", ["+i", file]).status !== 0) {
      console.warn("skipping the immutable case: this file system has no immutable attribute");
      context.skip();
    }
    try {
      const run = await allocate(file, "frozen");
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("nothing was written");
      expect(readFileSync(file, "utf8")).toBe(REGISTRY);
    } finally {
      spawnSync("chattr", ["-i", file]);
    }
  });
});
