import type { Listener } from "./listener.js";

export function listenersOnPort(listeners: readonly Listener[], port: number): Listener[] {
  return listeners.filter((listener) => listener.port === port);
}
