import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { doctor } from "../src/commands/doctor/doctor.js";
import type { CommandRunner } from "../src/io/command-runner.js";
import { nodeFileSystem } from "../src/io/file-system.js";
import { WindowsSocketTable } from "../src/observe/windows-socket-table.js";
import type { TcpProber } from "../src/observe/tcp-prober.js";
import { OS_FIXTURES } from "./helpers/os-fixtures.js";

// A Windows node cannot run here: its netstat, tasklist and netsh answer from
// real captured outputs through a fake command runner (the one place fakes
// are allowed). The registry, the rules and the fix texts are the real ones.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sparkport-doctor-win-"));
  await writeFile(
    path.join(dir, "ports.yaml"),
    [
      "version: 1",
      "nodes:",
      "  desktop: {address: 127.0.0.3, os: windows}",
      "teams:",
      "  A: {name: AI, ranges: [{name: ai, from: 8000, to: 8099}]}",
      "environments:",
      "  dev: {offset: 0}",
      "services:",
      "  - {name: web, team: A, node: desktop, port: 8080, protocol: http, access: all-nodes, status: stopped}",
      "",
    ].join("\n"),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("doctor on a Windows node (netstat -ano from a fixture)", () => {
  it("names the PID from netstat and gives taskkill, then taskkill /F", async () => {
    const netstat = await readFile(path.join(OS_FIXTURES, "netstat-windows-ano-listening-indented.txt"), "utf8");
    // A real tasklist capture, one row's PID set to the netstat capture's so the two machines' outputs meet.
    const tasklist = (await readFile(new URL("./fixtures/os-output/tasklist-csv-nh-kb.txt", import.meta.url), "utf8")).replace('"smss.exe","1056"', '"httpd.exe","18364"');
    expect(tasklist).toContain('"httpd.exe","18364"');
    const runner: CommandRunner = {
      run: async (file) => {
        if (file === "netstat") return { code: 0, stdout: netstat, stderr: "" };
        if (file === "tasklist") return { code: 0, stdout: tasklist, stderr: "" };
        if (file === "netsh") return { code: 0, stdout: "", stderr: "" };
        throw Object.assign(new Error(`${file}: not found`), { code: "ENOENT" });
      },
    };
    const never: TcpProber = { probe: () => Promise.reject(new Error("no probe expected")) };
    const result = await doctor({
      registry: path.join(dir, "ports.yaml"),
      processEnv: {},
      cwd: dir,
      fs: nodeFileSystem,
      timeoutMs: 500,
      remote: false,
      thisNode: "desktop",
      error: "OSError: [WinError 10048] Only one usage of each socket address (protocol/network address/port) is normally permitted",
      target: "8080",
      deps: {
        socketTable: new WindowsSocketTable(runner),
        bindTest: async (port) => [{ address: "0.0.0.0", state: port === 8080 ? "in-use" : "free" }],
        prober: never,
        runner,
        localAddresses: () => ["127.0.0.3"],
        processInfo: { commandLine: async () => undefined },
        projectFiles: async () => [],
        readText: (file) => readFile(file, "utf8"),
        os: "windows",
      },
    });
    expect(result.exitCode).toBe(1);
    const finding = result.findings.find((f) => f.code === "doctor-port-in-use");
    expect(finding?.message).toBe("8080 is in use on this machine by httpd.exe (PID 18364) on 192.168.0.5; the registry gives 8080 to web");
    expect(finding?.commands).toEqual(expect.arrayContaining(["taskkill /PID 18364", "taskkill /PID 18364 /F"]));
  });
});
