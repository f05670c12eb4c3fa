import { BROWSER_BAD_PORTS, OS_RESERVED_PORTS } from "../../registry/port-hazards.js";
import { defineRule } from "../define-rule.js";

/** Ports the node's OS listens on itself (macOS's AirPlay Receiver), and web ports browsers refuse to open. */
export const unsafePort = defineRule({
  name: "unsafe-port",
  codes: { "os-reserved-port": "warning", "browser-unsafe-port": "warning" },
  exceptable: ["os-reserved-port", "browser-unsafe-port"],
  check({ model, report }) {
    for (const use of model.ports) {
      const node = use.node === undefined ? undefined : model.data.nodes[use.node];
      const reserved = node === undefined ? undefined : OS_RESERVED_PORTS[node.os].find((r) => r.port === use.port);
      if (node !== undefined && reserved !== undefined) {
        const args = { owner: use.label, port: use.port, node: use.node ?? "", os: node.os, holder: reserved.holder };
        report("os-reserved-port", args, { path: use.path, subjects: [use.subject] });
      }
      if ((use.protocol === "http" || use.protocol === "https") && BROWSER_BAD_PORTS.has(use.port)) {
        report("browser-unsafe-port", { owner: use.label, port: use.port }, { path: use.path, subjects: [use.subject] });
      }
    }
  },
});
