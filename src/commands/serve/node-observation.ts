import type { Listener, SocketTable } from "../../observe/listener.js";
import type { Allocation, RegistryModel } from "../../registry/model.js";
import { isLoopbackAddress } from "../../util/loopback.js";

/** Where a listener is bound: every address (a wildcard), loopback alone, or one of the node's own addresses. */
export type BindScope = "all" | "loopback" | "node-address";

export interface PortObservation {
  service: string;
  /** "" for a service in no declared environment, as export labels it. */
  environment: string;
  node: string;
  port: number;
  protocol: string;
  /** The registry's status, for the page. */
  status: string;
  listening: boolean;
  scopes: BindScope[];
  /** As the socket table names them; pid and program "" when the table cannot see the owner (another user's). */
  holders: { pid: string; program: string }[];
}

export interface NodeObservation {
  ports: PortObservation[];
  /** The socket table reads alone, both transports. */
  scanSeconds: number;
}

const SCOPE_ORDER: readonly BindScope[] = ["all", "loopback", "node-address"];

/** The node's registered address is its own even inside 127.0.0.0/8 (a test's or a container's node); other loopback is loopback. */
export function scopeOf(address: string, nodeAddress?: string): BindScope {
  if (address === "0.0.0.0" || address === "::" || address === "*") return "all";
  if (nodeAddress !== undefined && address.toLowerCase() === nodeAddress.toLowerCase()) return "node-address";
  return isLoopbackAddress(address) ? "loopback" : "node-address";
}

function observe(a: Allocation, listeners: readonly Listener[], nodeAddress: string | undefined): PortObservation {
  const on = listeners.filter((l) => l.port === a.port);
  const scopes = new Set(on.map((l) => scopeOf(l.address, nodeAddress)));
  const holders = new Map<string, { pid: string; program: string }>();
  for (const l of on) {
    const holder = { pid: l.pid === undefined ? "" : String(l.pid), program: l.command ?? "" };
    holders.set(`${holder.pid}\u0000${holder.program}`, holder);
  }
  return {
    service: a.service.name,
    environment: a.environment ?? "",
    node: a.node,
    port: a.port,
    protocol: a.protocol,
    status: a.status,
    listening: on.length > 0,
    scopes: SCOPE_ORDER.filter((s) => scopes.has(s)),
    holders: [...holders.values()],
  };
}

/**
 * Every port registered on `node`, as this machine's socket table shows it: one read per transport for all of them
 * (what check reads for one port), no bind test, so a scrape never holds a port a service is about to take.
 */
export async function observeNode(model: RegistryModel, node: string, table: SocketTable): Promise<NodeObservation> {
  const mine = model.allocations.filter((a) => a.node === node);
  const started = performance.now();
  const read = async (protocol: "tcp" | "udp"): Promise<Listener[]> => {
    const ports = mine.filter((a) => a.transport === protocol).map((a) => a.port);
    return ports.length === 0 ? [] : (await table.snapshot({ protocol, ports })).listeners;
  };
  const [tcp, udp] = await Promise.all([read("tcp"), read("udp")]);
  const scanSeconds = (performance.now() - started) / 1000;
  const address = model.data.nodes[node]?.address;
  return { ports: mine.map((a) => observe(a, a.transport === "udp" ? udp : tcp, address)), scanSeconds };
}
