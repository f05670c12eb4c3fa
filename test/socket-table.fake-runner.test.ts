import { describe, expect, it } from "vitest";
import type { CommandResult, CommandRunner } from "../src/io/command-runner.js";
import { createSocketTable } from "../src/observe/create-socket-table.js";
import type { ProcLinks } from "../src/io/proc-links.js";
import { LinuxSocketTable, type ReadText } from "../src/observe/linux-socket-table.js";
import { MacosSocketTable } from "../src/observe/macos-socket-table.js";
import { WindowsSocketTable } from "../src/observe/windows-socket-table.js";
import { osOutput } from "./helpers/os-fixtures.js";

// lsof on macOS and netstat/tasklist/netsh on Windows cannot run here: a fake runner answers with real outputs.
const crlf = (text: string): string => text.replace(/\r?\n/g, "\r\n");

type Answer = CommandResult | Error;

/** Answers `file args...` from a table; anything else is a missing program (ENOENT). Records every call. */
class FakeRunner implements CommandRunner {
  readonly calls: string[] = [];
  private readonly answers: ReadonlyMap<string, Answer>;

  constructor(answers: Record<string, Answer>) {
    this.answers = new Map(Object.entries(answers));
  }

  run(file: string, args: readonly string[]): Promise<CommandResult> {
    const command = [file, ...args].join(" ");
    this.calls.push(command);
    const answer = this.answers.get(command);
    if (answer === undefined) return Promise.reject(Object.assign(new Error(`spawn ${file} ENOENT`), { code: "ENOENT" }));
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  }
}

const ok = (stdout: string): CommandResult => ({ code: 0, stdout, stderr: "" });

/** The real output cut to the rows one `netstat -p` protocol would print (headers kept). */
function netstatRows(text: string, protocol: "TCP" | "UDP", family: 4 | 6): string {
  return text
    .split("\n")
    .filter((line) => {
      const trimmed = line.trim();
      if (!trimmed.startsWith("TCP") && !trimmed.startsWith("UDP")) return true;
      return trimmed.startsWith(protocol) && (trimmed.split(/\s+/)[1] ?? "").startsWith("[") === (family === 6);
    })
    .join("\n");
}

const LSOF_TCP = "lsof -nP -iTCP -sTCP:LISTEN -F pcPtnL";
const LSOF_UDP = "lsof -nP -iUDP -F pcPtnL";

