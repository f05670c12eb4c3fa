import { isIP } from "node:net";
import type { AddressReason } from "../../findings/messages.js";
import { defineRule } from "../define-rule.js";

function ipv4Reason(address: string): AddressReason | undefined {
  const octets = address.split(".").map(Number);
  const first = octets[0] ?? 0;
  if (octets.every((o) => o === 0)) return "unspecified";
  if (octets.every((o) => o === 255)) return "broadcast";
  if (first >= 224 && first <= 239) return "multicast";
  if (first >= 240) return "reserved";
  return undefined;
}

/** IPv6 in canonical form, IPv4 as inet_aton reads it. */
function urlHost(host: string): string | undefined {
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return undefined;
  }
}

/** getaddrinfo reads `0`, `224.1`, `4294967295`, `0xe0000001` and a trailing dot as inet_aton does. */
function numericIpv4(host: string): string | undefined {
  if (!/^[0-9a-fA-FxX.]+$/.test(host)) return undefined;
  const parsed = urlHost(host);
  return parsed !== undefined && isIP(parsed) === 4 ? parsed : undefined;
}

export function unusableAddressReason(address: string): AddressReason | undefined {
  const unbracketed = address.replace(/^\[|\]$/g, "");
  const family = isIP(unbracketed);
  if (family === 4) return ipv4Reason(unbracketed);
  if (family === 6) {
    const lower = unbracketed.toLowerCase();
    if (/^[0:]+$/.test(lower)) return "unspecified";
    if (lower.startsWith("ff")) return "multicast";
    // Canonical form: `::0.0.0.0` is `::`; an IPv4-mapped address connects to its IPv4 address, so the IPv4 rules apply.
    const canonical = urlHost(`[${lower.replace(/%.*$/, "")}]`)?.replace(/^\[|\]$/g, "");
    if (canonical === "::") return "unspecified";
    const mapped = canonical === undefined ? null : /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
    if (mapped !== null) {
      const high = Number.parseInt(mapped[1] ?? "0", 16);
      const low = Number.parseInt(mapped[2] ?? "0", 16);
      return ipv4Reason(`${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`);
    }
    return undefined;
  }
  if (!/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$/.test(address)) {
    return "not-a-host";
  }
  const numeric = numericIpv4(address);
  return numeric === undefined ? undefined : ipv4Reason(numeric);
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
