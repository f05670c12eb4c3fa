import type { PathSegment } from "../../registry/yaml-source.js";
import { defineRule } from "../define-rule.js";

export const duplicateName = defineRule({
  name: "duplicate-name",
  codes: { "duplicate-name": "error" },
  check({ model, report }) {
    const byName = new Map<string, PathSegment[][]>();
    const add = (name: string, path: PathSegment[]): void => {
      const paths = byName.get(name);
      if (paths === undefined) byName.set(name, [path]);
      else paths.push(path);
    };
    model.data.services.forEach((s, i) => add(s.name, ["services", i]));
    (model.data.reservations ?? []).forEach((r, i) => add(r.name, ["reservations", i]));
    for (const [name, paths] of byName) {
      const [first, ...rest] = paths;
      if (first === undefined) continue;
      for (const path of rest) {
        report("duplicate-name", { name, count: paths.length }, { path: [...path, "name"], subjects: [path], related: [[...first, "name"]] });
      }
    }
  },
});
