import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseTemporaryName, writeFileAtomic } from "../src/io/write-file-atomic.js";

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

  it.runIf(onPosix)("keeps an existing file's mode, gives a new one the mode asked for, and writes through a link", () => {
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
    expect(parseTemporaryName(".ports.yaml.4242.0badc0de.tmp")).toEqual({ file: "ports.yaml", pid: 4242 });
    expect(parseTemporaryName("ports.yaml.lock.7.ab.tmp")).toEqual({ file: "ports.yaml.lock", pid: 7 });
    expect(parseTemporaryName("notes.tmp")).toBeUndefined();
  });
});
