import { EPHEMERAL_RANGES } from "../../registry/ephemeral-ranges.js";
import { defineRule } from "../define-rule.js";

export const ephemeralPort = defineRule({
  name: "ephemeral-port",
  codes: { "ephemeral-port": "warning" },
  exceptable: ["ephemeral-port"],
  check({ model, report }) {
    for (const use of model.ports) {
      const node = use.node === undefined ? undefined : model.data.nodes[use.node];
      if (use.node === undefined || node === undefined) continue;
      const range = EPHEMERAL_RANGES[node.os];
      if (use.port < range.from || use.port > range.to) continue;
      report(
        "ephemeral-port",
        { owner: use.label, port: use.port, node: use.node, os: node.os, from: range.from, to: range.to },
        { path: use.path, subjects: [use.subject] },
      );
    }
  },
});
