import type { PortRange } from "../../registry/schema.js";
import { defineRule } from "../define-rule.js";

const inside = (port: number, range: PortRange): boolean => port >= range.from && port <= range.to;
const text = (range: PortRange): string => `${range.from}-${range.to}`;

/** Summary ranges only record what a document's summary said; a reservation without a team must lie in some team's range. */
export const outsideTeamRange = defineRule({
  name: "outside-team-range",
  codes: { "outside-team-range": "error", "outside-every-range": "error" },
  exceptable: ["outside-team-range", "outside-every-range"],
  check({ model, report }) {
    const teams = model.data.teams;
    const everyRange = Object.values(teams).flatMap((t) => t.ranges.filter((r) => r.summary !== true));
    for (const use of model.ports) {
      if (use.team === undefined) {
        if (!everyRange.some((r) => inside(use.port, r))) {
          report("outside-every-range", { owner: use.label, port: use.port }, { path: use.path, subjects: [use.subject] });
        }
        continue;
      }
      const team = teams[use.team];
      if (team === undefined) continue; // unknown-team reports it
      const placing = team.ranges.filter((r) => r.summary !== true);
      if (placing.some((r) => inside(use.port, r))) continue;
      report(
        "outside-team-range",
        { owner: use.label, port: use.port, team: use.team, ranges: placing.map(text) },
        { path: use.path, subjects: [use.subject] },
      );
    }
  },
});
