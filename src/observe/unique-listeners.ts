import type { Listener } from "./listener.js";

/**
 * Drops rows that say the same thing twice: one process holding two descriptors of one socket (lsof lists
 * each), or Windows netstat repeating a UDP row per socket of one process. Different owners stay separate.
 */
export function uniqueListeners(listeners: readonly Listener[]): Listener[] {
  const seen = new Set<string>();
  return listeners.filter((listener) => {
    const key = [listener.protocol, listener.family, listener.address, listener.port, listener.pid ?? "", listener.command ?? ""].join("\u0000");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
