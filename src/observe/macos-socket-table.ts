import type { CommandRunner } from "../io/command-runner.js";
import type { Listener, SocketSnapshot, SocketTable } from "./listener.js";
import { parseLsofFields } from "./parse/parse-lsof-fields.js";
import { uniqueListeners } from "./unique-listeners.js";

export interface MacosSocketTableOptions {
  /** Without root lsof lists only the caller's processes, so owners are incomplete; defaults to "running as root". */
  privileged?: boolean;
}

/** lsof, for macOS and any other system without /proc. */
export class MacosSocketTable implements SocketTable {
  private readonly runner: CommandRunner;
  private readonly privileged: boolean;

  constructor(runner: CommandRunner, options: MacosSocketTableOptions = {}) {
    this.runner = runner;
    this.privileged = options.privileged ?? process.getuid?.() === 0;
  }

  async snapshot(options: { protocol: "tcp" | "udp"; ports?: readonly number[] }): Promise<SocketSnapshot> {
    const { protocol } = options;
    const select = protocol === "tcp" ? ["-iTCP", "-sTCP:LISTEN"] : ["-iUDP"];
    const args = ["-nP", ...select, "-F", "pcPtnL"];
    const result = await this.runner.run("lsof", args, { timeoutMs: 15_000 });
    // 1 is also lsof's answer when it found nothing, or could not read some process; its output still holds.
    if (result.code !== 0 && result.code !== 1) {
      throw new Error(`lsof ${args.join(" ")} failed (exit status ${String(result.code)}): ${result.stderr.trim()}`);
    }
    const listeners = parseLsofFields(result.stdout)
      .filter((row) => row.protocol === undefined || row.protocol === protocol)
      .map(
        (row): Listener => ({
          protocol,
          address: row.address,
          port: row.port,
          family: row.family,
          pid: row.pid,
          ...(row.command !== undefined && { command: row.command }),
          ...(row.user !== undefined && { user: row.user }),
        }),
      );
    return { listeners: uniqueListeners(listeners), excluded: [], source: "lsof", ownersComplete: this.privileged };
  }
}
