import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, rename, stat, symlink, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UnfinishedError } from "../src/findings/errors.js";
import { withRegistryLock } from "../src/io/registry-lock.js";

async function registryIn(): Promise<{ dir: string; registry: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), "sparkport-lock-"));
  const registry = path.join(dir, "ports.yaml");
  await writeFile(registry, "version: 1\n");
  return { dir, registry };
}

/** The PID of a process that has already exited. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);
}

const longAgo = new Date(Date.now() - 60_000);

describe("withRegistryLock", () => {
  it("holds <registry>.lock, a folder, during the work and removes it after", async () => {
    const { dir, registry } = await registryIn();
    const seen = await withRegistryLock(registry, async () => ({ names: await readdir(dir), folder: (await stat(`${registry}.lock`)).isDirectory() }));
    expect(seen).toEqual({ names: ["ports.yaml", "ports.yaml.lock"], folder: true });
    expect(await readdir(dir)).toEqual(["ports.yaml"]);
  });

  it("locks the file behind a link: through the link, the real file's lock is taken and the held file is the real one", async () => {
    const { dir, registry } = await registryIn();
    await symlink(registry, path.join(dir, "link.yaml"));
    const held = await withRegistryLock(path.join(dir, "link.yaml"), async (lock) => ({ file: lock.file, names: await readdir(dir) }));
    expect(held).toEqual({ file: registry, names: ["link.yaml", "ports.yaml", "ports.yaml.lock"] });
  });

  it("waits for a live holder (one that keeps its lock fresh), then gives up with UnfinishedError", async () => {
    const { registry } = await registryIn();
    await withRegistryLock(registry, async () => {
      const waiting = withRegistryLock(registry, async () => "ran", { waitMs: 2_500 });
      await expect(waiting).rejects.toThrow(UnfinishedError);
      await expect(waiting).rejects.toThrow("is locked by another sparkport change");
    });
  }, 10_000);

  it("a lock nobody refreshes (its owner killed, in any PID namespace) is taken over", async () => {
    const { dir, registry } = await registryIn();
    await mkdir(`${registry}.lock`);
    await utimes(`${registry}.lock`, longAgo, longAgo);
    expect(await withRegistryLock(registry, async () => "ran", { waitMs: 200 })).toBe("ran");
    expect(await readdir(dir)).toEqual(["ports.yaml"]);
  });

  it("a stale lock with many waiters: one at a time inside, every one gets in, nothing left over", async () => {
    const { dir, registry } = await registryIn();
    await mkdir(`${registry}.lock`);
    await utimes(`${registry}.lock`, longAgo, longAgo);
    let inside = 0;
    let most = 0;
    const done: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        withRegistryLock(registry, async () => {
          inside += 1;
          most = Math.max(most, inside);
          await new Promise((resolve) => setTimeout(resolve, 15));
          done.push(i);
          inside -= 1;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(done.sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await readdir(dir)).toEqual(["ports.yaml"]);
  });

  it("an older sparkport's lock file is waited for while fresh and taken over once stale", async () => {
    const { registry } = await registryIn();
    await writeFile(`${registry}.lock`, String(process.ppid));
    await expect(withRegistryLock(registry, async () => "ran", { waitMs: 100 })).rejects.toThrow(UnfinishedError);
    await utimes(`${registry}.lock`, longAgo, longAgo);
    expect(await withRegistryLock(registry, async () => "ran", { waitMs: 100 })).toBe("ran");
  });

  it("assertHeld fails once the lock was taken over (this run paused too long), and the new holder's lock stays", async () => {
    const { registry } = await registryIn();
    await withRegistryLock(registry, async (held) => {
      held.assertHeld();
      await rename(`${registry}.lock`, `${registry}.gone`);
      await mkdir(`${registry}.lock`);
      expect(() => held.assertHeld()).toThrow(UnfinishedError);
    });
    expect((await stat(`${registry}.lock`)).isDirectory()).toBe(true);
  });

  it("a registry gone before the lock: one line, nothing made", async () => {
    const { dir } = await registryIn();
    await expect(withRegistryLock(path.join(dir, "missing.yaml"), async () => "ran")).rejects.toThrow("no longer exists; nothing was written");
    expect(await readdir(dir)).toEqual(["ports.yaml"]);
  });

  it("removes the registry's temporary files and older versions' lock leftovers, and keeps everyone else's", async () => {
    const { dir, registry } = await registryIn();
    const dead = String(deadPid());
    const live = String(process.ppid);
    const leftovers = [`.ports.yaml.${dead}.0badc0de.tmp`, `.ports.yaml.${live}.0badc0de.tmp`, `.ports.yaml.${dead}.tmp`, `ports.yaml.lock.${dead}.0badc0de.tmp`, "ports.yaml.lock.takeover", "ports.yaml.lock.stale.1.ab"];
    const kept = [`ports.yaml.lock.${live}.0badc0de.tmp`, `.other.yaml.${dead}.ab.tmp`, "notes.tmp", "ports.yaml"];
    for (const name of [...leftovers, ...kept]) if (name !== "ports.yaml") await writeFile(path.join(dir, name), "x");
    for (const name of ["ports.yaml.lock.takeover", "ports.yaml.lock.stale.1.ab"]) await utimes(path.join(dir, name), longAgo, longAgo);
    await withRegistryLock(registry, async () => undefined);
    expect((await readdir(dir)).sort()).toEqual(kept.sort());
  });
});
