import type { CommandRunner } from "../io/command-runner.js";
import type { ExcludedRange, Listener, SocketSnapshot, SocketTable } from "./listener.js";
import { parseExcludedRanges } from "./parse/parse-excluded-ranges.js";
import { parseNetstatWindows } from "./parse/parse-netstat-windows.js";
import { parseTasklist } from "./parse/parse-tasklist.js";
import { uniqueListeners } from "./unique-listeners.js";

const TIMEOUT_MS = 15_000;

// netstat -o gives every row's PID without administrator rights, so owners are complete; tasklist or netsh failing costs
// the names or the ranges, not the snapshot.
export class WindowsSocketTable implements SocketTable {
  private readonly runner: CommandRunner;

  constructor(runner: CommandRunner) {
    this.runner = runner;
  }

  async snapshot(options: { protocol: "tcp" | "udp"; ports?: readonly number[] }): Promise<SocketSnapshot> {
    const { protocol } = options;
    const [v4, v6, tasks, excluded4, excluded6] = await Promise.all([
      this.netstat(protocol),
      this.netstat(protocol === "tcp" ? "tcpv6" : "udpv6"),
      this.optional("tasklist", ["/fo", "csv", "/nh"]),
      this.optional("netsh", ["interface", "ipv4", "show", "excludedportrange", `protocol=${protocol}`]),
      this.optional("netsh", ["interface", "ipv6", "show", "excludedportrange", `protocol=${protocol}`]),
    ]);
    const images = parseTasklist(tasks ?? "");
    const listeners = parseNetstatWindows(`${v4}\n${v6}`)
      .filter((row) => row.listening && row.protocol === protocol)
      .map((row): Listener => {
        const command = images.get(row.pid);
        return { protocol, address: row.address, port: row.port, family: row.family, pid: row.pid, ...(command !== undefined && { command }) };
      });
    return {
      listeners: uniqueListeners(listeners),
      excluded: mergeRanges([...parseExcludedRanges(excluded4 ?? ""), ...parseExcludedRanges(excluded6 ?? "")]),
      source: "netstat",
      ownersComplete: true,
    };
  }

  private async netstat(protocol: string): Promise<string> {
    const args = ["-ano", "-p", protocol];
    const result = await this.runner.run("netstat", args, { timeoutMs: TIMEOUT_MS });
    if (result.code !== 0) throw new Error(`netstat ${args.join(" ")} failed (exit status ${String(result.code)}): ${result.stderr.trim()}`);
    return result.stdout;
  }

  private async optional(file: string, args: readonly string[]): Promise<string | undefined> {
    try {
      const result = await this.runner.run(file, args, { timeoutMs: TIMEOUT_MS });
      return result.code === 0 ? result.stdout : undefined;
    } catch {
      return undefined;
    }
  }
}

/** The IPv4 and IPv6 lists repeat most ranges: one copy of each, in port order. */
function mergeRanges(ranges: readonly ExcludedRange[]): ExcludedRange[] {
  const unique = new Map(ranges.map((range) => [`${range.from}-${range.to}`, range]));
  return [...unique.values()].sort((a, b) => a.from - b.from || a.to - b.to);
}
