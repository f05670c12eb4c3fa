import { defineRule } from "../define-rule.js";
import { MAX_PORT, MIN_PORT } from "./port-limits.js";

export const invalidRange = defineRule({
  name: "invalid-range",
  codes: { "invalid-range": "error" },
  check({ model, report }) {
    for (const [team, t] of Object.entries(model.data.teams)) {
      t.ranges.forEach((r, i) => {
        if (r.from <= r.to && r.from >= MIN_PORT && r.to <= MAX_PORT) return;
        const path = ["teams", team, "ranges", i];
        report("invalid-range", { range: `${team}.${r.name}`, from: r.from, to: r.to }, { path, subjects: [path] });
      });
    }
  },
});
