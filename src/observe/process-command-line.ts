import type { CommandRunner } from "../io/command-runner.js";
import type { ReadText } from "./linux-socket-table.js";
import { quoteArg } from "../command-line/quote-command-line.js";

export interface ProcessInfo {
  /** Undefined when the process is gone, not visible, or has none; never throws. */
  commandLine(pid: number): Promise<string | undefined>;
}

const isPid = (pid: number): boolean => Number.isSafeInteger(pid) && pid > 0;

// Arguments are quoted for sh, so splitCommandLine gives them back. A retitled process (`redis-server 127.0.0.1:6379`)
// leaves one NUL-padded title, returned as ps shows it.
export function joinProcCmdline(raw: string): string | undefined {
  const args = raw.split("\0");
  if (args[args.length - 1] === "") args.pop();
  const [first, ...rest] = args;
  if (first === undefined) return undefined;
  if (rest.every((arg) => arg === "")) return first === "" ? undefined : first;
  return args.map((arg) => quoteArg(arg, "posix")).join(" ");
}

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

export class MacosProcessInfo implements ProcessInfo {
  constructor(private readonly runner: CommandRunner) {}

  commandLine(pid: number): Promise<string | undefined> {
    if (!isPid(pid)) return Promise.resolve(undefined);
    return output(this.runner, "ps", ["-ww", "-o", "command=", "-p", String(pid)], 5_000);
  }
}

// UTF-8 output: the console code page would mangle non-ASCII paths. isPid keeps anything but digits out of the script;
// other users' processes have no CommandLine without an administrator.
export class WindowsProcessInfo implements ProcessInfo {
  constructor(private readonly runner: CommandRunner) {}

  commandLine(pid: number): Promise<string | undefined> {
    if (!isPid(pid)) return Promise.resolve(undefined);
    const script = `[Console]::OutputEncoding = [Text.Encoding]::UTF8; (Get-CimInstance Win32_Process -Filter 'ProcessId=${pid}').CommandLine`;
    return output(this.runner, "powershell", ["-NoProfile", "-NonInteractive", "-Command", script], 15_000);
  }
}

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
