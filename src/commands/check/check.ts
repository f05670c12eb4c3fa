import { UsageError } from "../../findings/errors.js";
import { exitCodeFor } from "../../findings/exit-code.js";
import { makeFinding, type Finding, type Location } from "../../findings/finding.js";
import type { Code, MessageArgs } from "../../findings/messages.js";
import { localVerdict, type LocalVerdict } from "../../observe/local-verdict.js";
import { localFindings } from "../../observe/local-findings.js";
import { parsePortArgs, type PortArg } from "./parse-port-arg.js";
import { placingRanges, registryVerdict, type RegistryVerdict } from "../../observe/registry-verdict.js";
import type { ProbeResult } from "../../observe/tcp-prober.js";
import { buildModel, transportOf, type Allocation, type RegistryModel, type Transport } from "../../registry/model.js";
import { requireKnown } from "../../util/require-known.js";
import { serviceArgument } from "../../registry/service-argument.js";
import { findNextFree } from "../../network/find-next-free.js";
import { nodeByHost, nodeNamed } from "../../network/node-by-host.js";
import { openRegistry } from "../../registry/open-registry.js";
import { prepareNetwork, type NetworkContext, type OccupancyOptions } from "../../network/network-context.js";
import { commandInputWords } from "../../words/command-input-words.js";
import { optionInputWords } from "../../words/option-input-words.js";

export interface CheckOptions extends OccupancyOptions {
  ports: readonly string[];
  /** The port must lie in its ranges; next-free suggestions come from them. */
  team?: string | undefined;
  /** Defaults to the node the port is allocated on, else this machine. */
  node?: string | undefined;
  env?: string | undefined;
  /** Its own allocation is no conflict. */
  service?: string | undefined;
  /** tcp or udp; by default the transport the port is allocated with on its node (--service's), else tcp. */
  protocol?: string | undefined;
}

export interface PortCheck {
  input: string;
  port: number;
  /** Null when the port names a host outside the registry. */
  node: string | null;
  host: string | null;
  protocol: Transport;
  registry: {
    allocations: { service: string; label: string; team: string; node: string; environment: string | null; status: string }[];
    reservations: { name: string; label: string; priority: string; node: string | null }[];
    ranges: { team: string; range: string; from: number; to: number }[];
  };
  local: LocalVerdict | null;
  remote: ProbeResult | null;
  findings: Finding[];
  next: number[];
  verdict: "free" | "conflict";
}

export interface CheckResult {
  registry: string;
  thisNode: string | null;
  notes: Finding[];
  checks: PortCheck[];
  exitCode: number;
}

class FindingList {
  readonly items: Finding[] = [];
  constructor(private readonly fallback: Location) {}
  add<C extends Code>(code: C, severity: Finding["severity"], args: MessageArgs<C>, location?: Location): void {
    this.items.push(makeFinding(code, severity, args, location ?? this.fallback));
  }
}

function registryFindings(
  model: RegistryModel,
  verdict: RegistryVerdict,
  node: string | null,
  options: CheckOptions,
  findings: FindingList,
): void {
  for (const a of verdict.allocations) {
    if (a.service.name === options.service) continue;
    const where = model.at(a.path);
    if (node === null || a.node === node) {
      findings.add("port-allocated", "error", { port: verdict.port, owner: a.label, team: a.service.team, node: a.node }, where);
    } else {
      findings.add("port-allocated-elsewhere", "warning", { port: verdict.port, owner: a.label, node: a.node }, where);
    }
  }
  (model.data.reservations ?? []).forEach((r, index) => {
    if (r.port !== verdict.port || r.name === options.service) return;
    if (r.node !== undefined && node !== null && r.node !== node) return;
    findings.add("port-reserved", "error", { port: verdict.port, reservation: r.label ?? r.name, priority: r.priority }, model.at(["reservations", index, "port"]));
  });
  if (options.team !== undefined) {
    const own = placingRanges(model, options.team);
    if (!own.some((h) => verdict.port >= h.range.from && verdict.port <= h.range.to)) {
      findings.add("port-outside-team-range", "error", {
        port: verdict.port,
        team: options.team,
        ranges: own.map((h) => `${h.range.from}-${h.range.to}`),
      });
    }
  } else if (verdict.ranges.length === 0) {
    findings.add("port-in-no-range", "warning", { port: verdict.port });
  }
}

