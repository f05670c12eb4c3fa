import { makeFinding, type Finding } from "../findings/finding.js";
import type { Code } from "../findings/messages.js";
import type { CommandRunner } from "../io/command-runner.js";
import { bindTest, type BindResult } from "../observe/bind-test.js";
import type { SocketTable } from "../observe/listener.js";
import { identifyLocalNode } from "../observe/local-node.js";
import type { LocalProbes } from "../observe/local-verdict.js";
import type { ProbeResult, TcpProber } from "../observe/tcp-prober.js";
import type { RegistryModel, Transport } from "../registry/model.js";
import type { TailscaleStatus } from "../observe/parse/tailscale-status.js";
import { readTailscaleStatus, resolveTailscaleName } from "../observe/read-tailscale-status.js";
import { requireKnown } from "../util/require-known.js";
import { progressWords } from "../words/progress-words.js";
import { unknownNameWords } from "../words/unknown-name-words.js";
import type { RegistryOptions } from "../registry/open-registry.js";
import { isLoopbackHost } from "../util/loopback.js";
import type { ProbeProgress } from "./probe-progress.js";
import { bracketHost, hostPort } from "../util/host-port.js";

export interface OccupancyDeps {
  socketTable: SocketTable;
  bindTest?: (port: number, extra: readonly string[], transport?: Transport) => Promise<BindResult[]>;
  prober: TcpProber;
  /** The same interface for UDP ports; the datagram prober when absent. */
  udpProber?: TcpProber;
  runner: CommandRunner;
  localAddresses: () => string[];
}

export interface OccupancyOptions extends RegistryOptions {
  deps: OccupancyDeps;
  timeoutMs: number;
  remote: boolean;
  /** Found from interface addresses otherwise. */
  thisNode?: string | undefined;
  /** --verbose. */
  onProbe?: ((line: string) => void) | undefined;
  /** The progress line on a terminal. */
  progress?: ProbeProgress | undefined;
  /** For a note said at most once a day on a machine: true when it was not said today. Absent: always said. */
  noteDue?: ((code: Code) => Promise<boolean>) | undefined;
}

/** "when-asked" defers Tailscale unless a node's address is a name only it resolves: checking a local port needs none. */
export type TailscaleReading = "now" | "when-asked";

export interface NetworkContext {
  thisNode: string | null;
  local: LocalProbes;
  /** Bind-tested besides the wildcard and loopback ones. */
  ownAddresses: string[];
  remote: boolean;
  timeoutMs: number;
  hostOf(node: string): string;
  /** Once, never when remote probes are off. */
  readTailscale(): Promise<void>;
  /** A shorter timeout serves a shared deadline. */
  probe(host: string, port: number, timeoutMs?: number, transport?: Transport): Promise<ProbeResult>;
  /** Undefined when not installed, not read (yet, or offline) or failing. */
  readonly tailscale: TailscaleStatus | undefined;
  isLocalHost(host: string): boolean;
  peerOffline(host: string): Promise<boolean>;
  notes: Finding[];
}

const isIpv4 = (s: string): boolean => /^\d+\.\d+\.\d+\.\d+$/.test(s);

const tailscaleNameOf = (node: { address: string; tailscale?: string | undefined }): string | undefined =>
  node.tailscale ?? (isIpv4(node.address) || node.address.includes(":") ? undefined : node.address);

/** --this-node or SPARKPORT_NODE must name a node of the registry (empty is unset), with the close name when one is. */
export function requireThisNode(model: RegistryModel, thisNode: string | undefined): void {
  requireKnown("node", thisNode === "" ? undefined : thisNode, Object.keys(model.data.nodes), unknownNameWords().thisMachine);
}

