import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { bindAllInterfacesFix } from "../src/fixes/bind-fix.js";
import { splitCommandLine } from "../src/command-line/split-command-line.js";
import {
  createProcessInfo,
  joinProcCmdline,
  LinuxProcessInfo,
  MacosProcessInfo,
  WindowsProcessInfo,
} from "../src/observe/process-command-line.js";
import type { CommandResult, CommandRunner } from "../src/io/command-runner.js";
import type { ReadText } from "../src/observe/linux-socket-table.js";

const onLinux = process.platform === "linux";
if (!onLinux) console.log(`skipping the real /proc tests: this is ${process.platform}`);
const linuxIt = it.skipIf(!onLinux);

const readText: ReadText = (path) => readFile(path, "utf8");
/** Above the largest pid_max Linux allows (2^22): no process can have it. */
const NO_SUCH_PID = 4_194_305;

const children: ChildProcess[] = [];

afterEach(async () => {
  await Promise.all(
    children.splice(0).map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      await exited;
    }),
  );
});

/** Starts a program (argument array, no shell) and waits until it prints `ready` on stdout or stderr. */
async function startUntil(file: string, args: readonly string[], ready: RegExp): Promise<number> {
  const child = spawn(file, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, PYTHONUNBUFFERED: "1" } });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`${file} did not print ${String(ready)}; output: ${seen}`)), 10_000);
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString("utf8");
      if (ready.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${file} exited with ${String(code)}; output: ${seen}`));
    });
  });
  if (child.pid === undefined) throw new Error(`${file} has no pid`);
  return child.pid;
}

describe("LinuxProcessInfo on real processes (/proc/<pid>/cmdline)", () => {
  linuxIt("returns python3's http.server command line, with --bind 127.0.0.1, and doctor's fix rewrites it", async () => {
    const pid = await startUntil("python3", ["-m", "http.server", "0", "--bind", "127.0.0.1"], /Serving HTTP/);
    const line = await new LinuxProcessInfo(readText).commandLine(pid);
    expect(line).toContain("http.server");
    expect(line).toContain("--bind 127.0.0.1");
    // python3 may be a shim (pyenv) that execs the real interpreter by its full path: only argv[0] may differ.
    expect(line).toMatch(/(^|\/)python3(\.\d+)? -m http\.server 0 --bind 127\.0\.0\.1$/);
    const fix = bindAllInterfacesFix(line, 8000);
    expect(fix.program).toBe("http.server");
    expect(fix.commands[0]).toMatch(/ -m http\.server 0 --bind 0\.0\.0\.0$/);
  });

  linuxIt("quotes arguments with spaces and shell characters, so splitCommandLine gives the same arguments back", async () => {
    const args = ["-c", "import time; print('ready', flush=True); time.sleep(60)", "a b", "$(id)", "it's", ";", ""];
    const pid = await startUntil("python3", args, /ready/);
    const line = await new LinuxProcessInfo(readText).commandLine(pid);
    expect(line).toBeDefined();
    expect(line).toContain(`'import time; print('\\''ready'\\'', flush=True); time.sleep(60)' 'a b' '$(id)' 'it'\\''s' ';' ''`);
    expect(splitCommandLine(line ?? "").slice(1)).toEqual(args);
  });

  linuxIt("a process that retitled itself is returned as its title, as ps shows it (Redis, next-server, puma do this)", async () => {
    const script = "process.title = 'redis-server 127.0.0.1:6379'; console.log('ready'); setInterval(() => {}, 1000);";
    const pid = await startUntil(process.execPath, ["-e", script], /ready/);
    const line = await new LinuxProcessInfo(readText).commandLine(pid);
    expect(line).toBe("redis-server 127.0.0.1:6379");
    expect(bindAllInterfacesFix(line, 6379).commands).toEqual(["redis-server --bind 0.0.0.0 --port 6379"]);
  });

  linuxIt("this very process", async () => {
    const line = await new LinuxProcessInfo(readText).commandLine(process.pid);
    expect(line).toBeDefined();
    expect(line?.length).toBeGreaterThan(0);
  });

  linuxIt("a pid that cannot exist, or is not a pid, gives undefined", async () => {
    const info = new LinuxProcessInfo(readText);
    expect(await info.commandLine(NO_SUCH_PID)).toBeUndefined();
    for (const pid of [0, -1, 1.5, Number.NaN]) expect(await info.commandLine(pid)).toBeUndefined();
  });
});

describe("LinuxProcessInfo with an injected readText", () => {
  it("reads /proc/<pid>/cmdline and never throws", async () => {
    const paths: string[] = [];
    const info = new LinuxProcessInfo((path) => {
      paths.push(path);
      return Promise.resolve("uvicorn\0app.main:app\0--port\x008000\0");
    });
    expect(await info.commandLine(321)).toBe("uvicorn app.main:app --port 8000");
    expect(paths).toEqual(["/proc/321/cmdline"]);
    const failing = new LinuxProcessInfo(() => Promise.reject(Object.assign(new Error("EACCES"), { code: "EACCES" })));
    expect(await failing.commandLine(321)).toBeUndefined();
    const throwing = new LinuxProcessInfo(() => {
      throw new Error("sync failure");
    });
    expect(await throwing.commandLine(321)).toBeUndefined();
  });
});

describe("joinProcCmdline", () => {
  it("NUL-terminated arguments, quoted where needed, empty ones kept", () => {
    expect(joinProcCmdline("python3\0-m\0http.server\0-d\0/srv/my files\0")).toBe("python3 -m http.server -d '/srv/my files'");
    expect(joinProcCmdline("x\0\0y\0\0")).toBe("x '' y ''");
  });

  it("one argument is a title, returned as it is; nothing is undefined (kernel threads, zombies)", () => {
    expect(joinProcCmdline("next-server (v14.2.3)\0\0\0\0")).toBe("next-server (v14.2.3)");
    expect(joinProcCmdline("redis-server 127.0.0.1:6379")).toBe("redis-server 127.0.0.1:6379");
    expect(joinProcCmdline("")).toBeUndefined();
    expect(joinProcCmdline("\0\0")).toBeUndefined();
  });
});

