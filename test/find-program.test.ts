import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findProgram } from "../src/io/find-program.js";
import { nodeCommandRunner } from "../src/io/command-runner.js";
import { skipping } from "./helpers/skip-reason.js";

describe.skipIf(skipping(process.platform === "win32", "findProgram (POSIX)", "Windows finds programs through PATHEXT"))("findProgram (POSIX)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "sparkport-path-"));
  const bin = path.join(dir, "bin");
  const other = path.join(dir, "other");
  mkdirSync(bin);
  mkdirSync(other);
  writeFileSync(path.join(bin, "runnable"), "#!/bin/sh\necho ran \"$@\"\n");
  chmodSync(path.join(bin, "runnable"), 0o755);
  writeFileSync(path.join(bin, "not-executable"), "");
  mkdirSync(path.join(bin, "a-folder"));
  writeFileSync(path.join(other, "not-executable"), "#!/bin/sh\n");
  chmodSync(path.join(other, "not-executable"), 0o755);
  const env = { PATH: `${bin}:${other}` };

  it("finds an executable file in PATH order, skipping non-executable files and folders", () => {
    expect(findProgram("runnable", env, "linux")).toBe(path.join(bin, "runnable"));
    expect(findProgram("not-executable", env, "linux")).toBe(path.join(other, "not-executable"));
    expect(findProgram("a-folder", env, "linux")).toBeUndefined();
    expect(findProgram("absent", env, "linux")).toBeUndefined();
  });

  it("takes a path with a separator as given; without PATH, leaves the search to the system", () => {
    expect(findProgram("./x/y", env, "linux")).toBe("./x/y");
    expect(findProgram("runnable", {}, "linux")).toBe("runnable");
  });

  it("the command runner rejects a missing program with ENOENT, and runs a found one with its arguments", async () => {
    await expect(nodeCommandRunner.run("sparkport-no-such-program", ["status"])).rejects.toMatchObject({ code: "ENOENT" });
    const result = await nodeCommandRunner.run(process.execPath, ["-e", "process.stdout.write(process.argv[1])", "$(id);`id`"]);
    expect(result).toEqual({ code: 0, stdout: "$(id);`id`", stderr: "" });
  });
});
