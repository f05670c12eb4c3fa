import { spawn, type ChildProcess } from "node:child_process";
import dgram from "node:dgram";
import net from "node:net";
import { userInfo } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { nodeCommandRunner, type CommandRunner } from "../src/io/command-runner.js";
import { readTextSync } from "../src/io/read-text-sync.js";
import { nodeProcLinks, type ProcLinks } from "../src/io/proc-links.js";
import { LinuxSocketTable, type ReadText } from "../src/observe/linux-socket-table.js";
import type { Listener } from "../src/observe/listener.js";
import { listenersOnPort } from "../src/observe/listeners-on-port.js";
import { pythonProgram, startNodeServer } from "./helpers/listeners.js";

// Real sockets on this machine's loopback, read back through the real /proc (and the real ss).
const onLinux = process.platform === "linux";
if (!onLinux) console.log(`skipping the Linux socket-table tests: they read /proc and run ss, and this is ${process.platform}`);
const linuxIt = it.skipIf(!onLinux);

// The reader the CLI gives the table.
const readText: ReadText = async (path) => readTextSync(path);
const user = userInfo().username;
// The program of a Node process: its executable's name (process.execPath is /proc/self/exe's target on Linux).
const nodeProgram = path.basename(process.execPath);

const servers: net.Server[] = [];
const udpSockets: dgram.Socket[] = [];
const children: ChildProcess[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  await Promise.all(udpSockets.splice(0).map((socket) => new Promise<void>((resolve) => socket.close(() => resolve()))));
  await Promise.all(children.splice(0).map((child) => stopChild(child)));
});

function errnoError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: simulated, ${path}`), { code });
}

function portOf(address: ReturnType<net.Server["address"]>): number {
  if (address === null || typeof address === "string") throw new Error(`not a TCP address: ${String(address)}`);
  return address.port;
}

/** A node:net server in this process, on a free port unless `port` is given. */
async function listenTcp(host: string, options: { ipv6Only?: boolean; port?: number } = {}): Promise<number> {
  const server = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host, port: options.port ?? 0, ipv6Only: options.ipv6Only ?? false }, () => resolve());
  });
  servers.push(server);
  return portOf(server.address());
}

async function bindUdp(type: "udp4" | "udp6", address: string): Promise<number> {
  const socket = dgram.createSocket({ type, ipv6Only: type === "udp6" });
  await new Promise<void>((resolve, reject) => {
    socket.once("error", reject);
    socket.bind({ address, port: 0 }, () => resolve());
  });
  udpSockets.push(socket);
  return socket.address().port;
}

/** A port that was free a moment ago on `host`: the child binds it next. */
async function freePort(host: string): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host, port: 0 }, () => resolve());
  });
  const port = portOf(server.address());
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** `python3 -m http.server PORT --bind ADDR` in a child process, once it accepts connections. */
async function startPython(bind: string): Promise<{ pid: number; port: number }> {
  const port = await freePort(bind);
  const child = spawn("python3", ["-m", "http.server", String(port), "--bind", bind], { stdio: "ignore" });
  children.push(child);
  const pid = child.pid;
  if (pid === undefined) throw new Error("python3 did not start");
  const connectHost = bind === "0.0.0.0" ? "127.0.0.1" : bind === "::" ? "::1" : bind;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`python3 exited with ${child.exitCode} before listening on ${bind}:${port}`);
    const connected = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: connectHost, port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (connected) return { pid, port };
    if (Date.now() > deadline) throw new Error(`python3 never listened on ${bind}:${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  await exited;
}

/** A child Node server on 127.0.0.1 (see startNodeServer) and the main thread's name the kernel reports for it. */
async function startNode(title?: string): Promise<{ pid: number; port: number; comm: string }> {
  const port = await freePort("127.0.0.1");
  const child = await startNodeServer("127.0.0.1", port, title);
  children.push(child);
  if (child.pid === undefined) throw new Error("node did not start");
  return { pid: child.pid, port, comm: readTextSync(`/proc/${child.pid}/comm`).trim() };
}

