import { isIP } from "node:net";
import { defineRule } from "../define-rule.js";

/** Why an address cannot be a node's, or undefined when it can. */
export function unusableAddressReason(address: string): string | undefined {
  const unbracketed = address.replace(/^\[|\]$/g, "");
  const family = isIP(unbracketed);
  if (family === 4) {
    const octets = unbracketed.split(".").map(Number);
    const first = octets[0] ?? 0;
    if (octets.every((o) => o === 0)) return "the unspecified address (a bind address, not one to connect to)";
    if (octets.every((o) => o === 255)) return "the broadcast address";
    if (first >= 224 && first <= 239) return "a multicast address";
    if (first >= 240) return "a reserved address";
    return undefined;
  }
  if (family === 6) {
    const lower = unbracketed.toLowerCase();
    if (/^[0:]+$/.test(lower)) return "the unspecified address (a bind address, not one to connect to)";
    if (lower.startsWith("ff")) return "a multicast address";
    return undefined;
  }
  if (!/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$/.test(address)) {
    return "neither an IP address nor a valid host name";
  }
  return undefined;
}

export const invalidNodeAddress = defineRule({
  name: "invalid-node-address",
  codes: { "invalid-node-address": "error" },
  check({ model, report }) {
    for (const [name, node] of Object.entries(model.data.nodes)) {
      const reason = unusableAddressReason(node.address);
      if (reason === undefined) continue;
      report("invalid-node-address", { node: name, address: node.address, reason }, { path: ["nodes", name, "address"], subjects: [["nodes", name]] });
    }
  },
});
