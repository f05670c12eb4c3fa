import { networkInterfaces } from "node:os";
import type { RegistryData } from "../registry/schema.js";

export interface LocalNode {
  node: string | undefined;
  how: "option" | "env" | "interface" | "none";
}

export function localAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .map((i) => i.address.replace(/%.*$/, ""));
}

/** --node, else SPARKPORT_NODE, else the node whose address (or Tailscale address) is one of this machine's. */
export function identifyLocalNode(
  data: RegistryData,
  options: { option?: string | undefined; env?: string | undefined; addresses: readonly string[]; resolved?: ReadonlyMap<string, readonly string[]> },
): LocalNode {
  if (options.option !== undefined) return { node: options.option, how: "option" };
  if (options.env !== undefined && options.env !== "") return { node: options.env, how: "env" };
  const mine = new Set(options.addresses.map((a) => a.toLowerCase()));
  for (const [name, node] of Object.entries(data.nodes)) {
    const candidates = [node.address, ...(options.resolved?.get(name) ?? [])];
    if (candidates.some((a) => mine.has(a.toLowerCase()))) return { node: name, how: "interface" };
  }
  return { node: undefined, how: "none" };
}
