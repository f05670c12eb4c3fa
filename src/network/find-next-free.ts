import { listenerFamilies } from "../observe/listener-families.js";
import { listenersOnPort } from "../observe/listeners-on-port.js";
import { registryCandidates } from "../observe/registry-verdict.js";
import type { RegistryModel } from "../registry/model.js";
import type { NetworkContext } from "./network-context.js";

export interface NextFreeQuery {
  team: string;
  /** Local checks run when it is this machine. */
  node: string | null;
  /** Comma-separated environments; each offset must be free too. */
  env?: string | undefined;
  count: number;
}

const BATCH = 32;

/** Every service holds its base port, so offset 0 is always among them. */
export function offsetsFor(model: RegistryModel, env: string | undefined): number[] {
  if (env === undefined) return [0];
  return [...new Set([0, ...env.split(",").map((e) => model.data.environments[e.trim()]?.offset ?? 0)])];
}

/** Free in the registry (env-derived ports counted), held by nothing here when the node is this machine, closed on the node. */
export async function findNextFree(model: RegistryModel, query: NextFreeQuery, network: NetworkContext): Promise<number[]> {
  const offsets = offsetsFor(model, query.env);
  const isLocal = query.node === null || query.node === network.thisNode;
  const found: number[] = [];
  let batch: number[] = [];
  const flush = async (): Promise<void> => {
    const ports = batch.flatMap((p) => offsets.map((o) => p + o));
    const busy = new Set<number>();
    if (isLocal) {
      const table = network.local.socketTable;
      // Each port once: two bind tests of one port at once would see each other as the holder.
      const candidates = [...new Set(ports)];
      const binds = await Promise.all(candidates.map((port) => network.local.bindTest(port, network.ownAddresses)));
      // The table after the binds (their sockets would read as held).
      const unproven: number[] = [];
      candidates.forEach((port, i) => {
        const results = binds[i] ?? [];
        if (results.some((b) => b.state !== "free" && b.state !== "absent")) busy.add(port);
        else if (listenerFamilies(table, results)?.length !== 0) unproven.push(port);
      });
      if (unproven.length > 0) {
        const snapshot = await table.snapshot({ protocol: "tcp", ports: unproven });
        for (const port of unproven) {
          if (listenersOnPort(snapshot.listeners, port).length > 0) busy.add(port);
          else if (snapshot.excluded.some((r) => port >= r.from && port <= r.to)) busy.add(port);
        }
      }
    } else if (network.remote && query.node !== null) {
      const host = network.hostOf(query.node);
      const results = await Promise.all(ports.map((p) => network.probe(host, p)));
      results.forEach((r, i) => {
        if (r.state === "open") busy.add(ports[i] ?? 0);
      });
    }
    for (const p of batch) if (found.length < query.count && offsets.every((o) => !busy.has(p + o))) found.push(p);
    batch = [];
  };
  for (const candidate of registryCandidates(model, query.team, offsets)) {
    batch.push(candidate);
    if (batch.length === Math.min(BATCH, query.count * 2)) await flush();
    if (found.length >= query.count) break;
  }
  if (found.length < query.count && batch.length > 0) await flush();
  return found;
}
