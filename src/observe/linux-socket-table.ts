import { endianness } from "node:os";
import type { CommandResult, CommandRunner } from "../io/command-runner.js";
import { errorCode } from "../io/file-system.js";
import { nodeProcLinks, type ProcLinks } from "../io/proc-links.js";
import { findSocketOwners } from "./find-socket-owners.js";
import type { Listener, SnapshotOptions, SocketSnapshot, SocketTable } from "./listener.js";
import { parseProcNetTcp, TCP_LISTEN, UDP_UNCONNECTED, type ByteOrder, type ProcNetRow } from "./parse/parse-proc-net-tcp.js";
import { parsePasswd } from "./parse/parse-passwd.js";
import { parseSs } from "./parse/parse-ss.js";
import { uniqueListeners } from "./unique-listeners.js";

export type ReadText = (path: string) => Promise<string>;

export interface LinuxSocketTableOptions {
  readText: ReadText;
  runner: CommandRunner;
  links?: ProcLinks;
  byteOrder?: ByteOrder;
}

/** /proc/net for the sockets, /proc/[pid]/fd links for owners, /etc/passwd for users; `ss` when /proc/net cannot be read. */
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

  /** Each read walks the kernel's whole connection table, so only the families asked for; no tcp6 (IPv6 off) is empty. */
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

  /** By executable, not /proc/[pid]/comm: that is the main thread's name, which Node 24+ sets to "MainThread". */
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

  private async readProgram(pid: number): Promise<string | undefined> {
    let executable: string | undefined;
    try {
      // An executable deleted since it started (an upgrade) links to "/usr/bin/node (deleted)".
      executable = this.links.readLink(`/proc/${pid}/exe`).replace(/ \(deleted\)$/, "");
    } catch {
      // Another user's process (EACCES without privileges) or gone; its cmdline is readable by anyone.
    }
    let called = "";
    try {
      // A program that rewrites its title (redis-server) leaves one string: "/usr/bin/redis-server *:6379".
      called = ((await this.readText(`/proc/${pid}/cmdline`)).split("\0", 1)[0] ?? "").split(" ", 1)[0] ?? "";
    } catch {
      // The process exited after the scan: its program stays unknown.
    }
    if (executable === undefined || baseName(executable) === "") return baseName(called) === "" ? undefined : baseName(called);
    return this.multiCallName(executable, called) ?? baseName(executable);
  }

  /**
   * A multi-call binary is named as it was called: redis-server links to redis-check-rdb, nc to busybox. A
   * versioned link (python3 → python3.11) keeps the executable's name, which says more.
   */
  private multiCallName(executable: string, called: string): string | undefined {
    const name = baseName(called);
    const own = baseName(executable);
    if (name === "" || name === own || own.startsWith(name) || this.links.realPath === undefined) return undefined;
    try {
      const beside = `${executable.slice(0, executable.length - own.length)}${name}`;
      return this.links.realPath(beside) === executable ? name : undefined;
    } catch {
      return undefined;
    }
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

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

function describe(error: unknown): string {
  return errorCode(error) ?? (error instanceof Error ? error.message : String(error));
}