describe("MacosSocketTable (lsof -F)", () => {
  it("runs lsof with -nP and field output, and reports each listener with its family, pid, command and user", async () => {
    const runner = new FakeRunner({ [LSOF_TCP]: ok(osOutput("lsof-linux-F-pcPtnLu.txt")) });
    const snapshot = await new MacosSocketTable(runner, { privileged: true }).snapshot({ protocol: "tcp" });
    expect(runner.calls).toEqual([LSOF_TCP]);
    expect(snapshot).toEqual({
      listeners: [
        { protocol: "tcp", address: "::1", port: 18555, family: 6, pid: 12133, command: "python3", user: "root" },
        { protocol: "tcp", address: "0.0.0.0", port: 18556, family: 4, pid: 12135, command: "python3", user: "root" },
        { protocol: "tcp", address: "::", port: 18557, family: 6, pid: 12138, command: "python3", user: "root" },
      ],
      excluded: [],
      source: "lsof",
      ownersComplete: true,
    });
  });

  it("reports `*` without a t field as 0.0.0.0, family 4", async () => {
    const runner = new FakeRunner({ [LSOF_TCP]: ok(osOutput("lsof-linux-F-pcPn.txt")) });
    const snapshot = await new MacosSocketTable(runner, { privileged: true }).snapshot({ protocol: "tcp", ports: [18000] });
    expect(snapshot.listeners).toEqual([
      { protocol: "tcp", address: "127.0.0.1", port: 16379, family: 4, pid: 6392, command: "redis-server" },
      { protocol: "tcp", address: "0.0.0.0", port: 18000, family: 4, pid: 6393, command: "python3" },
      { protocol: "tcp", address: "::1", port: 18001, family: 6, pid: 6394, command: "python3" },
      { protocol: "tcp", address: "0.0.0.0", port: 18002, family: 4, pid: 7105, command: "python3" },
    ]);
  });

  it("treats lsof's exit status 1 with empty output as an empty table", async () => {
    const runner = new FakeRunner({ [LSOF_TCP]: { code: 1, stdout: osOutput("lsof-linux-F-nothing-listening.txt"), stderr: "" } });
    expect(await new MacosSocketTable(runner, { privileged: true }).snapshot({ protocol: "tcp" })).toEqual({
      listeners: [],
      excluded: [],
      source: "lsof",
      ownersComplete: true,
    });
  });

  it("keeps the rows lsof printed when it also exits 1 (some process could not be read)", async () => {
    const runner = new FakeRunner({ [LSOF_TCP]: { code: 1, stdout: osOutput("lsof-linux-F-pcPtn.txt"), stderr: "lsof: WARNING: can't stat() ..." } });
    const snapshot = await new MacosSocketTable(runner, { privileged: false }).snapshot({ protocol: "tcp" });
    expect(snapshot.listeners.map((listener) => listener.port)).toEqual([18555, 18556, 18557]);
    // Without root lsof sees only the caller's processes: other users' listeners may be missing.
    expect(snapshot.ownersComplete).toBe(false);
  });

  it("reads UDP with -iUDP and leaves out the connected socket", async () => {
    const runner = new FakeRunner({ [LSOF_UDP]: ok(osOutput("lsof-linux-F-pcPtn-udp.txt")) });
    const snapshot = await new MacosSocketTable(runner, { privileged: true }).snapshot({ protocol: "udp" });
    expect(snapshot.listeners).toEqual([
      { protocol: "udp", address: "127.0.0.1", port: 18558, family: 4, pid: 12414, command: "python3" },
      { protocol: "udp", address: "::", port: 18559, family: 6, pid: 12414, command: "python3" },
      { protocol: "udp", address: "::1", port: 18560, family: 6, pid: 12414, command: "python3" },
    ]);
  });

  it("fails on any other exit status, and when lsof is missing", async () => {
    const broken = new FakeRunner({ [LSOF_TCP]: { code: null, stdout: "", stderr: "" } });
    await expect(new MacosSocketTable(broken).snapshot({ protocol: "tcp" })).rejects.toThrow("lsof -nP -iTCP -sTCP:LISTEN -F pcPtnL failed (exit status null)");
    await expect(new MacosSocketTable(new FakeRunner({})).snapshot({ protocol: "tcp" })).rejects.toThrow("ENOENT");
  });
});

