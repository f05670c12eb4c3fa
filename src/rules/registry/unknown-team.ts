import { didYouMean } from "../../util/did-you-mean.js";
import { defineRule } from "../define-rule.js";

export const unknownTeam = defineRule({
  name: "unknown-team",
  codes: { "unknown-team": "error" },
  check({ model, report }) {
    const known = Object.keys(model.data.teams);
    const refs = [
      ...model.data.services.map((s, i) => ({ owner: s.label ?? s.name, team: s.team, path: ["services", i] })),
      ...(model.data.reservations ?? []).map((r, i) => ({ owner: `reservation ${r.label ?? r.name}`, team: r.team, path: ["reservations", i] })),
      ...(model.data.sections ?? []).map((s, i) => ({ owner: `section ${s.id}`, team: s.team, path: ["sections", i] })),
    ];
    for (const ref of refs) {
      if (ref.team === undefined || Object.hasOwn(model.data.teams, ref.team)) continue;
      const suggestion = didYouMean(ref.team, known);
      const args = { owner: ref.owner, team: ref.team, known };
      report("unknown-team", suggestion === undefined ? args : { ...args, suggestion }, {
        path: [...ref.path, "team"],
        subjects: [ref.path],
      });
    }
  },
});
