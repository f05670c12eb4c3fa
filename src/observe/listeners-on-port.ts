import type { Listener } from "./listener.js";

/** The listeners on exactly `port`: 8000 never matches 18000 or 80001 (ports are compared as numbers, never as text). */
export function listenersOnPort(listeners: readonly Listener[], port: number): Listener[] {
  return listeners.filter((listener) => listener.port === port);
}
