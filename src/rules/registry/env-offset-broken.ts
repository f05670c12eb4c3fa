import { defineRule } from "../define-rule.js";

export const envOffsetBroken = defineRule({
  name: "env-offset-broken",
  codes: { "env-offset-broken": "warning" },
  exceptable: ["env-offset-broken"],
  check({ model, report }) {
    model.data.services.forEach((service, index) => {
      for (const [name, override] of Object.entries(service.environments ?? {})) {
        const environment = model.data.environments[name];
        const port = override?.port;
        if (environment === undefined || port === undefined) continue;
        const expected = service.port + environment.offset;
        if (port === expected) continue;
        report(
          "env-offset-broken",
          { owner: `${service.label ?? service.name}`, environment: name, port, expected, offset: environment.offset },
          { path: ["services", index, "environments", name, "port"], subjects: [["services", index]] },
        );
      }
    });
  },
});