// Node 24 names its main thread "MainThread" and Node 26 "node-MainThread" (older ones leave "node"); a child
// that sets process.title renames it on any Node, so the second case tests the same on every version.
const nodeChildren = [
  ["a Node child as this Node names it", undefined],
  ["a Node child whose main thread is renamed MainThread", "MainThread"],
] as const;

function table(overrides: { readText?: ReadText; runner?: CommandRunner; links?: ProcLinks } = {}): LinuxSocketTable {
  return new LinuxSocketTable({ readText: overrides.readText ?? readText, runner: overrides.runner ?? nodeCommandRunner, ...(overrides.links !== undefined && { links: overrides.links }) });
}

const own = (address: string, port: number, family: 4 | 6, protocol: "tcp" | "udp" = "tcp"): Listener => ({
  protocol,
  address,
  port,
  family,
  pid: process.pid,
  command: nodeProgram,
  user,
});

describe("LinuxSocketTable on real sockets (/proc)", () => {
  linuxIt("reads only the families asked for", async () => {
    const v4 = await listenTcp("127.0.0.1");
    const v6 = await listenTcp("::1", { ipv6Only: true });
    const ports = [v4, v6];
    const only4 = await table().snapshot({ protocol: "tcp", ports, families: [4] });
    const only6 = await table().snapshot({ protocol: "tcp", ports, families: [6] });
    expect([listenersOnPort(only4.listeners, v4).length, listenersOnPort(only4.listeners, v6).length]).toEqual([1, 0]);
    expect([listenersOnPort(only6.listeners, v4).length, listenersOnPort(only6.listeners, v6).length]).toEqual([0, 1]);
  });

  linuxIt("reads a /proc/net/tcp that takes many reads (300 listeners, about 45 KB) to its end", async () => {
    const ports = await Promise.all(Array.from({ length: 300 }, () => listenTcp("127.0.0.1")));
    const text = readTextSync("/proc/net/tcp");
    expect(text.length).toBeGreaterThan(300 * 150);
    const snapshot = await table().snapshot({ protocol: "tcp" });
    for (const port of ports) expect(listenersOnPort(snapshot.listeners, port)).toHaveLength(1);
  });

  linuxIt("reports this process's listeners on 127.0.0.1, ::1, 0.0.0.0, :: (IPv6 only) and :: (dual-stack)", async () => {
    const loopback4 = await listenTcp("127.0.0.1");
    const loopback6 = await listenTcp("::1");
    const any4 = await listenTcp("0.0.0.0");
    const any6Only = await listenTcp("::", { ipv6Only: true });
    const dualStack = await listenTcp("::", { ipv6Only: false });

    const snapshot = await table().snapshot({ protocol: "tcp", ports: [loopback4, loopback6, any4, any6Only, dualStack] });

    expect(snapshot.source).toBe("proc");
    expect(snapshot.ownersComplete).toBe(true);
    expect(snapshot.excluded).toEqual([]);
    expect(listenersOnPort(snapshot.listeners, loopback4)).toEqual([own("127.0.0.1", loopback4, 4)]);
    expect(listenersOnPort(snapshot.listeners, loopback6)).toEqual([own("::1", loopback6, 6)]);
    expect(listenersOnPort(snapshot.listeners, any4)).toEqual([own("0.0.0.0", any4, 4)]);
    expect(listenersOnPort(snapshot.listeners, any6Only)).toEqual([own("::", any6Only, 6)]);
    // /proc cannot tell IPV6_V6ONLY: a dual-stack socket is one tcp6 row, "::" family 6.
    expect(listenersOnPort(snapshot.listeners, dualStack)).toEqual([own("::", dualStack, 6)]);
  });

  linuxIt("reports both sockets when 0.0.0.0 and an IPv6-only :: share a port", async () => {
    const port = await listenTcp("::", { ipv6Only: true });
    await listenTcp("0.0.0.0", { port });
    const snapshot = await table().snapshot({ protocol: "tcp", ports: [port] });
    expect(listenersOnPort(snapshot.listeners, port)).toEqual([own("0.0.0.0", port, 4), own("::", port, 6)]);
  });

  for (const [bind, address, family] of [
    ["0.0.0.0", "0.0.0.0", 4],
    ["127.0.0.1", "127.0.0.1", 4],
    ["::1", "::1", 6],
    ["::", "::", 6],
  ] as const) {
    linuxIt(`reports a python3 child listening on ${bind} with its pid and command`, async () => {
      const child = await startPython(bind);
      const snapshot = await table().snapshot({ protocol: "tcp", ports: [child.port] });
      expect(snapshot.ownersComplete).toBe(true);
      expect(listenersOnPort(snapshot.listeners, child.port)).toEqual([
        { protocol: "tcp", address, port: child.port, family, pid: child.pid, command: pythonProgram(), user },
      ]);
    });
  }

  for (const [name, title] of nodeChildren) {
    linuxIt(`names ${name} by its executable, not its thread name`, async () => {
      const child = await startNode(title);
      if (title !== undefined) expect(child.comm).toBe(title);
      const snapshot = await table().snapshot({ protocol: "tcp", ports: [child.port] });
      expect(listenersOnPort(snapshot.listeners, child.port)).toEqual([
        { protocol: "tcp", address: "127.0.0.1", port: child.port, family: 4, pid: child.pid, command: nodeProgram, user },
      ]);
    });
  }

  linuxIt("reports UDP sockets from /proc/net/udp and udp6", async () => {
    const v4 = await bindUdp("udp4", "127.0.0.1");
    const v6 = await bindUdp("udp6", "::1");
    const snapshot = await table().snapshot({ protocol: "udp", ports: [v4, v6] });
    expect(snapshot.ownersComplete).toBe(true);
    expect(listenersOnPort(snapshot.listeners, v4)).toEqual([own("127.0.0.1", v4, 4, "udp")]);
    expect(listenersOnPort(snapshot.listeners, v6)).toEqual([own("::1", v6, 6, "udp")]);
    const tcp = await table().snapshot({ protocol: "tcp", ports: [v4, v6] });
    expect([...listenersOnPort(tcp.listeners, v4), ...listenersOnPort(tcp.listeners, v6)]).toEqual([]);
  });

  linuxIt("looks up owners only for the ports asked about", async () => {
    const asked = await listenTcp("127.0.0.1");
    const other = await listenTcp("127.0.0.1");
    const snapshot = await table().snapshot({ protocol: "tcp", ports: [asked] });
    expect(listenersOnPort(snapshot.listeners, asked)).toEqual([own("127.0.0.1", asked, 4)]);
    expect(listenersOnPort(snapshot.listeners, other)).toEqual([{ protocol: "tcp", address: "127.0.0.1", port: other, family: 4 }]);

    const everything = await table().snapshot({ protocol: "tcp" });
    expect(listenersOnPort(everything.listeners, other)).toEqual([own("127.0.0.1", other, 4)]);
  });

  for (const code of ["EACCES", "ENOENT"]) {
    linuxIt(`leaves the owner unknown when a process's fd directory gives ${code}`, async () => {
      const port = await listenTcp("127.0.0.1");
      const ownFds = `/proc/${process.pid}/fd`;
      const links: ProcLinks = {
        readDir: (path) => {
          if (path === ownFds) throw errnoError(code, path);
          return nodeProcLinks.readDir(path);
        },
        readLink: (path) => nodeProcLinks.readLink(path),
      };
      const snapshot = await table({ links }).snapshot({ protocol: "tcp", ports: [port] });
      expect(snapshot.ownersComplete).toBe(false);
      // Still listed, so the port reads as taken by an unknown owner, never as free.
      expect(listenersOnPort(snapshot.listeners, port)).toEqual([{ protocol: "tcp", address: "127.0.0.1", port, family: 4, user }]);
    });
  }

  linuxIt("reads only /proc/net/tcp when tcp6 does not exist (IPv6 disabled)", async () => {
    const port = await listenTcp("127.0.0.1");
    const noIpv6: ReadText = (path) => (path === "/proc/net/tcp6" ? Promise.reject(errnoError("ENOENT", path)) : readText(path));
    const snapshot = await table({ readText: noIpv6 }).snapshot({ protocol: "tcp", ports: [port] });
    expect(snapshot.source).toBe("proc");
    expect(listenersOnPort(snapshot.listeners, port)).toEqual([own("127.0.0.1", port, 4)]);
  });
});