describe("WindowsSocketTable (netstat, tasklist, netsh)", () => {
  const netstat = osOutput("netstat-windows-ano-tcp-udp-excerpt.txt");
  const windowsAnswers = (overrides: Record<string, Answer> = {}): Record<string, Answer> => ({
    "netstat -ano -p tcp": ok(crlf(netstatRows(netstat, "TCP", 4))),
    "netstat -ano -p tcpv6": ok(crlf(netstatRows(netstat, "TCP", 6))),
    "netstat -ano -p udp": ok(crlf(netstatRows(netstat, "UDP", 4))),
    "netstat -ano -p udpv6": ok(crlf(netstatRows(netstat, "UDP", 6))),
    "tasklist /fo csv /nh": ok(crlf(osOutput("tasklist-csv-pl-excerpt.txt"))),
    "netsh interface ipv4 show excludedportrange protocol=tcp": ok(crlf(osOutput("netsh-excludedportrange-tcp-administered.txt"))),
    "netsh interface ipv6 show excludedportrange protocol=tcp": ok(crlf(osOutput("netsh-excludedportrange-tcp-es.txt"))),
    ...overrides,
  });

  it("reports TCP listeners of both families with pids, names from tasklist, and the excluded ranges", async () => {
    const runner = new FakeRunner(windowsAnswers());
    const snapshot = await new WindowsSocketTable(runner).snapshot({ protocol: "tcp" });
    expect([...runner.calls].sort()).toEqual(
      [
        "netsh interface ipv4 show excludedportrange protocol=tcp",
        "netsh interface ipv6 show excludedportrange protocol=tcp",
        "netstat -ano -p tcp",
        "netstat -ano -p tcpv6",
        "tasklist /fo csv /nh",
      ].sort(),
    );
    expect(snapshot.source).toBe("netstat");
    expect(snapshot.ownersComplete).toBe(true);
    // PID 4 is System; the other PIDs had exited by the time this tasklist was taken: no command, pid kept.
    expect(snapshot.listeners).toEqual([
      { protocol: "tcp", address: "0.0.0.0", port: 135, family: 4, pid: 1192 },
      { protocol: "tcp", address: "0.0.0.0", port: 445, family: 4, pid: 4, command: "System" },
      { protocol: "tcp", address: "127.0.0.1", port: 57808, family: 4, pid: 4136 },
      { protocol: "tcp", address: "192.168.100.14", port: 139, family: 4, pid: 4, command: "System" },
      { protocol: "tcp", address: "::", port: 135, family: 6, pid: 1192 },
      { protocol: "tcp", address: "::", port: 445, family: 6, pid: 4, command: "System" },
      { protocol: "tcp", address: "::1", port: 1420, family: 6, pid: 11524 },
    ]);
    expect(snapshot.excluded).toEqual([
      { from: 20, to: 22 },
      { from: 80, to: 80 },
      { from: 443, to: 443 },
      { from: 1898, to: 1997 },
      { from: 1998, to: 2097 },
      { from: 2180, to: 2279 },
      { from: 2764, to: 2863 },
      { from: 2864, to: 2963 },
      { from: 2964, to: 3063 },
      { from: 3306, to: 3306 },
      { from: 5432, to: 5432 },
      { from: 5986, to: 5986 },
      { from: 8000, to: 8000 },
      { from: 8080, to: 8080 },
      { from: 8888, to: 8888 },
      { from: 40000, to: 40010 },
      { from: 47001, to: 47001 },
      { from: 50000, to: 50059 },
      { from: 55679, to: 55679 },
    ]);
  });

  it("reports UDP sockets once per owner, with zones kept", async () => {
    const runner = new FakeRunner(windowsAnswers());
    const snapshot = await new WindowsSocketTable(runner).snapshot({ protocol: "udp" });
    expect(runner.calls).toContain("netstat -ano -p udpv6");
    expect(runner.calls).toContain("netsh interface ipv4 show excludedportrange protocol=udp");
    expect(snapshot.listeners).toEqual([
      { protocol: "udp", address: "0.0.0.0", port: 5353, family: 4, pid: 3604 },
      { protocol: "udp", address: "0.0.0.0", port: 5353, family: 4, pid: 2896 },
      { protocol: "udp", address: "127.0.0.1", port: 1900, family: 4, pid: 3920 },
      { protocol: "udp", address: "192.168.100.14", port: 137, family: 4, pid: 4, command: "System" },
      { protocol: "udp", address: "::", port: 5353, family: 6, pid: 3604 },
      { protocol: "udp", address: "::1", port: 1900, family: 6, pid: 3920 },
      { protocol: "udp", address: "fe80::2eab:cf7c:88:b019%17", port: 1900, family: 6, pid: 3920 },
    ]);
    // No netsh answer for protocol=udp here: the ranges are missing, the snapshot is not.
    expect(snapshot.excluded).toEqual([]);
  });

  it("finds listeners on a German Windows, where the state reads ABHÖREN", async () => {
    const runner = new FakeRunner(
      windowsAnswers({
        "netstat -ano -p tcp": ok(crlf(osOutput("netstat-windows-anbo-de-select-string.txt"))),
        "netstat -ano -p tcpv6": ok(""),
      }),
    );
    const snapshot = await new WindowsSocketTable(runner).snapshot({ protocol: "tcp" });
    expect(snapshot.listeners).toEqual([
      { protocol: "tcp", address: "0.0.0.0", port: 12345, family: 4, pid: 7508 },
      { protocol: "tcp", address: "192.168.0.2", port: 139, family: 4, pid: 4, command: "System" },
    ]);
  });

  it("reads the shared netstat fixtures: listeners only, each once", async () => {
    const text = osOutput("netstat-windows-ano-findstr-3000.txt");
    const runner = new FakeRunner(
      windowsAnswers({ "netstat -ano -p tcp": ok(netstatRows(text, "TCP", 4)), "netstat -ano -p tcpv6": ok(netstatRows(text, "TCP", 6)), "tasklist /fo csv /nh": ok("") }),
    );
    const snapshot = await new WindowsSocketTable(runner).snapshot({ protocol: "tcp" });
    expect(snapshot.listeners).toEqual([
      { protocol: "tcp", address: "0.0.0.0", port: 3000, family: 4, pid: 36080 },
      { protocol: "tcp", address: "0.0.0.0", port: 3000, family: 4, pid: 5252 },
      { protocol: "tcp", address: "::", port: 3000, family: 6, pid: 36080 },
    ]);
  });

  it("keeps the pids when tasklist and netsh fail", async () => {
    const failed: CommandResult = { code: 1, stdout: "", stderr: "ERROR" };
    const runner = new FakeRunner(
      windowsAnswers({
        "tasklist /fo csv /nh": failed,
        "netsh interface ipv4 show excludedportrange protocol=tcp": failed,
        "netsh interface ipv6 show excludedportrange protocol=tcp": Object.assign(new Error("spawn netsh ENOENT"), { code: "ENOENT" }),
      }),
    );
    const snapshot = await new WindowsSocketTable(runner).snapshot({ protocol: "tcp" });
    expect(snapshot.listeners).toHaveLength(7);
    expect(snapshot.listeners.every((listener) => listener.pid !== undefined && listener.command === undefined)).toBe(true);
    expect(snapshot.excluded).toEqual([]);
  });

  it("fails when netstat fails", async () => {
    const runner = new FakeRunner(windowsAnswers({ "netstat -ano -p tcpv6": { code: 1, stdout: "", stderr: "The requested protocol is not supported." } }));
    await expect(new WindowsSocketTable(runner).snapshot({ protocol: "tcp" })).rejects.toThrow("netstat -ano -p tcpv6 failed (exit status 1)");
  });
});

