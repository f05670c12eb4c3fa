import { defineRule } from "../define-rule.js";
import { MAX_PORT, MIN_PORT } from "./port-limits.js";

export const portOutOfRange = defineRule({
  name: "port-out-of-range",
  codes: { "port-out-of-range": "error" },
  check({ model, report }) {
    for (const use of model.ports) {
      if (use.port >= MIN_PORT && use.port <= MAX_PORT) continue;
      report("port-out-of-range", { owner: use.label, port: use.port }, { path: use.path, subjects: [use.subject] });
    }
  },
});
