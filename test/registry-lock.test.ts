import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withRegistryLock } from "../src/io/registry-lock.js";

async function folder(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "sparkport-lock-"));
}

/** The PID of a process that has already exited. */
function deadPid(): number {
  const run = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(run.stdout);
}

describe("withRegistryLock", () => {
  it("holds <registry>.lock with its PID during the work and removes it after", async () => {
    const dir = await folder();
    const registry = path.join(dir, "ports.yaml");
    const seen = await withRegistryLock(registry, async () => readdir(dir));
    expect(seen).toEqual(["ports.yaml.lock"]);
    expect(await readdir(dir)).toEqual([]);
  });

  it("takes over the lock of a dead process", async () => {
    const dir = await folder();
    const registry = path.join(dir, "ports.yaml");
    await writeFile(`${registry}.lock`, String(deadPid()));
    expect(await withRegistryLock(registry, async () => "ran", { waitMs: 200 })).toBe("ran");
  });

  it("a stale lock with many waiters: one at a time inside, every one gets in, no takeover file left", async () => {
    const dir = await folder();
    const registry = path.join(dir, "ports.yaml");
    await writeFile(`${registry}.lock`, String(deadPid()));
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        withRegistryLock(
          registry,
          async () => {
            inside += 1;
            most = Math.max(most, inside);
            await new Promise((resolve) => setTimeout(resolve, 15));
            order.push(i);
            inside -= 1;
          },
          { waitMs: 5_000 },
        ),
      ),
    );
    expect(most).toBe(1);
    expect(order.sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await readdir(dir)).toEqual([]);
  });

  it("a takeover file left by a dead process does not block the next one", async () => {
    const dir = await folder();
    const registry = path.join(dir, "ports.yaml");
    await writeFile(`${registry}.lock`, String(deadPid()));
    await writeFile(`${registry}.lock.takeover`, String(deadPid()));
    expect(await withRegistryLock(registry, async () => "ran", { waitMs: 1_000 })).toBe("ran");
    expect(await readdir(dir)).toEqual([]);
  });

  it("a takeover file left alone by a process killed after it removed the dead lock is cleaned up", async () => {
    const dir = await folder();
    const registry = path.join(dir, "ports.yaml");
    await writeFile(`${registry}.lock.takeover`, String(deadPid()));
    expect(await withRegistryLock(registry, async () => readdir(dir))).toEqual(["ports.yaml.lock"]);
    expect(await readdir(dir)).toEqual([]);
  });

  it("waits for a live holder, then gives up naming its PID", async () => {
    const dir = await folder();
    const registry = path.join(dir, "ports.yaml");
    await writeFile(`${registry}.lock`, String(process.ppid));
    await expect(withRegistryLock(registry, async () => "ran", { waitMs: 100 })).rejects.toThrow(`locked by PID ${String(process.ppid)}`);
  });

  it("an empty lock file is waited for while fresh and taken over once old", async () => {
    const dir = await folder();
    const registry = path.join(dir, "ports.yaml");
    await writeFile(`${registry}.lock`, "");
    await expect(withRegistryLock(registry, async () => "ran", { waitMs: 100 })).rejects.toThrow("a lock file without a PID");
    const old = new Date(Date.now() - 60_000);
    await utimes(`${registry}.lock`, old, old);
    expect(await withRegistryLock(registry, async () => "ran", { waitMs: 100 })).toBe("ran");
  });

  it("removes the temporary files of dead runs, and keeps everyone else's", async () => {
    const dir = await folder();
    const registry = path.join(dir, "ports.yaml");
    const dead = deadPid();
    const names = [`.ports.yaml.${String(dead)}.0badc0de.tmp`, `ports.yaml.lock.${String(dead)}.0badc0de.tmp`, `.ports.yaml.${String(process.ppid)}.0badc0de.tmp`, ".other.yaml.1.ab.tmp", "notes.tmp"];
    for (const name of names) await writeFile(path.join(dir, name), "x");
    await withRegistryLock(registry, async () => undefined);
    expect((await readdir(dir)).sort()).toEqual([`.ports.yaml.${String(process.ppid)}.0badc0de.tmp`, ".other.yaml.1.ab.tmp", "notes.tmp"].sort());
  });
});
