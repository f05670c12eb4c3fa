import { makeFinding, type Finding } from "../findings/finding.js";
import type { CommandRunner } from "../io/command-runner.js";
import { bindTest, type BindResult } from "../observe/bind-test.js";
import type { SocketTable } from "../observe/listener.js";
import { identifyLocalNode } from "../observe/local-node.js";
import type { LocalProbes } from "../observe/local-verdict.js";
import type { ProbeResult, TcpProber } from "../observe/tcp-prober.js";
import type { RegistryModel } from "../registry/model.js";
import type { TailscaleStatus } from "../observe/parse/tailscale-status.js";
import { readTailscaleStatus, resolveTailscaleName } from "../observe/read-tailscale-status.js";
import { requireKnown } from "../util/require-known.js";
import type { RegistryOptions } from "../registry/open-registry.js";
import { isLoopbackHost } from "../util/loopback.js";

/** The real implementations, or fakes in tests. */
export interface OccupancyDeps {
  socketTable: SocketTable;
  bindTest?: (port: number, extra: readonly string[]) => Promise<BindResult[]>;
  prober: TcpProber;
  runner: CommandRunner;
  localAddresses: () => string[];
}

export interface OccupancyOptions extends RegistryOptions {
  deps: OccupancyDeps;
  /** Per-probe timeout. */
  timeoutMs: number;
  /** False for --no-remote or SPARKPORT_OFFLINE=1. */
  remote: boolean;
  /** Which node this machine is (SPARKPORT_NODE / --this-node); found from interface addresses otherwise. */
  thisNode?: string | undefined;
  /** Called with each address:port probed (--verbose). */
  onProbe?: ((line: string) => void) | undefined;
}

/**
 * When Tailscale is read: "now", or "when-asked" (readTailscale, peerOffline),
 * unless a node's address is a name only Tailscale resolves. `tailscale status`
 * is a process start, tens of milliseconds, and a check of a port here (before
 * every service start) has nothing to ask it.
 */
export type TailscaleReading = "now" | "when-asked";

export interface NetworkContext {
  thisNode: string | null;
  local: LocalProbes;
  /** This node's own addresses, bind-tested besides the wildcard and loopback ones. */
  ownAddresses: string[];
  remote: boolean;
  timeoutMs: number;
  hostOf(node: string): string;
  /** Reads Tailscale if it has not been (once; never when remote probes are off), adding its notes. */
  readTailscale(): Promise<void>;
  /** Probe with the run's timeout, or a shorter one (a shared deadline). */
  probe(host: string, port: number, timeoutMs?: number): Promise<ProbeResult>;
  /** Tailscale as read: undefined when not installed, not read (yet, or offline) or failing. */
  readonly tailscale: TailscaleStatus | undefined;
  /** Whether a host names this machine: loopback or one of its interface addresses. */
  isLocalHost(host: string): boolean;
  /** Whether Tailscale reports the peer owning this address offline (reading Tailscale first). */
  peerOffline(host: string): Promise<boolean>;
  notes: Finding[];
}

const isIpv4 = (s: string): boolean => /^\d+\.\d+\.\d+\.\d+$/.test(s);

/** The name Tailscale must resolve for a node, if its address is not an IP. */
const tailscaleNameOf = (node: { address: string; tailscale?: string | undefined }): string | undefined =>
  node.tailscale ?? (isIpv4(node.address) || node.address.includes(":") ? undefined : node.address);

/**
 * Read Tailscale once (only when remote probes may run; see TailscaleReading
 * for when), decide which node this machine is, and resolve each node's
 * address: a Tailscale host name through `tailscale status --json`, else as
 * declared.
 */
export async function prepareNetwork(model: RegistryModel, options: OccupancyOptions & { tailscale?: TailscaleReading }): Promise<NetworkContext> {
  const notes: Finding[] = [];
  const note = { file: model.registry.file };
  let status: TailscaleStatus | undefined;
  let reading: Promise<void> | undefined;
  const readTailscale = (): Promise<void> => {
    if (!options.remote) return Promise.resolve();
    reading ??= (async () => {
      // Bounded by the probe timeout: a hung tailscale must not outlast the run.
      const read = await readTailscaleStatus(options.deps.runner, { timeoutMs: options.timeoutMs });
      if (!read.available) notes.push(makeFinding("tailscale-missing", "info", {}, note));
      else if ("error" in read) notes.push(makeFinding("tailscale-error", "warning", { detail: read.error }, note));
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
  requireKnown("node (this machine, from --this-node or SPARKPORT_NODE)", options.thisNode === "" ? undefined : options.thisNode, Object.keys(model.data.nodes));
  const addresses = options.deps.localAddresses();
  const thisNode = identifyLocalNode(model.data, { env: options.thisNode, addresses, resolved }).node ?? null;
  const hostOf = (node: string): string => {
    const ips = resolved.get(node) ?? [];
    return ips.find(isIpv4) ?? ips[0] ?? model.data.nodes[node]?.address ?? node;
  };
  const offline = (): Set<string> => new Set((status?.peers ?? []).filter((p) => !p.online).flatMap((p) => p.ips));
  const ownAddress = thisNode === null ? undefined : hostOf(thisNode);
  return {
    thisNode,
    local: { socketTable: options.deps.socketTable, bindTest: options.deps.bindTest ?? ((port, extra) => bindTest(port, extra, { localAddresses: addresses })) },
    ownAddresses: ownAddress !== undefined && addresses.includes(ownAddress) ? [ownAddress] : [],
    remote: options.remote,
    timeoutMs: options.timeoutMs,
    hostOf,
    readTailscale,
    probe: async (host, port, timeoutMs = options.timeoutMs) => {
      options.onProbe?.(`probing ${host.includes(":") ? `[${host}]` : host}:${port} (timeout ${timeoutMs} ms)`);
      return options.deps.prober.probe(host, port, timeoutMs);
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
