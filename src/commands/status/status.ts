import { targetOf } from "../../registry/service-target.js";
import { exitCodeFor } from "../../findings/exit-code.js";
import { makeFinding, type Finding } from "../../findings/finding.js";
import { listenersOnPort } from "../../observe/listeners-on-port.js";
import type { ProbeResult } from "../../observe/tcp-prober.js";
import { probeMany } from "../../observe/probe-many.js";
import { buildModel, type Allocation, type RegistryModel, type Transport } from "../../registry/model.js";
import { statusWords } from "../../words/status-words.js";
import { isLoopbackAddress } from "../../util/loopback.js";
import { nodeNamed } from "../../network/node-by-host.js";
import { requireKnown } from "../../util/require-known.js";
import { openRegistry } from "../../registry/open-registry.js";
import { prepareNetwork, type OccupancyOptions } from "../../network/network-context.js";

export interface StatusOptions extends OccupancyOptions {
  team?: string | undefined;
  node?: string | undefined;
  concurrency: number;
}

/** `down` and `unknown` come from Prometheus: a failed blackbox probe, and no sample or a stale one. */
export type Observed = ProbeResult["state"] | "listening" | "not-listening" | "skipped" | "down" | "unknown";

/** What Prometheus holds for a row (status --source prometheus). */
export interface PrometheusSample {
  /** How old the sample was when asked, by Prometheus's clock; null without one. */
  ageMs: number | null;
  /** Older than three scrape intervals of its job (`staleAfterMs`, null when not known): its value is not taken. */
  stale: boolean;
  staleAfterMs: number | null;
  durationMs: number | null;
  /** Where the node's `sparkport serve` reports it bound (all, loopback, node-address); empty without serve. */
  bindScopes: string[];
}

export interface StatusRow {
  service: string;
  label: string;
  environment: string | null;
  port: number;
  node: string;
  /** Null for this machine's own services, read from the socket table. */
  host: string | null;
  declared: string;
  observed: Observed;
  addresses: string[];
  mismatch: boolean;
  /** Only when read from Prometheus. */
  sample?: PrometheusSample;
}

export interface StatusResult {
  registry: string;
  /** Where `observed` comes from: probes and the socket table from here, or Prometheus's samples. */
  source: "probe" | "prometheus";
  /** The Prometheus asked, with --source prometheus. */
  prometheus?: string;
  thisNode: string | null;
  rows: StatusRow[];
  notes: Finding[];
  findings: Finding[];
  exitCode: number;
}

/** Less time than this could not tell filtered from slow. */
const MIN_PROBE_MS = 20;

const UP: readonly Observed[] = ["open", "listening"];
/** open|filtered: a UDP port sent no refusal, which says nothing either way. */
const UNKNOWN: readonly Observed[] = ["skipped", "open|filtered", "unknown"];

/** What was seen of one allocation; `loopbackOnly` when its node's `serve` says it is bound to loopback alone. */
export interface Seen {
  observed: Observed;
  host: string | null;
  addresses: string[];
  loopbackOnly?: boolean;
  sample?: PrometheusSample;
}

/** Other nodes must reach it: a bind on loopback alone refuses them. */
const localhostOnly = (a: Allocation, seen: Seen): boolean =>
  a.access === "all-nodes" && seen.observed === "listening" && seen.addresses.length > 0 && seen.addresses.every(isLoopbackAddress);

/** The allocations --team and --node select, both checked against the registry. */
export function selectAllocations(model: RegistryModel, given: { team?: string | undefined; node?: string | undefined }): Allocation[] {
  // --node MACMINI is node macmini, as MACMINI:8002 is.
  const node = given.node === undefined ? undefined : (nodeNamed(model.data.nodes, given.node) ?? given.node);
  requireKnown("team", given.team, Object.keys(model.data.teams));
  requireKnown("node", node, Object.keys(model.data.nodes));
  return model.allocations.filter((a) => (given.team === undefined || a.service.team === given.team) && (node === undefined || a.node === node));
}

