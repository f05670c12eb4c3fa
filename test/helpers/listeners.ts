import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { connect, createServer, type Server } from "node:net";

// Real listeners for the e2e tests, on loopback only.

/** A TCP server that accepts and drops; `::1` and other IPv6 addresses IPv6-only, `::` dual-stack. */
export function listen(host: string, port = 0): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.destroy());
    server.once("error", reject);
    server.listen({ host, port, exclusive: true, ipv6Only: host.includes(":") && host !== "::" }, () => resolve(server));
  });
}

export function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("not a TCP server");
  return address.port;
}

export const close = (server: Server): Promise<void> => new Promise((resolve) => server.close(() => resolve()));

/**
 * A port free on both families right now, below the ephemeral range: port 0 would give an ephemeral one, which any
 * outgoing connection of a test running beside this one may take as its source port before the test binds it.
 */
export function freePort(): Promise<number> {
  return freeStablePort(1);
}

/** Ports this worker has handed out: ten asked at once never get the same one. */
const handedOut = new Set<number>();

/**
 * A free port below every OS's ephemeral range (Linux starts at 32768), with room for `span` free ports after it:
 * sparkport never suggests an ephemeral port, and port 0 always gives one.
 */
export async function freeStablePort(span = 1): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const base = 20_000 + Math.floor(Math.random() * (32_000 - 20_000 - span));
    const stretch = Array.from({ length: span }, (_, i) => base + i);
    if (stretch.some((p) => handedOut.has(p))) continue;
    for (const p of stretch) handedOut.add(p);
    const held: Server[] = [];
    try {
      for (const p of stretch) held.push(await listen("::", p));
      return base;
    } catch {
      // Taken: try another stretch.
    } finally {
      await Promise.all(held.map(close));
    }
  }
  throw new Error("no free stretch of ports below 32000");
}

export function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

let python: string | undefined;
/**
 * The program a python3 child is reported as: its executable's name, after symlinks ("python3.11" where
 * python3 links to it), as Python itself says.
 */
export function pythonProgram(): string {
  python ??= execFileSync("python3", ["-c", "import os, sys; print(os.path.basename(os.path.realpath(sys.executable)))"], { encoding: "utf8" }).trim();
  return python;
}

/** `python3 -m http.server PORT --bind ADDRESS` as a child process, once it accepts connections. */
export async function startPythonServer(address: string, port: number): Promise<ChildProcess> {
  const child = spawn("python3", ["-m", "http.server", String(port), "--bind", address], { stdio: "ignore" });
  const probeHost = address.includes(":") ? "::1" : "127.0.0.1";
  for (let i = 0; i < 100; i += 1) {
    if (await canConnect(probeHost, port)) return child;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill();
  throw new Error(`python3 -m http.server did not start on ${address}:${port}`);
}

/**
 * A Node server (the Node running the tests) on ADDRESS:PORT as a child process, once it accepts connections.
 * With `title`, the child sets process.title first, which on Linux also renames its main thread (/proc/PID/comm).
 */
export async function startNodeServer(address: string, port: number, title?: string): Promise<ChildProcess> {
  const script = `const [port, host, title] = process.argv.slice(1);
if (title !== undefined) process.title = title;
require("node:net").createServer((socket) => socket.destroy()).listen({ port: Number(port), host, ipv6Only: host.includes(":") && host !== "::" });`;
  const child = spawn(process.execPath, ["-e", script, String(port), address, ...(title === undefined ? [] : [title])], { stdio: "ignore" });
  const probeHost = address.includes(":") ? "::1" : "127.0.0.1";
  for (let i = 0; i < 100; i += 1) {
    if (await canConnect(probeHost, port)) return child;
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill();
  throw new Error(`${process.execPath} did not listen on ${address}:${port}`);
}

const STALLED = `import socket, sys, time
server = socket.socket()
server.bind((sys.argv[1], 0))
server.listen(0)
port = server.getsockname()[1]
queued = socket.socket()
queued.connect((sys.argv[1], port))
print(port, flush=True)
time.sleep(3600)
`;

/**
 * A port on ADDRESS that never answers a connect, as one behind a firewall's DROP: a listener with a backlog of 0
 * whose one queued connection is never accepted, so Linux drops every later SYN. No root and no firewall needed.
 */
export function startStalledListener(address: string): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn("python3", ["-c", STALLED, address], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let text = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes("\n")) resolve({ port: Number(text.trim()), child });
    });
    child.once("exit", () => reject(new Error(`the stalled listener on ${address} exited: ${text}`)));
  });
}
