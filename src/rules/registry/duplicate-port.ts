import { defineRule } from "../define-rule.js";
import { collisionGroups, ownerNames, relatedPaths, subjectOf } from "./collision-groups.js";

/** One finding per port, whatever the number of owners. */
export const duplicatePort = defineRule({
  name: "duplicate-port",
  codes: { "duplicate-port": "error" },
  exceptable: ["duplicate-port"],
  check({ model, report }) {
    for (const group of collisionGroups(model.allocations)) {
      const written = group.filter((a) => !a.derived);
      const [first, second] = written;
      if (first === undefined || second === undefined) continue;
      report(
        "duplicate-port",
        { port: second.port, node: second.node, transport: second.transport, owners: ownerNames(written) },
        { path: second.path, subjects: written.map(subjectOf), related: relatedPaths([first, ...written.slice(2)]) },
      );
    }
  },
});