describe("LinuxSocketTable falling back to ss", () => {
  const unreadableProcNet: ReadText = (path) => (path.startsWith("/proc/net/") ? Promise.reject(errnoError("EACCES", path)) : readText(path));

  linuxIt("asks ss -ltnpH when /proc/net/tcp gives EACCES, and finds the same listeners", async () => {
    const mine = await listenTcp("127.0.0.1");
    const dualStack = await listenTcp("::");
    const child = await startPython("::1");
    const snapshot = await table({ readText: unreadableProcNet }).snapshot({ protocol: "tcp", ports: [mine, dualStack, child.port] });

    expect(snapshot.source).toBe("ss");
    expect(snapshot.ownersComplete).toBe(true);
    expect(listenersOnPort(snapshot.listeners, mine)).toEqual([{ protocol: "tcp", address: "127.0.0.1", port: mine, family: 4, pid: process.pid, command: nodeProgram }]);
    // ss prints a dual-stack socket as `*`: reported as "::", family 6, like /proc does.
    expect(listenersOnPort(snapshot.listeners, dualStack)).toEqual([{ protocol: "tcp", address: "::", port: dualStack, family: 6, pid: process.pid, command: nodeProgram }]);
    expect(listenersOnPort(snapshot.listeners, child.port)).toEqual([
      { protocol: "tcp", address: "::1", port: child.port, family: 6, pid: child.pid, command: pythonProgram() },
    ]);
  });

  for (const [name, title] of nodeChildren) {
    linuxIt(`names ${name} by its executable, not the thread name ss prints`, async () => {
      const child = await startNode(title);
      const ss = await nodeCommandRunner.run("ss", ["-ltnpH", `sport = :${child.port}`]);
      // ss itself prints the comm.
      expect(ss.stdout).toContain(`users:(("${child.comm}",pid=${child.pid},`);
      const snapshot = await table({ readText: unreadableProcNet }).snapshot({ protocol: "tcp", ports: [child.port] });
      expect(snapshot.source).toBe("ss");
      expect(listenersOnPort(snapshot.listeners, child.port)).toEqual([
        { protocol: "tcp", address: "127.0.0.1", port: child.port, family: 4, pid: child.pid, command: nodeProgram },
      ]);
    });
  }

  linuxIt("asks ss -lunpH for UDP", async () => {
    const port = await bindUdp("udp4", "127.0.0.1");
    const snapshot = await table({ readText: unreadableProcNet }).snapshot({ protocol: "udp", ports: [port] });
    expect(snapshot.source).toBe("ss");
    expect(listenersOnPort(snapshot.listeners, port)).toEqual([{ protocol: "udp", address: "127.0.0.1", port, family: 4, pid: process.pid, command: nodeProgram }]);
  });

  linuxIt("fails with both reasons when ss cannot run either", async () => {
    const noSs: CommandRunner = { run: (file) => Promise.reject(errnoError("ENOENT", file)) };
    await expect(table({ readText: unreadableProcNet, runner: noSs }).snapshot({ protocol: "tcp" })).rejects.toThrow(
      "cannot read the socket table: /proc/net/tcp (EACCES) and ss (ENOENT) both failed",
    );
  });
});
