import { doctorHelp } from "../../words/help/doctor-help.js";
import { defineCommand, optional } from "../define-command.js";
import type { DoctorResult } from "./doctor.js";

export const doctorCommand = defineCommand({
  name: "doctor",
  help: doctorHelp,
  arguments: { target: optional("[target]") },
  options: {
    from: optional("--from <node>"),
    error: optional("--error <text>"),
  },
  examples: ["sparkport doctor fastapi", 'sparkport doctor --error "OSError: [Errno 98] Address already in use" 8000'],
  async run({ args, options }, deps) {
    const { doctor } = await import("./doctor.js");
    const occupancy = await deps.occupancy();
    const doctorDeps = { ...occupancy.deps, ...(await deps.doctor(occupancy.deps.runner)) };
    return doctor({ ...occupancy, deps: doctorDeps, target: args.target, ...options });
  },
  text: async (result, { paint }) => (await import("./doctor-text.js")).renderDoctorText(result, paint),
  json: ({ observed: _, ...result }): DoctorResult => result,
  findings: (result) => [...result.notes, ...result.findings],
});
