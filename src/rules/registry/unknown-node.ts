import { didYouMean } from "../../util/did-you-mean.js";
import { defineRule } from "../define-rule.js";

export const unknownNode = defineRule({
  name: "unknown-node",
  codes: { "unknown-node": "error" },
  check({ model, report }) {
    const known = Object.keys(model.data.nodes);
    const refs = [
      ...model.data.services.map((s, i) => ({ owner: s.label ?? s.name, node: s.node, path: ["services", i] })),
      ...(model.data.reservations ?? []).map((r, i) => ({ owner: `reservation ${r.label ?? r.name}`, node: r.node, path: ["reservations", i] })),
    ];
    for (const ref of refs) {
      if (ref.node === undefined || Object.hasOwn(model.data.nodes, ref.node)) continue;
      const suggestion = didYouMean(ref.node, known);
      const args = { owner: ref.owner, node: ref.node, known };
      report("unknown-node", suggestion === undefined ? args : { ...args, suggestion }, {
        path: [...ref.path, "node"],
        subjects: [ref.path],
      });
    }
  },
});
