import { isIP } from "node:net";
import type { AddressReason } from "../../findings/messages.js";
import { defineRule } from "../define-rule.js";

/** Why an address cannot be a node's, or undefined when it can. */
export function unusableAddressReason(address: string): AddressReason | undefined {
  const unbracketed = address.replace(/^\[|\]$/g, "");
  const family = isIP(unbracketed);
  if (family === 4) {
    const octets = unbracketed.split(".").map(Number);
    const first = octets[0] ?? 0;
    if (octets.every((o) => o === 0)) return "unspecified";
    if (octets.every((o) => o === 255)) return "broadcast";
    if (first >= 224 && first <= 239) return "multicast";
    if (first >= 240) return "reserved";
    return undefined;
  }
  if (family === 6) {
    const lower = unbracketed.toLowerCase();
    if (/^[0:]+$/.test(lower)) return "unspecified";
    if (lower.startsWith("ff")) return "multicast";
    return undefined;
  }
  if (!/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$/.test(address)) {
    return "not-a-host";
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
