import type { CommandRunner } from "../io/command-runner.js";
import type { ReadText } from "./linux-socket-table.js";
import { quoteArg } from "../command-line/quote-command-line.js";

/** The command line of a running process, for recognising the program behind a listener. */
export interface ProcessInfo {
  /** The command line as one string; undefined when the process is gone, not visible, or has none. Never throws. */
  commandLine(pid: number): Promise<string | undefined>;
}

const isPid = (pid: number): boolean => Number.isSafeInteger(pid) && pid > 0;

/**
 * /proc/<pid>/cmdline (each argument ends with a NUL) as one line: arguments that need it are quoted for sh, so
 * splitCommandLine gives them back, empty ones included. A process that retitled itself (`redis-server
 * 127.0.0.1:6379`, `next-server (v14.2.3)`) leaves one string followed by NUL padding: that title is returned as
 * it is, like ps shows it. Undefined when empty (kernel threads, zombies).
 */
export function joinProcCmdline(raw: string): string | undefined {
  const args = raw.split("\0");
  if (args[args.length - 1] === "") args.pop();
  const [first, ...rest] = args;
  if (first === undefined) return undefined;
  if (rest.every((arg) => arg === "")) return first === "" ? undefined : first;
  return args.map((arg) => quoteArg(arg, "posix")).join(" ");
}

/** Linux: reads /proc/<pid>/cmdline through `readText`. */
export class LinuxProcessInfo implements ProcessInfo {
  constructor(private readonly readText: ReadText) {}

  async commandLine(pid: number): Promise<string | undefined> {
    if (!isPid(pid)) return undefined;
    try {
      return joinProcCmdline(await this.readText(`/proc/${pid}/cmdline`));
    } catch {
      return undefined;
    }
  }
}

/** Runs a program and returns its trimmed output, or undefined on any failure or empty output. */
async function output(runner: CommandRunner, file: string, args: readonly string[], timeoutMs: number): Promise<string | undefined> {
  try {
    const result = await runner.run(file, args, { timeoutMs });
    if (result.code !== 0) return undefined;
    const text = result.stdout.trim();
    return text === "" ? undefined : text;
  } catch {
    return undefined;
  }
}

/** macOS (and other BSDs): `ps -ww -o command= -p PID`, full width, no header. */
export class MacosProcessInfo implements ProcessInfo {
  constructor(private readonly runner: CommandRunner) {}

  commandLine(pid: number): Promise<string | undefined> {
    if (!isPid(pid)) return Promise.resolve(undefined);
    return output(this.runner, "ps", ["-ww", "-o", "command=", "-p", String(pid)], 5_000);
  }
}

/**
 * Windows: Win32_Process.CommandLine through PowerShell, written as UTF-8 (the console code page would mangle
 * non-ASCII paths). The pid is checked to be an integer, so nothing but digits reaches the script. Processes of
 * other users have no CommandLine without an administrator: undefined.
 */
export class WindowsProcessInfo implements ProcessInfo {
  constructor(private readonly runner: CommandRunner) {}

  commandLine(pid: number): Promise<string | undefined> {
    if (!isPid(pid)) return Promise.resolve(undefined);
    const script = `[Console]::OutputEncoding = [Text.Encoding]::UTF8; (Get-CimInstance Win32_Process -Filter 'ProcessId=${pid}').CommandLine`;
    return output(this.runner, "powershell", ["-NoProfile", "-NonInteractive", "-Command", script], 15_000);
  }
}

/** The ProcessInfo for `platform`: /proc on Linux, PowerShell on Windows, ps on macOS and everything else. */
export function createProcessInfo(platform: NodeJS.Platform, runner: CommandRunner, readText: ReadText): ProcessInfo {
  switch (platform) {
    case "linux":
      return new LinuxProcessInfo(readText);
    case "win32":
      return new WindowsProcessInfo(runner);
    default:
      return new MacosProcessInfo(runner);
  }
}
