import { catalogueEntryMatches, type CatalogueEntry } from "../../registry/catalogue.js";
import { defineRule } from "../define-rule.js";

/** A port that is some other tool's default; a tool on its own default is fine. */
export const wellKnownDefault = defineRule({
  name: "well-known-default",
  codes: { "well-known-default": "info" },
  exceptable: ["well-known-default"],
  check({ model, catalogue, report }) {
    const byPort = new Map<number, CatalogueEntry[]>();
    for (const entry of catalogue.ports) {
      const list = byPort.get(entry.port);
      if (list === undefined) byPort.set(entry.port, [entry]);
      else list.push(entry);
    }
    for (const use of model.ports) {
      const entries = byPort.get(use.port);
      if (entries === undefined || entries.some((e) => catalogueEntryMatches(e, use.names))) continue;
      report("well-known-default", { owner: use.label, port: use.port, tools: entries.map((e) => e.tool) }, { path: use.path, subjects: [use.subject] });
    }
  },
});
