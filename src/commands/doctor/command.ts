import { defineCommand, optional } from "../define-command.js";
import type { DoctorResult } from "./doctor.js";

export const doctorCommand = defineCommand({
  name: "doctor",
  description: "diagnose a refused connection, EADDRINUSE or a localhost-only bind, and print the fix",
  arguments: { target: optional("[target]", "a service (fastapi, fastapi.test), a port, host:port, node:port or a URL") },
  options: {
    from: optional("--from <node>", "the node doctor runs from (default: this machine, matched by address)"),
    error: optional("--error <text>", "the error message, pasted as is (EADDRINUSE, Errno 98/48, WinError 10048, connection refused...)"),
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
