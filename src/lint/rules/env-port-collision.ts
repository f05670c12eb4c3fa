import { defineRule } from "../define-rule.js";
import { collisionGroups, subjectOf } from "./collision-groups.js";

export const envPortCollision = defineRule({
  name: "env-port-collision",
  codes: { "env-port-collision": "error" },
  check({ model, report }) {
    for (const group of collisionGroups(model.allocations)) {
      const derived = group.filter((a) => a.derived);
      if (derived.length === 0) continue;
      const others = group.filter((a) => !derived.includes(a));
      for (const allocation of derived) {
        report(
          "env-port-collision",
          { port: allocation.port, node: allocation.node, transport: allocation.transport, owners: group.map((a) => a.label) },
          { path: allocation.path, subjects: group.map(subjectOf), related: others.map((a) => a.path) },
        );
      }
    }
  },
});
