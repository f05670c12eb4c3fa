import { didYouMean } from "../../util/did-you-mean.js";
import { defineRule } from "../define-rule.js";

export const unknownEnvironment = defineRule({
  name: "unknown-environment",
  codes: { "unknown-environment": "error" },
  check({ model, report }) {
    const known = Object.keys(model.data.environments);
    model.data.services.forEach((service, index) => {
      for (const environment of Object.keys(service.environments ?? {})) {
        if (Object.hasOwn(model.data.environments, environment)) continue;
        const suggestion = didYouMean(environment, known);
        const args = { owner: service.label ?? service.name, environment, known };
        report("unknown-environment", suggestion === undefined ? args : { ...args, suggestion }, {
          path: ["services", index, "environments", environment],
          subjects: [["services", index]],
        });
      }
    });
  },
});