function remoteFindings(port: number, node: string, probe: ProbeResult, timeoutMs: number, findings: FindingList): void {
  const host = probe.host;
  if (probe.state === "open") findings.add("port-open-on-node", "error", { port, node, host });
  // The port could not be seen: not a conflict proven, but never "free" either.
  else if (probe.state === "filtered" && probe.rejected === true) findings.add("port-rejected-on-node", "error", { port, node, host, detail: probe.errorCode ?? "" });
  else if (probe.state === "filtered") findings.add("port-filtered-on-node", "error", { port, node, host, timeoutMs });
  else if (probe.state === "open|filtered") findings.add("port-udp-silent-on-node", "error", { port, node, host, timeoutMs });
  else if (probe.state === "unreachable") findings.add("node-unreachable", "error", { node, host, detail: probe.errorCode ?? "no route" });
  else if (probe.state === "name-error") findings.add("node-name-error", "error", { node, host });
}

/** --protocol, else --service's, else the transport the port is allocated with on the node when it is UDP alone. */
function transportFor(model: RegistryModel, port: number, node: string | null, options: CheckOptions): Transport {
  if (options.protocol !== undefined) {
    if (options.protocol !== "tcp" && options.protocol !== "udp") throw new UsageError(optionInputWords().protocol(options.protocol));
    return options.protocol;
  }
  const own = model.data.services.find((s) => s.name === options.service);
  if (own !== undefined) return transportOf(own.protocol);
  const here = model.allocations.filter((a) => a.port === port && (node === null || a.node === node));
  return here.length > 0 && here.every((a) => a.transport === "udp") ? "udp" : "tcp";
}

/** `node:port`, `address:port`, --node, the owner, else here. */
function targetOf(
  model: RegistryModel,
  arg: PortArg,
  options: CheckOptions,
  thisNode: string | null,
  isLocalHost: (host: string) => boolean,
): { node: string | null; host: string | null } {
  const nodes = model.data.nodes;
  if (arg.host !== undefined) {
    const named = nodeNamed(nodes, arg.host);
    if (named !== null) return { node: named, host: null };
    // This machine's own addresses get the full local verdict, never one connect.
    if (isLocalHost(arg.host)) return { node: thisNode, host: null };
    const byAddress = nodeByHost(nodes, arg.host);
    return byAddress === null ? { node: null, host: arg.host } : { node: byAddress, host: null };
  }
  if (options.node !== undefined) return { node: options.node, host: null };
  const owners = new Set(model.allocations.filter((a) => a.port === arg.port && a.service.name !== options.service).map((a) => a.node));
  const mine = model.data.services.find((s) => s.name === options.service)?.node;
  if (mine !== undefined) return { node: mine, host: null };
  if (owners.size === 1) return { node: [...owners][0] ?? null, host: null };
  return { node: thisNode, host: null };
}

/** The environment every one of these allocations is in, when it is not the base one. */
function sharedEnvironment(allocations: readonly Allocation[]): string | undefined {
  const envs = new Set(allocations.filter((a) => a.port !== a.service.port).map((a) => a.environment));
  return envs.size === 1 && allocations.every((a) => a.port !== a.service.port) ? [...envs][0] : undefined;
}

