import { catalogueEntryMatches } from "../../registry/catalogue.js";
import { groupBy } from "../../util/group-by.js";
import { defineRule } from "../define-rule.js";

/** A port that is some other tool's default; a tool on its own default is fine. */
export const wellKnownDefault = defineRule({
  name: "well-known-default",
  codes: { "well-known-default": "info" },
  exceptable: ["well-known-default"],
  check({ model, catalogue, report }) {
    const byPort = groupBy(catalogue.ports, (entry) => entry.port);
    for (const use of model.ports) {
      const entries = byPort.get(use.port);
      if (entries === undefined || entries.some((e) => catalogueEntryMatches(e, use.names))) continue;
      report("well-known-default", { owner: use.label, port: use.port, tools: entries.map((e) => e.tool) }, { path: use.path, subjects: [use.subject] });
    }
  },
});
