import { listenerFamilies } from "../observe/listener-families.js";
import { listenersOnPort } from "../observe/listeners-on-port.js";
import { registryCandidates } from "../observe/registry-verdict.js";
import { localVerdict } from "../observe/local-verdict.js";
import type { ProbeState } from "../observe/tcp-prober.js";
import type { RegistryModel, Transport } from "../registry/model.js";
import type { NetworkContext } from "./network-context.js";

export interface NextFreeQuery {
  team: string;
  /** Local checks run when it is this machine. */
  node: string | null;
  /** Comma-separated environments; each offset must be free too. */
  env?: string | undefined;
  count: number;
  /** tcp unless given. */
  transport?: Transport | undefined;
  /** The port the suggestion replaces: its range is searched first. */
  near?: number | undefined;
  /** Skip ports the node could not be asked about, rather than return them marked (a suggestion must be certain). */
  verifiedOnly?: boolean;
}

export interface FreePort {
  port: number;
  /** The node's answer when it was no refusal (filtered, unreachable, ...): not known to be free. */
  unverified?: ProbeState;
}

const BATCH = 32;

/** Every service holds its base port, so offset 0 is always among them. */
export function offsetsFor(model: RegistryModel, env: string | undefined): number[] {
  if (env === undefined) return [0];
  return [...new Set([0, ...env.split(",").map((e) => model.data.environments[e.trim()]?.offset ?? 0)])];
}

/** Only a refusal proves a remote port free; an answer proves it busy; anything else leaves it unknown. */
const DEFINITE: readonly ProbeState[] = ["open", "closed"];

/** Ports held here: a failed bind is confirmed (retried while no listener shows), as `check` confirms it. */
async function heldHere(ports: readonly number[], network: NetworkContext, transport: Transport): Promise<Set<number>> {
  const busy = new Set<number>();
  const table = network.local.socketTable;
  // Each port once: two bind tests of one port at once would see each other as the holder.
  const candidates = [...new Set(ports)];
  const binds = await Promise.all(candidates.map((port) => network.local.bindTest(port, network.ownAddresses, transport)));
  // The table after the binds (their sockets would read as held).
  const unproven: number[] = [];
  const refused: number[] = [];
  candidates.forEach((port, i) => {
    const results = binds[i] ?? [];
    if (results.some((b) => b.state !== "free" && b.state !== "absent")) refused.push(port);
    else if (listenerFamilies(table, results)?.length !== 0) unproven.push(port);
  });
  if (unproven.length > 0) {
    const snapshot = await table.snapshot({ protocol: transport, ports: unproven });
    for (const port of unproven) {
      if (listenersOnPort(snapshot.listeners, port).length > 0) busy.add(port);
      else if (snapshot.excluded.some((r) => port >= r.from && port <= r.to)) busy.add(port);
    }
  }
  for (const port of refused) {
    const verdict = await localVerdict(port, network.local, network.ownAddresses, transport);
    if (verdict.held || verdict.excluded !== null || verdict.binds.some((b) => b.state === "denied" || b.state === "error")) busy.add(port);
  }
  return busy;
}

/**
 * Free in the registry (env-derived ports counted), no poor choice on the node's OS, held by nothing here when the node is this machine, refused on the
 * node otherwise. A port the node did not answer for is marked unverified (or skipped with verifiedOnly); once a
 * whole batch goes unanswered the node cannot be asked, and the search stops.
 */
export async function findNextFree(model: RegistryModel, query: NextFreeQuery, network: NetworkContext): Promise<FreePort[]> {
  const offsets = offsetsFor(model, query.env);
  const transport = query.transport ?? "tcp";
  const isLocal = query.node === null || query.node === network.thisNode;
  const found: FreePort[] = [];
  // With several environments each set is disjoint from the others: dev=8002 test=8003, then dev=8004 test=8005.
  const claimed = new Set<number>();
  let batch: number[] = [];
  let unanswered = false;
  const flush = async (): Promise<void> => {
    const ports = batch.flatMap((p) => offsets.map((o) => p + o));
    let busy = new Set<number>();
    const unknown = new Map<number, ProbeState>();
    if (isLocal) {
      busy = await heldHere(ports, network, transport);
    } else if (network.remote && query.node !== null) {
      const host = network.hostOf(query.node);
      const results = await Promise.all(ports.map((p) => network.probe(host, p, undefined, transport)));
      results.forEach((r, i) => {
        const port = ports[i] ?? 0;
        if (r.state === "open") busy.add(port);
        else if (!DEFINITE.includes(r.state)) unknown.set(port, r.state);
      });
      unanswered = results.every((r) => !DEFINITE.includes(r.state));
    }
    for (const p of batch) {
      if (found.length >= query.count || offsets.some((o) => busy.has(p + o) || claimed.has(p + o))) continue;
      const unverified = offsets.map((o) => unknown.get(p + o)).find((state) => state !== undefined);
      if (unverified !== undefined && query.verifiedOnly === true) continue;
      found.push(unverified === undefined ? { port: p } : { port: p, unverified });
      for (const o of offsets) claimed.add(p + o);
    }
    batch = [];
  };
  const os = query.node === null ? undefined : model.data.nodes[query.node]?.os;
  for (const candidate of registryCandidates(model, query.team, offsets, { near: query.near, os })) {
    batch.push(candidate);
    if (batch.length === Math.min(BATCH, query.count * 2)) await flush();
    if (found.length >= query.count || unanswered) break;
  }
  if (found.length < query.count && batch.length > 0 && !unanswered) await flush();
  return found;
}
