import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";

// Three nodes of the guide's tailnet as Linux network namespaces, joined by a
// bridge that lives in a fourth namespace: nothing is added to, or changed
// in, the host's root namespace. Each node has its /32 address and one device
// route per other node, so the nodes reach each other and nothing else; there
// is no default route anywhere, and every probe is preceded by a check that
// none appeared.

export const NODE_ADDRESSES = { macmini: "100.123.51.5", desktop: "100.120.180.42", laptop: "100.101.68.23" } as const;
export type NodeName = keyof typeof NODE_ADDRESSES;
export const NODE_NAMES: readonly NodeName[] = ["macmini", "desktop", "laptop"];

/** The nft table the tests add (inside a node's namespace only). */
export const NFT_TABLE = "sparkport_e2e";

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function succeeds(file: string, args: readonly string[]): boolean {
  const result = spawnSync(file, args, { stdio: "ignore" });
  return result.error === undefined && result.status === 0;
}

/** Why the namespace suite cannot run here, or undefined when it can. */
export function topologySkipReason(): string | undefined {
  if (process.platform !== "linux") return `network namespaces need Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return "creating network namespaces needs root";
  if (!succeeds("ip", ["-V"])) return "the `ip` command (iproute2) is missing";
  if (!succeeds("nft", ["--version"])) return "the `nft` command (nftables) is missing";
  if (!succeeds("ss", ["-V"])) return "the `ss` command (iproute2) is missing";
  if (!succeeds("python3", ["--version"])) return "python3 is missing";
  return undefined;
}

/** Runs a command and returns its stdout; throws with its stderr when it fails. */
export function run(file: string, args: readonly string[]): string {
  const result = spawnSync(file, args, { encoding: "utf8" });
  if (result.error !== undefined || result.status !== 0) {
    const why = result.error?.message ?? `exit ${String(result.status ?? result.signal)}`;
    // stderr is null when the program could not be started at all.
    throw new Error(`${file} ${args.join(" ")} failed (${why}): ${(result.stderr as string | null)?.trim() ?? ""}`);
  }
  return result.stdout;
}

/** A process started inside a namespace, with everything it printed so far. */
export interface NodeProcess {
  readonly node: NodeName;
  /** The program's own PID: `ip netns exec` execs it in place. */
  readonly pid: number;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has exited, with its exit code (null when killed by a signal). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  hasExited(): boolean;
  kill(): Promise<void>;
}

export interface Listening {
  address: string;
  port: number;
}

/** `ss -ltnH` rows: `LISTEN 0 5 0.0.0.0:8000 0.0.0.0:*`; IPv6 addresses come bracketed. */
export function parseSsListening(text: string): Listening[] {
  return text
    .split("\n")
    .map((line) => line.trim().split(/\s+/)[3])
    .filter((local): local is string => local !== undefined && local.includes(":"))
    .map((local) => {
      const colon = local.lastIndexOf(":");
      return { address: local.slice(0, colon).replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, ""), port: Number(local.slice(colon + 1)) };
    });
}

const OUTPUT_CAP = 4 * 1024 * 1024;

/** Every topology not torn down yet, for the cleanup on exit or on a signal. */
const live = new Set<Topology>();
let handlersInstalled = false;

function installExitCleanup(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // Best effort when afterAll never runs (the worker exits or is killed): synchronous, so it works in "exit".
  process.once("exit", () => {
    for (const topology of live) topology.teardownSync();
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      for (const topology of live) topology.teardownSync();
      process.kill(process.pid, signal);
    });
  }
}

let created = 0;

export class Topology {
  /** Unique per run and per topology: the PID of this test process and a counter. */
  readonly id: string;
  /** The namespace holding the bridge `br0`, one veth per node. */
  readonly bridge: string;
  private readonly namespaces: Readonly<Record<NodeName, string>>;
  private readonly processes = new Set<NodeProcess>();
  private readonly removed = new Set<NodeName>();
  private readonly dirs: string[] = [];
  private tornDown = false;

  private constructor() {
    created += 1;
    this.id = `${process.pid}-${created}`;
    this.bridge = `spe2e-${this.id}-bridge`;
    this.namespaces = { macmini: `spe2e-${this.id}-macmini`, desktop: `spe2e-${this.id}-desktop`, laptop: `spe2e-${this.id}-laptop` };
  }

  /** Creates the namespaces, the bridge and the addresses; tears everything down again if a step fails. */
  static create(): Topology {
    const topology = new Topology();
    installExitCleanup();
    live.add(topology);
    try {
      topology.build();
    } catch (error) {
      topology.teardownSync();
      throw error;
    }
    return topology;
  }

  namespace(node: NodeName): string {
    return this.namespaces[node];
  }

  /** Every namespace of this topology, the bridge's last. */
  allNamespaces(): string[] {
    return [...NODE_NAMES.map((n) => this.namespaces[n]), this.bridge];
  }

  private build(): void {
    // A namespace of the same name can only be left over from a crashed run that had this PID.
    const existing = new Set(run("ip", ["netns", "list"]).split("\n").map((line) => line.split(" ")[0]));
    for (const ns of this.allNamespaces()) if (existing.has(ns)) deleteNamespace(ns);

    run("ip", ["netns", "add", this.bridge]);
    run("ip", ["-n", this.bridge, "link", "add", "br0", "type", "bridge"]);
    run("ip", ["-n", this.bridge, "link", "set", "br0", "up"]);
    for (const node of NODE_NAMES) {
      const ns = this.namespaces[node];
      const port = `v-${node}`;
      run("ip", ["netns", "add", ns]);
      // Both ends are created inside namespaces: the pair never appears in the root namespace.
      run("ip", ["-n", this.bridge, "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", ns]);
      run("ip", ["-n", this.bridge, "link", "set", port, "master", "br0"]);
      run("ip", ["-n", this.bridge, "link", "set", port, "up"]);
      run("ip", ["-n", ns, "link", "set", "lo", "up"]);
      run("ip", ["-n", ns, "address", "add", `${NODE_ADDRESSES[node]}/32`, "dev", "eth0"]);
      run("ip", ["-n", ns, "link", "set", "eth0", "up"]);
      for (const other of NODE_NAMES) {
        if (other !== node) run("ip", ["-n", ns, "route", "add", `${NODE_ADDRESSES[other]}/32`, "dev", "eth0"]);
      }
    }
    for (const node of NODE_NAMES) this.assertNoDefaultRoute(node);
  }

  /** Throws unless the node's namespace has no IPv4 and no IPv6 default route: a probe could leave otherwise. */
  assertNoDefaultRoute(node: NodeName): void {
    const ns = this.namespaces[node];
    for (const family of ["-4", "-6"]) {
      const routes = run("ip", ["-n", ns, family, "route", "show", "default"]).trim();
      if (routes !== "") throw new Error(`namespace ${ns} (${node}) has a default route (${family}): ${routes}; refusing to probe from or into it`);
    }
  }

  /** Runs a command inside a node's namespace to completion; its stdout. */
  exec(node: NodeName, file: string, args: readonly string[]): string {
    return run("ip", ["netns", "exec", this.namespaces[node], file, ...args]);
  }

  /** Starts a process inside a node's namespace; it is killed at teardown at the latest. */
  spawn(node: NodeName, file: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): NodeProcess {
    if (this.tornDown || this.removed.has(node)) throw new Error(`${node} is not part of the topology any more`);
    const child = spawn("ip", ["netns", "exec", this.namespaces[node], file, ...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (child.pid === undefined) throw new Error(`could not start ${file} in ${node}`);
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      if (out.length < OUTPUT_CAP) out += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      if (err.length < OUTPUT_CAP) err += chunk;
    });
    let done = false;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      // "close": the process has exited and its output has been read to the end.
      child.once("close", (code, signal) => {
        done = true;
        this.processes.delete(proc);
        resolve({ code, signal });
      });
    });
    const pid = child.pid;
    const proc: NodeProcess = {
      node,
      pid,
      stdout: () => out,
      stderr: () => err,
      exited,
      hasExited: () => done,
      kill: async () => {
        if (done) return;
        child.kill("SIGTERM");
        const gone = await Promise.race([exited.then(() => true), sleep(3000).then(() => false)]);
        if (!gone) {
          child.kill("SIGKILL");
          await exited;
        }
      },
    };
    this.processes.add(proc);
    return proc;
  }

  /** The TCP listeners in a node's namespace, from `ss -ltnH` run inside it. */
  listening(node: NodeName): Listening[] {
    return parseSsListening(this.exec(node, "ss", ["-ltnH"]));
  }

  /** Waits until every port listens in the node's namespace (on `address` when given); fails fast when `proc` exits. */
  async waitListening(node: NodeName, ports: readonly number[], options: { address?: string; proc?: NodeProcess; timeoutMs?: number } = {}): Promise<void> {
    const deadline = Date.now() + (options.timeoutMs ?? 15_000);
    for (;;) {
      const rows = this.listening(node).filter((l) => options.address === undefined || l.address === options.address);
      const have = new Set(rows.map((l) => l.port));
      const missing = ports.filter((p) => !have.has(p));
      if (missing.length === 0) return;
      if (options.proc?.hasExited() === true) {
        throw new Error(`the server for ${node}:${missing.join(",")} exited before listening: ${options.proc.stderr().trim()}`);
      }
      if (Date.now() > deadline) throw new Error(`${node}: nothing listens on ${missing.slice(0, 10).join(", ")}${missing.length > 10 ? ", ..." : ""} after 15 s`);
      await sleep(25);
    }
  }

  /** Takes a node off the network: its processes are killed and its namespace (with its veth) deleted. */
  async removeNode(node: NodeName): Promise<void> {
    const ns = this.namespaces[node];
    await Promise.all([...this.processes].filter((p) => p.node === node).map((p) => p.kill()));
    deleteNamespace(ns);
    this.removed.add(node);
    // The namespace, and with it the veth pair, goes away once nothing holds it; the kernel does it asynchronously.
    const deadline = Date.now() + 10_000;
    while (succeeds("ip", ["-n", this.bridge, "link", "show", `v-${node}`])) {
      if (Date.now() > deadline) throw new Error(`the veth of ${node} is still on the bridge 10 s after its namespace was deleted`);
      await sleep(25);
    }
  }

  /** A scratch folder of the test, deleted with the namespaces (also on exit). */
  ownDir(dir: string): void {
    this.dirs.push(dir);
  }

  isRemoved(node: NodeName): boolean {
    return this.removed.has(node);
  }

  /** Kills every process started here and deletes every namespace; safe to call twice. */
  async teardown(): Promise<void> {
    if (this.tornDown) return;
    await Promise.all([...this.processes].map((p) => p.kill()));
    this.teardownSync();
  }

  /** The synchronous teardown, also used on exit: SIGKILL what is left, delete the namespaces. */
  teardownSync(): void {
    if (this.tornDown) return;
    this.tornDown = true;
    live.delete(this);
    for (const p of this.processes) {
      try {
        process.kill(p.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
    for (const ns of this.allNamespaces()) deleteNamespace(ns);
    for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Kills whatever still runs in one of this run's own namespaces (only processes this test started can be
 * there: servers and CLI runs), by PID, then deletes the namespace. Missing namespaces are fine.
 */
function deleteNamespace(ns: string): void {
  const pids = spawnSync("ip", ["netns", "pids", ns], { encoding: "utf8" });
  if (pids.status === 0) {
    for (const pid of pids.stdout.split(/\s+/).filter((p) => /^\d+$/.test(p))) {
      try {
        process.kill(Number(pid), "SIGKILL");
      } catch {
        // Already gone.
      }
    }
  }
  spawnSync("ip", ["netns", "delete", ns], { stdio: "ignore" });
}

/** What the host's root namespace looks like: interfaces, routes and nft tables, to prove the tests leave it alone. */
export function hostNetworkSnapshot(): { links: string[]; routes: string; nftTables: string } {
  const links = run("ip", ["-o", "link", "show"])
    .split("\n")
    .map((line) => line.split(":")[1]?.trim().replace(/@.*$/, "") ?? "")
    .filter((name) => name !== "")
    .sort();
  // Route lifetimes ("expires 86390sec") count down; they are not a change.
  const routes = `${run("ip", ["-4", "route", "show", "table", "all"])}${run("ip", ["-6", "route", "show", "table", "all"])}`.replace(/ expires \d+sec/g, "");
  const nftTables = run("nft", ["list", "tables"]);
  return { links, routes, nftTables };
}

/** `nft` inside a node's namespace: drop every incoming TCP packet to `port`, as a host firewall would. */
export function dropIncomingTcp(topology: Topology, node: NodeName, port: number): void {
  topology.exec(node, "nft", [
    `add table inet ${NFT_TABLE}; ` +
      `add chain inet ${NFT_TABLE} input { type filter hook input priority 0; policy accept; }; ` +
      `add rule inet ${NFT_TABLE} input tcp dport ${port} drop`,
  ]);
}
