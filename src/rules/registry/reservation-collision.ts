import { defineRule } from "../define-rule.js";
import { groupBy } from "../../util/group-by.js";
import { subjectOf } from "./collision-groups.js";
import { transportOf } from "../../registry/model.js";

export const reservationCollision = defineRule({
  name: "reservation-collision",
  codes: { "reservation-collision": "error" },
  exceptable: ["reservation-collision"],
  check({ model, report }) {
    const byPort = groupBy(model.allocations, (a) => a.port);
    (model.data.reservations ?? []).forEach((r, index) => {
      // A reservation without a node holds its port on every node.
      const hits = (byPort.get(r.port) ?? []).filter(
        (a) => a.transport === transportOf(r.protocol) && (r.node === undefined || r.node === a.node),
      );
      if (hits.length === 0) return;
      report(
        "reservation-collision",
        { reservation: r.label ?? r.name, port: r.port, owners: hits.map((a) => `${a.label} on ${a.node}`) },
        { path: ["reservations", index, "port"], subjects: [["reservations", index], ...hits.map(subjectOf)], related: hits.map((a) => a.path) },
      );
    });
  },
});
