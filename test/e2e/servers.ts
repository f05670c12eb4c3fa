import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { NodeName, NodeProcess, Topology } from "./topology.js";

// Real servers inside the namespaces, each a child process whose PID the tests can assert.

/** The real python3 behind any shim (pyenv), so the server's PID and command are python's own. */
function realPython(): string {
  const found = spawnSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" });
  const path = found.status === 0 ? found.stdout.trim() : "";
  return path === "" ? "python3" : path;
}

let python: string | undefined;
const pythonPath = (): string => (python ??= realPython());

export const REDIS_SERVER = "/usr/bin/redis-server";

/** `python3 -m http.server PORT --bind ADDRESS`, serving an empty folder, once it listens. */
export async function startHttpServer(topology: Topology, node: NodeName, port: number, bind: string, emptyDir: string): Promise<NodeProcess> {
  const proc = topology.spawn(node, pythonPath(), ["-m", "http.server", String(port), "--bind", bind], { cwd: emptyDir });
  await topology.waitListening(node, [port], { address: bind, proc });
  return proc;
}

/** One node process listening on every given port (a Next.js stand-in, or a hundred services at once). */
export async function startNodeListeners(topology: Topology, node: NodeName, ports: readonly number[], bind: string): Promise<NodeProcess> {
  // Accept and drop: an open port is all a TCP probe sees.
  const script = `const net = require("node:net");
const [host, ...ports] = process.argv.slice(1);
for (const port of ports) net.createServer((s) => s.destroy()).listen({ host, port: Number(port), exclusive: true }).on("error", (e) => { console.error(String(e)); process.exit(1); });`;
  const proc = topology.spawn(node, process.execPath, ["-e", script, bind, ...ports.map(String)]);
  await topology.waitListening(node, ports, { address: bind, proc });
  return proc;
}

export interface RedisStandIn {
  proc: NodeProcess;
  /** "redis" for the real redis-server; "http.server" for the fallback listener. */
  program: "redis" | "http.server";
}

/**
 * A real `redis-server` on 127.0.0.1:6379, persisting nothing, in `dir`. Without /usr/bin/redis-server,
 * another real listener bound to 127.0.0.1 (http.server), said on stderr.
 */
export async function startRedis(topology: Topology, node: NodeName, dir: string): Promise<RedisStandIn> {
  const bind = "127.0.0.1";
  if (!existsSync(REDIS_SERVER)) {
    console.warn(`${REDIS_SERVER} is missing: redis is stood in for by python3 -m http.server on ${bind}:6379`);
    return { proc: await startHttpServer(topology, node, 6379, bind, dir), program: "http.server" };
  }
  const args = ["--bind", bind, "--port", "6379", "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", dir];
  const proc = topology.spawn(node, REDIS_SERVER, args, { cwd: dir });
  await topology.waitListening(node, [6379], { address: bind, proc });
  return { proc, program: "redis" };
}

/** What a client's first command gets back from host:port, sent from inside a namespace (a RESP PING). */
export function redisPing(topology: Topology, from: NodeName, host: string, port: number): string {
  const script = `import socket, sys
s = socket.create_connection((sys.argv[1], int(sys.argv[2])), 2)
s.sendall(b"PING\\r\\n")
print(s.recv(512).decode(errors="replace").strip())`;
  return topology.exec(from, pythonPath(), ["-c", script, host, String(port)]).trim();
}
