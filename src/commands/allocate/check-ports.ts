import { makeFinding, type Finding } from "../../findings/finding.js";
import { localVerdict } from "../../observe/local-verdict.js";
import { localFindings } from "../../observe/local-findings.js";
import { placingRanges } from "../../observe/registry-verdict.js";
import type { ProbeState } from "../../observe/tcp-prober.js";
import type { NetworkContext } from "../../network/network-context.js";
import type { Allocation, RegistryModel, Transport } from "../../registry/model.js";
import type { Reservation } from "../../registry/schema.js";

/** One check allocate ran before writing: JSON's `checks`, the same in every language; the request form says it. */
export type AllocationCheck =
  | { check: "reservation"; name: string; port: number }
  | { check: "next-free"; team: string; port: number }
  | { check: "table"; ports: number[]; node: string; taken: boolean }
  | { check: "local"; node: string; port: number; held: boolean }
  | { check: "probe"; host: string; port: number; state: ProbeState }
  | { check: "not-probed"; node: string; port: number };

/** Ports a service is to take on a node, one per environment: what `allocate` and `move` check before writing. */
export interface PortsAsked {
  service: string;
  team: string;
  node: string;
  ports: Readonly<Record<string, number>>;
  transport: Transport;
  /** A port outside the team's ranges is allowed (an exception is or will be recorded). */
  outsideRangeAllowed: boolean;
  /** The reservation being taken over: its port is no refusal. */
  reservation?: Reservation | undefined;
  /** `move` asks: the fix texts say move's way out, not allocate's (leave out --port). */
  moving?: boolean;
  /** Allocations that give up their port in the same change (a move): theirs is no refusal. */
  leaving?: ((allocation: Allocation) => boolean) | undefined;
}

/**
 * The team's ranges, the table (allocated, locked, reserved), and the node: this machine's verdict when the node is
 * this one, a probe when it is another and remote probes are on. Every environment's port is probed at once: on a
 * node that drops packets, one timeout in all.
 */
export async function checkPorts(model: RegistryModel, network: NetworkContext, asked: PortsAsked): Promise<{ refusals: Finding[]; checks: AllocationCheck[] }> {
  const { data } = model;
  const { service, team, node, transport } = asked;
  const file = { file: model.registry.file };
  const refusals: Finding[] = [];
  const checks: AllocationCheck[] = [];
  const ranges = placingRanges(model, team);
  const moving = asked.moving === true ? { moving: true } : {};
  const reservedFor = (p: number) => (data.reservations ?? []).find((r) => r.port === p && (r.node === undefined || r.node === node) && r !== asked.reservation);

  for (const [env, p] of Object.entries(asked.ports)) {
    if (p < 1 || p > 65535) {
      refusals.push(makeFinding("port-out-of-range", "error", { owner: `${service} (${env})`, port: p }, file));
      continue;
    }
    if (!ranges.some((h) => p >= h.range.from && p <= h.range.to) && !asked.outsideRangeAllowed) {
      refusals.push(makeFinding("port-outside-team-range", "error", { port: p, team, ranges: ranges.map((h) => `${h.range.from}-${h.range.to}`) }, file));
    }
    const taken = model.allocations.find((a) => a.port === p && a.node === node && a.transport === transport && asked.leaving?.(a) !== true);
    if (taken !== undefined) {
      const args = { port: p, owner: taken.label, team: taken.service.team, node: taken.node };
      if (taken.service.locked === true) refusals.push(makeFinding("allocate-locked", "error", args, model.at(taken.path)));
      else refusals.push(makeFinding("port-allocated", "error", { ...args, allocating: true, ...moving }, model.at(taken.path)));
    }
    const reserved = reservedFor(p);
    if (reserved !== undefined) {
      const args = { port: p, reservation: reserved.label ?? reserved.name, name: reserved.name, priority: reserved.priority, service, ...moving };
      refusals.push(makeFinding("allocate-reserved", "error", args, file));
    }
  }
  const tableCodes = new Set(["port-allocated", "allocate-locked", "allocate-reserved"]);
  const inTable = refusals.some((f) => tableCodes.has(f.code));
  checks.push({ check: "table", ports: Object.values(asked.ports), node, taken: inTable });

  const inRange = Object.values(asked.ports).filter((p) => p >= 1 && p <= 65535);
  const remote = node !== network.thisNode && network.remote;
  const host = network.hostOf(node);
  const probes = remote ? await Promise.all(inRange.map((p) => network.probe(host, p, undefined, transport))) : [];
  for (const [i, p] of inRange.entries()) {
    const probe = probes[i];
    if (node === network.thisNode) {
      const local = await localVerdict(p, network.local, network.ownAddresses, transport);
      const found = localFindings(p, local, file);
      refusals.push(...found);
      checks.push({ check: "local", node, port: p, held: found.length > 0 });
    } else if (probe !== undefined) {
      if (probe.state === "open") refusals.push(makeFinding("port-open-on-node", "error", { port: p, node, host }, file));
      // Unknown is not free: only a refusal proves the port unused there.
      else if (probe.state !== "closed") refusals.push(makeFinding("port-unverified-on-node", "error", { port: p, node, state: probe.state }, file));
      checks.push({ check: "probe", host, port: p, state: probe.state });
    } else {
      checks.push({ check: "not-probed", node, port: p });
    }
  }
  return { refusals, checks };
}
