import type { RegistryData } from "../registry/schema.js";

type Nodes = RegistryData["nodes"];

/** Node names, like host names, are case-insensitive: `MACMINI` is node macmini, never a name to look up. */
export function nodeNamed(nodes: Nodes, name: string): string | null {
  if (Object.hasOwn(nodes, name)) return name;
  const folded = name.toLowerCase();
  return Object.keys(nodes).find((n) => n.toLowerCase() === folded) ?? null;
}

/** The node a host names: its name, address or Tailscale name. */
export function nodeByHost(nodes: Nodes, host: string): string | null {
  const folded = host.toLowerCase();
  const byAddress = Object.entries(nodes).find(([, n]) => n.address.toLowerCase() === folded || n.tailscale?.toLowerCase() === folded);
  return nodeNamed(nodes, host) ?? byAddress?.[0] ?? null;
}