/** A node's Tailscale host name is resolved through `tailscale status --json`; other addresses are used as declared. */
export async function prepareNetwork(model: RegistryModel, options: OccupancyOptions & { tailscale?: TailscaleReading }): Promise<NetworkContext> {
  const notes: Finding[] = [];
  const note = { file: model.registry.file };
  let status: TailscaleStatus | undefined;
  let reading: Promise<void> | undefined;
  const readTailscale = (): Promise<void> => {
    if (!options.remote) return Promise.resolve();
    reading ??= (async () => {
      // Bounded by the probe timeout: a hung tailscale must not outlast the run.
      const answered = options.progress?.waitingOn("tailscale status");
      const read = await readTailscaleStatus(options.deps.runner, { timeoutMs: options.timeoutMs }).finally(answered);
      if (!read.available) {
        // Nothing to mend on this machine, so not on every run.
        if (await (options.noteDue?.("tailscale-missing") ?? true)) notes.push(makeFinding("tailscale-missing", "info", {}, note));
      } else if ("error" in read) notes.push(makeFinding("tailscale-error", "warning", { detail: read.error }, note));
      else {
        status = read.status;
        if (status.backendState !== "Running") notes.push(makeFinding("tailscale-down", "warning", { state: status.backendState }, note));
        else if (status.tun === false) notes.push(makeFinding("tailscale-userspace", "warning", {}, note));
      }
    })();
    return reading;
  };
  const names = Object.values(model.data.nodes).some((node) => tailscaleNameOf(node) !== undefined);
  if (options.tailscale !== "when-asked" || names) await readTailscale();
  const resolved = new Map<string, string[]>();
  for (const [name, node] of Object.entries(model.data.nodes)) {
    const tailscaleName = tailscaleNameOf(node);
    const ips = status === undefined || tailscaleName === undefined ? [] : resolveTailscaleName(status, tailscaleName);
    if (ips.length > 0) resolved.set(name, ips);
  }
  requireThisNode(model, options.thisNode);
  const addresses = options.deps.localAddresses();
  const thisNode = identifyLocalNode(model.data, { env: options.thisNode, addresses, resolved }).node ?? null;
  const hostOf = (node: string): string => {
    const ips = resolved.get(node) ?? [];
    return ips.find(isIpv4) ?? ips[0] ?? model.data.nodes[node]?.address ?? node;
  };
  const offline = (): Set<string> => new Set((status?.peers ?? []).filter((p) => !p.online).flatMap((p) => p.ips));
  const ownAddress = thisNode === null ? undefined : hostOf(thisNode);
  // What the progress line names: the node a host is, else the host.
  let nodeAt: Map<string, string> | undefined;
  const nameOf = (host: string): string => {
    nodeAt ??= new Map(Object.keys(model.data.nodes).reverse().map((node) => [hostOf(node), node]));
    return nodeAt.get(host) ?? bracketHost(host);
  };
  return {
    thisNode,
    local: {
      socketTable: options.deps.socketTable,
      bindTest: options.deps.bindTest ?? ((port, extra, transport) => bindTest(port, extra, { localAddresses: addresses, ...(transport !== undefined && { transport }) })),
    },
    ownAddresses: ownAddress !== undefined && addresses.includes(ownAddress) ? [ownAddress] : [],
    remote: options.remote,
    timeoutMs: options.timeoutMs,
    hostOf,
    readTailscale,
    probe: async (host, port, timeoutMs = options.timeoutMs, transport = "tcp") => {
      const udp = transport === "udp" ? "/udp" : "";
      options.onProbe?.(progressWords().probe(`${hostPort(host, port)}${udp}`, timeoutMs));
      const answered = options.progress?.waitingOn(`${nameOf(host)}:${port}${udp}`);
      try {
        if (transport === "tcp") return await options.deps.prober.probe(host, port, timeoutMs);
        const prober = options.deps.udpProber ?? (await import("../observe/udp-prober.js")).nodeUdpProber;
        return await prober.probe(host, port, timeoutMs);
      } finally {
        answered?.();
      }
    },
    peerOffline: async (host) => {
      await readTailscale();
      return offline().has(host);
    },
    get tailscale() {
      return status;
    },
    isLocalHost: (host) => isLoopbackHost(host) || addresses.includes(host),
    notes,
  };
}
