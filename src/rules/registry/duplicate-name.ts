import type { PathSegment } from "../../registry/source-map.js";
import { groupBy } from "../../util/group-by.js";
import { defineRule } from "../define-rule.js";

export const duplicateName = defineRule({
  name: "duplicate-name",
  codes: { "duplicate-name": "error" },
  check({ model, report }) {
    const entries: { name: string; path: PathSegment[] }[] = [
      ...model.data.services.map((s, i) => ({ name: s.name, path: ["services", i] })),
      ...(model.data.reservations ?? []).map((r, i) => ({ name: r.name, path: ["reservations", i] })),
    ];
    for (const [name, group] of groupBy(entries, (e) => e.name)) {
      const paths = group.map((e) => e.path);
      const [first, ...rest] = paths;
      if (first === undefined) continue;
      for (const path of rest) {
        report("duplicate-name", { name, count: paths.length }, { path: [...path, "name"], subjects: [path], related: [[...first, "name"]] });
      }
    }
  },
});