describe("LinuxSocketTable: a holder's program is its executable, not its main thread's name (fake /proc)", () => {
  // A Node 26 server on 127.0.0.1:43819 as /proc/net/tcp and `ss -ltnpH` showed it here; both name it by its comm.
  const pid = 11045;
  const header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
  const procNetTcp = `${header}   0: 0100007F:AB2B 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 319655 1 00000000a46cb5c0 100 0 0 10 0\n`;
  const ss = 'LISTEN 0      511    127.0.0.1:43819 0.0.0.0:* users:(("node-MainThread",pid=11045,fd=22))\n';
  const held = { protocol: "tcp", address: "127.0.0.1", port: 43819, family: 4, pid } as const;

  /** null: refused (EACCES, as another user's process is to a user without privileges); absent: ENOENT. */
  type Entries<T> = Record<string, T | null>;
  const errno = (code: string, path: string): Error => Object.assign(new Error(`${code}: ${path}`), { code });
  function lookUp<T>(entries: Entries<T>, path: string): T {
    const entry = entries[path];
    if (entry === undefined) throw errno("ENOENT", path);
    if (entry === null) throw errno("EACCES", path);
    return entry;
  }

  /** The holder's /proc: comm "MainThread" as Node 24 leaves it, plus whatever exe and cmdline say. */
  function fakeProc(own: { exe?: string | null; cmdline?: string | null }, procNet = true): { readText: ReadText; links: ProcLinks } {
    const files: Entries<string> = {
      "/proc/net/tcp": procNet ? procNetTcp : null,
      "/proc/net/tcp6": procNet ? header : null,
      [`/proc/${pid}/comm`]: "MainThread\n",
      "/etc/passwd": "root:x:0:0:root:/root:/bin/bash\n",
      ...(own.cmdline !== undefined && { [`/proc/${pid}/cmdline`]: own.cmdline }),
    };
    const dirs: Entries<string[]> = { "/proc": ["1", String(pid), "self"], "/proc/1/fd": null, [`/proc/${pid}/fd`]: ["0", "22"] };
    const links: Entries<string> = {
      [`/proc/${pid}/fd/0`]: "/dev/null",
      [`/proc/${pid}/fd/22`]: "socket:[319655]",
      ...(own.exe !== undefined && { [`/proc/${pid}/exe`]: own.exe }),
    };
    return {
      readText: (path) => {
        try {
          return Promise.resolve(lookUp(files, path));
        } catch (error) {
          return Promise.reject(error as Error);
        }
      },
      links: { readDir: (path) => lookUp(dirs, path), readLink: (path) => lookUp(links, path) },
    };
  }

  const fromProc = (own: Parameters<typeof fakeProc>[0]): LinuxSocketTable =>
    new LinuxSocketTable({ ...fakeProc(own), runner: new FakeRunner({}), byteOrder: "LE" });
  const fromSs = (own: Parameters<typeof fakeProc>[0]): { table: LinuxSocketTable; runner: FakeRunner } => {
    const runner = new FakeRunner({ "ss -ltnpH": ok(ss) });
    return { table: new LinuxSocketTable({ ...fakeProc(own, false), runner, byteOrder: "LE" }), runner };
  };
  const nvmCmdline = "/home/me/.nvm/versions/node/v24.22.3/bin/node\0server.js\0";

  it("names the program by /proc/PID/exe, not comm (nor a process.title in cmdline)", async () => {
    const snapshot = await fromProc({ exe: "/usr/local/bin/node", cmdline: "next-server (v15.1.0)\0" }).snapshot({ protocol: "tcp", ports: [43819] });
    expect(snapshot.listeners).toEqual([{ ...held, command: "node", user: "root" }]);
  });

  it('drops the " (deleted)" of an executable replaced since it started', async () => {
    const snapshot = await fromProc({ exe: "/usr/bin/node (deleted)" }).snapshot({ protocol: "tcp", ports: [43819] });
    expect(snapshot.listeners).toEqual([{ ...held, command: "node", user: "root" }]);
  });

  for (const exe of [null, undefined]) {
    it(`takes the first word of /proc/PID/cmdline when exe gives ${exe === null ? "EACCES" : "ENOENT"}`, async () => {
      const snapshot = await fromProc({ exe, cmdline: nvmCmdline }).snapshot({ protocol: "tcp", ports: [43819] });
      expect(snapshot.listeners).toEqual([{ ...held, command: "node", user: "root" }]);
      const bare = await fromProc({ exe, cmdline: "node\0server.js\0" }).snapshot({ protocol: "tcp", ports: [43819] });
      expect(bare.listeners).toEqual([{ ...held, command: "node", user: "root" }]);
    });
  }

  it("leaves the program unknown, never the thread name, when neither exe nor cmdline can be read", async () => {
    for (const own of [{ exe: null, cmdline: null }, {}, { exe: null, cmdline: "" }]) {
      const snapshot = await fromProc(own).snapshot({ protocol: "tcp", ports: [43819] });
      expect(snapshot.listeners).toEqual([{ ...held, user: "root" }]);
    }
  });

  it("in ss's rows too: node-MainThread is named by /proc/PID/exe", async () => {
    const { table, runner } = fromSs({ exe: "/root/.cache/sparkport-ci/node-26.12.1/bin/node" });
    const snapshot = await table.snapshot({ protocol: "tcp", ports: [43819] });
    expect(runner.calls).toEqual(["ss -ltnpH"]);
    expect(snapshot).toEqual({ listeners: [{ ...held, command: "node" }], excluded: [], source: "ss", ownersComplete: true });
  });

  it("in ss's rows, takes cmdline's first word when exe is refused, and ss's name only when neither can be read", async () => {
    const byCmdline = await fromSs({ exe: null, cmdline: nvmCmdline }).table.snapshot({ protocol: "tcp", ports: [43819] });
    expect(byCmdline.listeners).toEqual([{ ...held, command: "node" }]);
    const bySs = await fromSs({ exe: null, cmdline: null }).table.snapshot({ protocol: "tcp", ports: [43819] });
    expect(bySs.listeners).toEqual([{ ...held, command: "node-MainThread" }]);
  });
});

describe("createSocketTable", () => {
  const runner = new FakeRunner({});
  const readText = (): Promise<string> => Promise.resolve("");

  it("picks /proc on Linux, netstat on Windows, lsof on macOS and the rest", () => {
    expect(createSocketTable("linux", runner, readText)).toBeInstanceOf(LinuxSocketTable);
    expect(createSocketTable("win32", runner, readText)).toBeInstanceOf(WindowsSocketTable);
    expect(createSocketTable("darwin", runner, readText)).toBeInstanceOf(MacosSocketTable);
    expect(createSocketTable("freebsd", runner, readText)).toBeInstanceOf(MacosSocketTable);
  });
});