/** All probes share one deadline: at most one timeout per round of `concurrency`, however many are filtered. */
export async function status(options: StatusOptions): Promise<StatusResult> {
  const model = buildModel(await openRegistry(options));
  const selected = selectAllocations(model, options);
  const network = await prepareNetwork(model, options);
  const local = selected.filter((a) => a.node === network.thisNode);
  const remote = selected.filter((a) => a.node !== network.thisNode);

  let budgetMs = options.timeoutMs;
  const observed = new Map<Allocation, Seen>();
  for (const transport of ["tcp", "udp"] as const) {
    const mine = local.filter((a) => a.transport === transport);
    if (mine.length === 0) continue;
    const snapshot = await network.local.socketTable.snapshot({ protocol: transport, ports: mine.map((a) => a.port) });
    for (const a of mine) {
      const listeners = listenersOnPort(snapshot.listeners, a.port);
      observed.set(a, { observed: listeners.length > 0 ? "listening" : "not-listening", host: null, addresses: listeners.map((l) => l.address) });
    }
  }
  if (remote.length > 0 && !network.remote) {
    for (const a of remote) observed.set(a, { observed: "skipped", host: network.hostOf(a.node), addresses: [] });
  } else if (remote.length > 0) {
    const targets = remote.map((a) => ({ host: network.hostOf(a.node), port: a.port, transport: a.transport }));
    options.progress?.expect(targets.length);
    // A probe started late gets only the time left; one that would start after the deadline is not run at all.
    const concurrency = Math.max(options.concurrency, 1);
    budgetMs = options.timeoutMs * Math.ceil(targets.length / concurrency);
    const deadline = Date.now() + budgetMs;
    const late = new Set<string>();
    const clamped = {
      probe: (host: string, port: number, _timeoutMs: number, transport: Transport = "tcp"): Promise<ProbeResult> => {
        const left = deadline - Date.now();
        if (left >= MIN_PROBE_MS) return network.probe(host, port, Math.min(options.timeoutMs, left), transport);
        late.add(`${host}\u0000${port}`);
        return Promise.resolve({ host, port, state: "filtered", ms: 0 });
      },
    };
    const results = await probeMany(clamped, targets, { timeoutMs: options.timeoutMs, concurrency });
    remote.forEach((a, i) => {
      const r = results[i];
      const host = targets[i]?.host ?? null;
      const skipped = r === undefined || late.has(`${host ?? ""}\u0000${a.port}`);
      observed.set(a, { observed: skipped ? "skipped" : r.state, host, addresses: [] });
    });
  }

  const { rows, findings } = judge(model, selected, observed);
  const skipped = network.remote ? rows.filter((r) => r.observed === "skipped").length : 0;
  if (skipped > 0) findings.push(makeFinding("probes-skipped", "warning", { count: skipped, deadlineMs: budgetMs }, { file: model.registry.file }));
  return {
    registry: model.registry.file,
    source: "probe",
    thisNode: network.thisNode,
    rows,
    notes: network.notes,
    findings,
    exitCode: exitCodeFor([...network.notes, ...findings]),
  };
}

/** Declared against observed, whoever observed: a row per allocation and the findings of those that disagree. */
export function judge(model: RegistryModel, selected: readonly Allocation[], observed: ReadonlyMap<Allocation, Seen>): { rows: StatusRow[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const rows: StatusRow[] = selected.map((a) => {
    const o: Seen = observed.get(a) ?? { observed: "skipped", host: null, addresses: [] };
    const up = UP.includes(o.observed);
    const where = model.at(a.path);
    let mismatch = false;
    // A probe from elsewhere is refused either way: the node's own socket table says why.
    if (a.status === "running" && a.access === "all-nodes" && o.loopbackOnly === true) {
      mismatch = true;
      const addresses = o.addresses.length > 0 ? o.addresses : [statusWords().loopback];
      findings.push(makeFinding("service-localhost-only", "error", { owner: a.label, node: a.node, port: a.port, addresses }, where));
    } else if (!UNKNOWN.includes(o.observed)) {
      if (a.status === "running" && !up) {
        mismatch = true;
        const args = { owner: a.label, node: a.node, observed: o.observed, service: targetOf(a) };
        findings.push(makeFinding("declared-running-but-down", "error", a.start === undefined ? args : { ...args, start: a.start }, where));
      } else if ((a.status === "stopped" || a.status === "reserved" || a.status === "planned") && up) {
        mismatch = true;
        findings.push(makeFinding("declared-stopped-but-open", "warning", { owner: a.label, node: a.node, status: a.status }, where));
      } else if (localhostOnly(a, o)) {
        mismatch = true;
        findings.push(makeFinding("service-localhost-only", "error", { owner: a.label, node: a.node, port: a.port, addresses: o.addresses }, where));
      }
    }
    return {
      service: a.service.name,
      label: a.label,
      environment: a.environment ?? null,
      port: a.port,
      node: a.node,
      host: o.host,
      declared: a.status,
      observed: o.observed,
      addresses: o.addresses,
      mismatch,
      ...(o.sample === undefined ? {} : { sample: o.sample }),
    };
  });
  return { rows, findings };
}
