import { defineRule } from "../define-rule.js";

export const unknownSection = defineRule({
  name: "unknown-section",
  codes: { "unknown-section": "error" },
  check({ model, report }) {
    const known = (model.data.sections ?? []).map((s) => s.id);
    model.data.services.forEach((service, index) => {
      if (service.section === undefined || known.includes(service.section)) return;
      report(
        "unknown-section",
        { owner: service.label ?? service.name, section: service.section, known },
        { path: ["services", index, "section"], subjects: [["services", index]] },
      );
    });
  },
});
