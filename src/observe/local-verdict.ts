import type { Transport } from "../registry/model.js";
import type { BindResult } from "./bind-test.js";
import { listenerFamilies } from "./listener-families.js";
import type { ExcludedRange, Listener, SocketSnapshot, SocketTable } from "./listener.js";
import { listenersOnPort } from "./listeners-on-port.js";
import { localWords } from "../words/local-words.js";

export interface Holder {
  pid: number | null;
  command: string | null;
  user: string | null;
  addresses: string[];
}

export interface LocalVerdict {
  held: boolean;
  holders: Holder[];
  binds: BindResult[];
  excluded: ExcludedRange | null;
  /** False when some owner could not be seen: "in use by an unknown process", never "free". */
  ownersComplete: boolean;
  source: string;
}

export interface LocalProbes {
  socketTable: SocketTable;
  bindTest: (port: number, extra: readonly string[], transport?: Transport) => Promise<BindResult[]>;
}

function groupHolders(listeners: readonly Listener[]): Holder[] {
  const byOwner = new Map<string, Holder>();
  for (const l of listeners) {
    const key = `${l.pid ?? "?"}\u0000${l.command ?? ""}`;
    const holder = byOwner.get(key) ?? { pid: l.pid ?? null, command: l.command ?? null, user: l.user ?? null, addresses: [] };
    if (!holder.addresses.includes(l.address)) holder.addresses.push(l.address);
    byOwner.set(key, holder);
  }
  return [...byOwner.values()];
}

/**
 * A failed bind or a listener may be another run's bind test, holding the port for an instant (12 `check`s at once),
 * often gone before its owner is looked up. A held port is looked at again after a random pause, and again while no
 * owner shows, before it is believed.
 */
const UNSEEN_HOLDER_RETRIES = 3;
// A bind test holds a port for about a millisecond: a few later it is gone, and a held check stays quick.
const retryPause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 8));

async function observeOnce(port: number, probes: LocalProbes, extraAddresses: readonly string[], transport: Transport) {
  // Bind first, then read: a table read during a bind test would name this very process as the holder.
  const binds = await probes.bindTest(port, extraAddresses, transport);
  const families = listenerFamilies(probes.socketTable, binds);
  const snapshot: SocketSnapshot =
    families?.length === 0
      ? { listeners: [], excluded: [], source: "bind test", ownersComplete: true }
      : await probes.socketTable.snapshot({ protocol: transport, ports: [port], ...(families !== undefined && { families }) });
  return { binds, snapshot, listeners: listenersOnPort(snapshot.listeners, port) };
}

/** The socket table names holders; the bind test is the ground truth (it also sees sockets whose owner the table cannot). */
export async function localVerdict(port: number, probes: LocalProbes, extraAddresses: readonly string[] = [], transport: Transport = "tcp"): Promise<LocalVerdict> {
  let seen = await observeOnce(port, probes, extraAddresses, transport);
  const held = (): boolean => seen.listeners.length > 0 || seen.binds.some((b) => b.state === "in-use");
  const unseen = (): boolean => held() && seen.listeners.every((l) => l.pid === undefined);
  for (let retry = 0; retry < UNSEEN_HOLDER_RETRIES && (retry === 0 ? held() : unseen()); retry += 1) {
    await retryPause();
    seen = await observeOnce(port, probes, extraAddresses, transport);
  }
  const { binds, snapshot, listeners } = seen;
  const excluded = snapshot.excluded.find((r) => port >= r.from && port <= r.to) ?? null;
  return { held: held(), holders: groupHolders(listeners), binds, excluded, ownersComplete: snapshot.ownersComplete, source: snapshot.source };
}

/** An address as a person reads it, in the run's language: what a wildcard covers. */
export function familyText(address: string): string {
  const { wildcard } = localWords();
  return address === "0.0.0.0" ? wildcard.ipv4 : address === "::" || address === "*" ? wildcard.ipv6 : address;
}

/** `node (PID 12, user kim)`, in the run's language. */
export const holderText = (holder: Holder): string => localWords().holder(holder);
