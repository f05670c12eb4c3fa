import type { Listener } from "./listener.js";

/** lsof lists each descriptor of one socket, and Windows netstat repeats a UDP row per socket: one row each. */
export function uniqueListeners(listeners: readonly Listener[]): Listener[] {
  const seen = new Set<string>();
  return listeners.filter((listener) => {
    const key = [listener.protocol, listener.family, listener.address, listener.port, listener.pid ?? "", listener.command ?? ""].join("\u0000");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
