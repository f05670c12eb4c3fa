import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { temporaryPid, writeFileAtomic } from "../src/io/write-file-atomic.js";
import { skipping } from "./helpers/skip-reason.js";

const folder = (): string => mkdtempSync(path.join(tmpdir(), "sparkport-atomic-"));
const onPosix = process.platform !== "win32";

describe("writeFileAtomic", () => {
  it("replaces a file whole and leaves no temporary file", () => {
    const dir = folder();
    const file = path.join(dir, "ports.yaml");
    writeFileSync(file, "old");
    writeFileAtomic(file, "new");
    writeFileAtomic(file, Buffer.from([1, 2, 3]));
    expect(readFileSync(file)).toEqual(Buffer.from([1, 2, 3]));
    expect(readdirSync(dir)).toEqual(["ports.yaml"]);
  });

  it.skipIf(skipping(!onPosix, "the mode and link case", "file modes and symbolic links are POSIX"))("keeps an existing file's mode, gives a new one the mode asked for, and writes through a link", () => {
    const dir = folder();
    const file = path.join(dir, "real.yaml");
    writeFileSync(file, "x");
    chmodSync(file, 0o640);
    symlinkSync(file, path.join(dir, "link.yaml"));
    writeFileAtomic(path.join(dir, "link.yaml"), "y", { mode: 0o600 });
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(lstatSync(path.join(dir, "link.yaml")).isSymbolicLink()).toBe(true);
    expect(readFileSync(file, "utf8")).toBe("y");
    writeFileAtomic(path.join(dir, "private"), "z", { mode: 0o600 });
    expect(statSync(path.join(dir, "private")).mode & 0o777).toBe(0o600);
  });

  it("exclusive: creates a missing file, and fails with EEXIST on an existing one, which stays as it was", () => {
    const dir = folder();
    const file = path.join(dir, "ports.yaml.lock");
    writeFileAtomic(file, "123", { exclusive: true });
    expect(() => writeFileAtomic(file, "456", { exclusive: true })).toThrow(expect.objectContaining({ code: "EEXIST" }));
    expect(readFileSync(file, "utf8")).toBe("123");
    expect(readdirSync(dir)).toEqual(["ports.yaml.lock"]);
  });

  it("a failed write leaves nothing behind", () => {
    const dir = folder();
    expect(() => writeFileAtomic(path.join(dir, "missing", "x"), "x")).toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("names its temporary files so that their file and writer can be read back", () => {
    expect(temporaryPid(".ports.yaml.4242.0badc0de.tmp", "ports.yaml")).toBe(4242);
    // A random part of digits only is still the random part.
    expect(temporaryPid(".ports.yaml.4242.12345678.tmp", "ports.yaml")).toBe(4242);
    expect(temporaryPid("..env.99.tmp", ".env")).toBe(99);
    expect(temporaryPid("ports.yaml.lock.7.ab.tmp", "ports.yaml.lock")).toBe(7);
    expect(temporaryPid(".ports.yaml.lock.7.ab.tmp", "ports.yaml")).toBeUndefined();
    expect(temporaryPid("notes.tmp", "notes")).toBeUndefined();
  });

  it("removes the temporary files of the same file's dead writers, and keeps a live writer's and other files'", () => {
    const dir = folder();
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    const live = String(process.ppid);
    for (const name of [`..env.${dead}.ab.tmp`, `..env.${dead}.tmp`, `..env.${live}.ab.tmp`, `..env.local.${dead}.ab.tmp`]) writeFileSync(path.join(dir, name), "x");
    writeFileAtomic(path.join(dir, ".env"), "PORT=1\n");
    expect(readdirSync(dir).sort()).toEqual([".env", `..env.${live}.ab.tmp`, `..env.local.${dead}.ab.tmp`].sort());
  });

  it.skipIf(skipping(process.getuid?.() !== 0, "the owner case", "keeping another owner needs root"))("as root, keeps the replaced file's owner and group, and its set-id-free mode", () => {
    const dir = folder();
    const file = path.join(dir, "ports.yaml");
    writeFileSync(file, "x");
    chownSync(file, 65534, 65534);
    chmodSync(file, 0o640);
    writeFileAtomic(file, "y");
    const after = statSync(file);
    expect([after.uid, after.gid, after.mode & 0o7777]).toEqual([65534, 65534, 0o640]);
  });
});
