import { defineRule } from "../define-rule.js";
import { collisionGroups, ownerNames, relatedPaths, subjectOf } from "./collision-groups.js";

/** One finding per port. */
export const envPortCollision = defineRule({
  name: "env-port-collision",
  codes: { "env-port-collision": "error" },
  exceptable: ["env-port-collision"],
  check({ model, report }) {
    for (const group of collisionGroups(model.allocations)) {
      const derived = group.find((a) => a.derived);
      if (derived === undefined) continue;
      report(
        "env-port-collision",
        { port: derived.port, node: derived.node, transport: derived.transport, owners: ownerNames(group) },
        { path: derived.path, subjects: group.map(subjectOf), related: relatedPaths(group.filter((a) => a !== derived)) },
      );
    }
  },
});