async function checkOne(model: RegistryModel, arg: PortArg, options: CheckOptions, network: NetworkContext): Promise<PortCheck> {
  const target = targetOf(model, arg, options, network.thisNode, network.isLocalHost);
  const verdict = registryVerdict(model, arg.port);
  const findings = new FindingList({ file: model.registry.file });
  registryFindings(model, verdict, target.node, options, findings);

  const protocol = transportFor(model, arg.port, target.node, options);
  const isLocal = target.host === null && (target.node === null || target.node === network.thisNode);
  const local = isLocal ? await localVerdict(arg.port, network.local, network.ownAddresses, protocol) : null;
  // `check --service nextjs` on nextjs's own port: the answer is to free it, never to move to another.
  const ownPort = options.service !== undefined && verdict.allocations.some((a) => a.service.name === options.service && a.node === target.node);
  if (local !== null) findings.items.push(...localFindings(arg.port, local, { file: model.registry.file }, ownPort ? options.service : undefined));

  let remote: ProbeResult | null = null;
  let host: string | null = null;
  if (!isLocal) {
    const label = target.node ?? target.host ?? "";
    host = target.host ?? network.hostOf(target.node ?? "");
    if (network.remote) {
      remote = await network.probe(host, arg.port, undefined, protocol);
      remoteFindings(arg.port, label, remote, network.timeoutMs, findings);
      if (remote.state !== "open" && (await network.peerOffline(host))) findings.add("tailscale-peer-offline", "warning", { node: label, host });
    } else {
      findings.add("remote-skipped", "info", { node: label });
    }
  }

  const conflict = findings.items.some((f) => f.severity === "error");
  const team = options.team ?? model.data.services.find((s) => s.name === options.service)?.team ?? verdict.ranges[0]?.team;
  // In the port's own environment (--env, else the one its allocations share): test's 8001 gets a test port,
  // base + the offset, as `next` prints it; from the range holding the port.
  const env = options.env ?? sharedEnvironment(verdict.allocations.filter((a) => a.node === target.node));
  const offset = env === undefined ? 0 : (model.data.environments[env]?.offset ?? 0);
  const query = { team, node: target.node, env, near: arg.port, count: 1, transport: protocol, verifiedOnly: true };
  const next = conflict && team !== undefined && !ownPort ? (await findNextFree(model, { ...query, team }, network)).map((p) => p.port + offset) : [];
  return {
    input: arg.raw,
    port: arg.port,
    node: target.node,
    host,
    protocol,
    registry: {
      allocations: verdict.allocations.map((a) => ({
        service: a.service.name,
        label: a.label,
        team: a.service.team,
        node: a.node,
        environment: a.environment ?? null,
        status: a.status,
      })),
      reservations: verdict.reservations.map((r) => ({ name: r.name, label: r.label ?? r.name, priority: r.priority, node: r.node ?? null })),
      ranges: verdict.ranges.map((h) => ({ team: h.team, range: h.range.name, from: h.range.from, to: h.range.to })),
    },
    local,
    remote,
    findings: findings.items,
    next,
    verdict: conflict ? "conflict" : "free",
  };
}

export async function check(given: CheckOptions): Promise<CheckResult> {
  const model = buildModel(await openRegistry(given));
  const own = given.service === undefined ? undefined : serviceArgument(model, given.service, given.env);
  // --node MACMINI is node macmini, as MACMINI:8002 is.
  const options = { ...given, service: own?.name, env: own?.env ?? given.env, node: given.node === undefined ? undefined : (nodeNamed(model.data.nodes, given.node) ?? given.node) };
  // Without a port, --service's own: `sparkport check --service nextjs` before starting it.
  const args = given.ports.length === 0 && own !== undefined ? [{ port: own.port, raw: String(own.port) }] : given.ports.flatMap(parsePortArgs);
  if (args.length === 0) throw new UsageError(commandInputWords().noPortToCheck);
  requireKnown("team", options.team, Object.keys(model.data.teams));
  requireKnown("node", options.node, Object.keys(model.data.nodes));
  requireKnown("environment", options.env, Object.keys(model.data.environments));
  // Tailscale is read only when a remote probe finds no listener: a check of a local port runs no program.
  const network = await prepareNetwork(model, { ...options, tailscale: "when-asked" });
  const checks: PortCheck[] = [];
  for (const arg of args) checks.push(await checkOne(model, arg, options, network));
  const all = [...network.notes, ...checks.flatMap((c) => c.findings)];
  return { registry: model.registry.file, thisNode: network.thisNode, notes: network.notes, checks, exitCode: exitCodeFor(all) };
}
