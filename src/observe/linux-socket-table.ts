import { endianness } from "node:os";
import type { CommandResult, CommandRunner } from "../io/command-runner.js";
import { errorCode } from "../io/file-system.js";
import { findSocketOwners, nodeProcLinks, type ProcLinks } from "./find-socket-owners.js";
import type { Listener, SnapshotOptions, SocketSnapshot, SocketTable } from "./listener.js";
import { parseProcNetTcp, TCP_LISTEN, UDP_UNCONNECTED, type ByteOrder, type ProcNetRow } from "./parse/parse-proc-net-tcp.js";
import { parsePasswd } from "./parse/parse-passwd.js";
import { parseSs } from "./parse/parse-ss.js";
import { uniqueListeners } from "./unique-listeners.js";

/** Reads a whole text file; the Linux table reads /proc and /etc/passwd only through this. */
export type ReadText = (path: string) => Promise<string>;

export interface LinuxSocketTableOptions {
  readText: ReadText;
  /** Runs `ss` when /proc/net cannot be read. */
  runner: CommandRunner;
  /** Defaults to node:fs on the real /proc. */
  links?: ProcLinks;
  /** Defaults to this machine's (os.endianness()). */
  byteOrder?: ByteOrder;
}

/**
 * The Linux socket table: /proc/net/{tcp,tcp6} (udp/udp6 for UDP), owners from the /proc/[pid]/fd links of the
 * listeners asked about, commands from /proc/[pid]/exe (or cmdline), users from the socket's uid and /etc/passwd.
 * When /proc/net cannot be read it asks `ss -l[t|u]npH` instead.
 */
export class LinuxSocketTable implements SocketTable {
  readonly wildcardBindSeesEveryListener = true;
  private readonly readText: ReadText;
  private readonly runner: CommandRunner;
  private readonly links: ProcLinks;
  private readonly byteOrder: ByteOrder;

  constructor(options: LinuxSocketTableOptions) {
    this.readText = options.readText;
    this.runner = options.runner;
    this.links = options.links ?? nodeProcLinks;
    this.byteOrder = options.byteOrder ?? endianness();
  }

  async snapshot(options: SnapshotOptions): Promise<SocketSnapshot> {
    const { protocol, ports } = options;
    let rows: ProcNetRow[];
    try {
      rows = await this.readProcNet(protocol, options.families ?? [4, 6]);
    } catch (error) {
      return this.snapshotFromSs(protocol, ports, error);
    }
    const listenState = protocol === "tcp" ? TCP_LISTEN : UDP_UNCONNECTED;
    const listening = rows.filter((row) => row.state === listenState);
    const wanted = ports === undefined ? undefined : new Set(ports);
    const targets = listening.filter((row) => wanted === undefined || wanted.has(row.port));

    const owners = findSocketOwners(new Set(targets.map((row) => row.inode)), this.links);
    const programs = await this.readPrograms(new Set(owners.values()));
    const userNames = targets.length > 0 ? await this.readUserNames() : new Map<number, string>();

    const targetSet = new Set(targets);
    const listeners = listening.map((row): Listener => {
      const base: Listener = { protocol, address: row.address, port: row.port, family: row.family };
      if (!targetSet.has(row)) return base;
      const pid = owners.get(row.inode);
      const command = pid === undefined ? undefined : programs.get(pid);
      return {
        ...base,
        ...(pid !== undefined && { pid }),
        ...(command !== undefined && { command }),
        user: userNames.get(row.uid) ?? String(row.uid),
      };
    });
    return {
      listeners: uniqueListeners(listeners),
      excluded: [],
      source: "proc",
      ownersComplete: targets.every((row) => owners.has(row.inode)),
    };
  }

  /**
   * The protocol's file of each family asked for (every read walks the kernel's whole connection table);
   * a missing tcp6/udp6 (IPv6 disabled in the kernel) counts as empty.
   */
  private async readProcNet(protocol: "tcp" | "udp", families: readonly (4 | 6)[]): Promise<ProcNetRow[]> {
    const [v4, v6] = await Promise.all([
      families.includes(4) ? this.readText(`/proc/net/${protocol}`) : "",
      families.includes(6)
        ? this.readText(`/proc/net/${protocol}6`).catch((error: unknown) => {
            if (errorCode(error) === "ENOENT") return "";
            throw error;
          })
        : "",
    ]);
    return [...parseProcNetTcp(v4, this.byteOrder), ...parseProcNetTcp(v6, this.byteOrder)];
  }

