import { defineRule } from "../define-rule.js";
import { FIRST_UNPRIVILEGED_PORT, MIN_PORT } from "./port-limits.js";

export const privilegedPort = defineRule({
  name: "privileged-port",
  codes: { "privileged-port": "warning" },
  exceptable: ["privileged-port"],
  check({ model, report }) {
    for (const use of model.ports) {
      if (use.port < MIN_PORT || use.port >= FIRST_UNPRIVILEGED_PORT) continue;
      report("privileged-port", { owner: use.label, port: use.port }, { path: use.path, subjects: [use.subject] });
    }
  },
});
