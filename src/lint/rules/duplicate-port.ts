import { defineRule } from "../define-rule.js";
import { collisionGroups, subjectOf } from "./collision-groups.js";

/** Two ports written in the file collide; derived ports are env-port-collision's. */
export const duplicatePort = defineRule({
  name: "duplicate-port",
  codes: { "duplicate-port": "error" },
  check({ model, report }) {
    for (const group of collisionGroups(model.allocations)) {
      if (group.some((a) => a.derived)) continue;
      const [first, ...rest] = group;
      if (first === undefined) continue;
      for (const other of rest) {
        report(
          "duplicate-port",
          { port: other.port, node: other.node, transport: other.transport, owners: group.map((a) => a.label) },
          { path: other.path, subjects: group.map(subjectOf), related: [first.path] },
        );
      }
    }
  },
});