  /**
   * Each process's program, by its executable. Not /proc/[pid]/comm: that is the main thread's name, which
   * Node 24 sets to "MainThread" and Node 26 to "node-MainThread". A process whose program cannot be read is left out.
   */
  private async readPrograms(pids: ReadonlySet<number>): Promise<Map<number, string>> {
    const programs = new Map<number, string>();
    await Promise.all(
      [...pids].map(async (pid) => {
        const program = await this.readProgram(pid);
        if (program !== undefined) programs.set(pid, program);
      }),
    );
    return programs;
  }

  /** The name of /proc/[pid]/exe's target, else of the first word of /proc/[pid]/cmdline. */
  private async readProgram(pid: number): Promise<string | undefined> {
    try {
      // An executable deleted since it started (an upgrade) links to "/usr/bin/node (deleted)".
      const program = baseName(this.links.readLink(`/proc/${pid}/exe`).replace(/ \(deleted\)$/, ""));
      if (program !== "") return program;
    } catch {
      // Another user's process (EACCES without privileges) or gone; its cmdline is readable by anyone.
    }
    try {
      const program = baseName((await this.readText(`/proc/${pid}/cmdline`)).split("\0", 1)[0] ?? "");
      if (program !== "") return program;
    } catch {
      // The process exited after the scan: its program stays unknown.
    }
    return undefined;
  }

  private async readUserNames(): Promise<Map<number, string>> {
    try {
      return parsePasswd(await this.readText("/etc/passwd"));
    } catch {
      return new Map();
    }
  }

  private async snapshotFromSs(protocol: "tcp" | "udp", ports: readonly number[] | undefined, procError: unknown): Promise<SocketSnapshot> {
    const args = [protocol === "tcp" ? "-ltnpH" : "-lunpH"];
    let result: CommandResult;
    try {
      result = await this.runner.run("ss", args);
    } catch (error) {
      throw new Error(`cannot read the socket table: /proc/net/${protocol} (${describe(procError)}) and ss (${describe(error)}) both failed`, { cause: error });
    }
    if (result.code !== 0) {
      throw new Error(`cannot read the socket table: /proc/net/${protocol} (${describe(procError)}) failed and ss ${args.join(" ")} exited with ${String(result.code)}: ${result.stderr.trim()}`);
    }
    const listenState = protocol === "tcp" ? "LISTEN" : "UNCONN";
    const wanted = ports === undefined ? undefined : new Set(ports);
    const rows = parseSs(result.stdout)
      .filter((row) => row.state === listenState || row.state === "")
      .map((row) => ({ row, owner: [...row.owners].sort((a, b) => a.pid - b.pid)[0] }));
    // ss prints /proc/[pid]/comm, a thread name under Node 24+: its own name serves only when /proc has none.
    const programs = await this.readPrograms(new Set(rows.flatMap(({ row, owner }) => (owner === undefined || (wanted !== undefined && !wanted.has(row.port)) ? [] : [owner.pid]))));
    const listeners: Listener[] = [];
    let ownersComplete = true;
    for (const { row, owner } of rows) {
      if (owner === undefined && (wanted === undefined || wanted.has(row.port))) ownersComplete = false;
      listeners.push({
        protocol,
        address: row.address,
        port: row.port,
        family: row.family,
        ...(owner !== undefined && { pid: owner.pid, command: programs.get(owner.pid) ?? owner.command }),
      });
    }
    return { listeners: uniqueListeners(listeners), excluded: [], source: "ss", ownersComplete };
  }
}

/** The last part of a path ("/usr/local/bin/node" gives "node"). */
function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

function describe(error: unknown): string {
  return errorCode(error) ?? (error instanceof Error ? error.message : String(error));
}