type Answer = CommandResult | Error;

/** Answers one program with a fixed result or rejection, recording every call (ps and PowerShell cannot run here). */
class FakeRunner implements CommandRunner {
  readonly calls: { file: string; args: readonly string[]; timeoutMs: number | undefined }[] = [];

  constructor(private readonly answer: Answer) {}

  run(file: string, args: readonly string[], options?: { timeoutMs?: number }): Promise<CommandResult> {
    this.calls.push({ file, args: [...args], timeoutMs: options?.timeoutMs });
    return this.answer instanceof Error ? Promise.reject(this.answer) : Promise.resolve(this.answer);
  }
}

const ok = (stdout: string): CommandResult => ({ code: 0, stdout, stderr: "" });
const enoent = (file: string): Error => Object.assign(new Error(`spawn ${file} ENOENT`), { code: "ENOENT" });

describe("MacosProcessInfo (ps, fake runner)", () => {
  it("runs ps -ww -o command= -p PID as an argument array and returns the trimmed line", async () => {
    const runner = new FakeRunner(ok("/usr/local/bin/node /Users/me/web/node_modules/.bin/next dev -p 3000\n"));
    expect(await new MacosProcessInfo(runner).commandLine(4242)).toBe("/usr/local/bin/node /Users/me/web/node_modules/.bin/next dev -p 3000");
    expect(runner.calls).toEqual([{ file: "ps", args: ["-ww", "-o", "command=", "-p", "4242"], timeoutMs: 5_000 }]);
  });

  it("no such process (ps exits 1 with nothing), empty output, a missing ps: undefined", async () => {
    expect(await new MacosProcessInfo(new FakeRunner({ code: 1, stdout: "", stderr: "" })).commandLine(4242)).toBeUndefined();
    expect(await new MacosProcessInfo(new FakeRunner(ok("\n"))).commandLine(4242)).toBeUndefined();
    expect(await new MacosProcessInfo(new FakeRunner(enoent("ps"))).commandLine(4242)).toBeUndefined();
  });

  it("never runs ps for something that is not a pid", async () => {
    const runner = new FakeRunner(ok("x"));
    for (const pid of [0, -5, 2.5, Number.POSITIVE_INFINITY]) expect(await new MacosProcessInfo(runner).commandLine(pid)).toBeUndefined();
    expect(runner.calls).toEqual([]);
  });
});

describe("WindowsProcessInfo (PowerShell Get-CimInstance, fake runner)", () => {
  const script = (pid: number): string =>
    `[Console]::OutputEncoding = [Text.Encoding]::UTF8; (Get-CimInstance Win32_Process -Filter 'ProcessId=${pid}').CommandLine`;

  it("runs powershell with an argument array (no cmd.exe) and returns the line without CRLF", async () => {
    const runner = new FakeRunner(ok(`"C:\\Users\\민수\\AppData\\Local\\Programs\\Python\\Python312\\python.exe" -m uvicorn app.main:app --port 8000\r\n`));
    const line = await new WindowsProcessInfo(runner).commandLine(7788);
    expect(line).toBe(`"C:\\Users\\민수\\AppData\\Local\\Programs\\Python\\Python312\\python.exe" -m uvicorn app.main:app --port 8000`);
    expect(runner.calls).toEqual([{ file: "powershell", args: ["-NoProfile", "-NonInteractive", "-Command", script(7788)], timeoutMs: 15_000 }]);
    expect(bindAllInterfacesFix(line, 8000, "windows").commands).toEqual([
      "& 'C:\\Users\\민수\\AppData\\Local\\Programs\\Python\\Python312\\python.exe' -m uvicorn app.main:app --host 0.0.0.0 --port 8000",
    ]);
  });

  it("no CommandLine (another user's process without an administrator, or gone), a failure, no powershell: undefined", async () => {
    expect(await new WindowsProcessInfo(new FakeRunner(ok("\r\n"))).commandLine(7788)).toBeUndefined();
    expect(await new WindowsProcessInfo(new FakeRunner({ code: 1, stdout: "", stderr: "Get-CimInstance : Access denied" })).commandLine(7788)).toBeUndefined();
    expect(await new WindowsProcessInfo(new FakeRunner(enoent("powershell"))).commandLine(7788)).toBeUndefined();
    expect(await new WindowsProcessInfo(new FakeRunner({ code: null, stdout: "", stderr: "" })).commandLine(7788)).toBeUndefined();
  });

  it("only digits ever reach the PowerShell script", async () => {
    const runner = new FakeRunner(ok("x"));
    for (const pid of [0, -1, 1e21, Number.NaN, 3.5]) expect(await new WindowsProcessInfo(runner).commandLine(pid)).toBeUndefined();
    expect(runner.calls).toEqual([]);
  });
});

describe("createProcessInfo", () => {
  it("picks /proc on Linux, PowerShell on Windows, ps elsewhere", () => {
    const runner = new FakeRunner(ok(""));
    expect(createProcessInfo("linux", runner, readText)).toBeInstanceOf(LinuxProcessInfo);
    expect(createProcessInfo("win32", runner, readText)).toBeInstanceOf(WindowsProcessInfo);
    expect(createProcessInfo("darwin", runner, readText)).toBeInstanceOf(MacosProcessInfo);
    expect(createProcessInfo("freebsd", runner, readText)).toBeInstanceOf(MacosProcessInfo);
  });
});
