import { defineCommand, flag, required } from "../define-command.js";

export const setStatusCommand = defineCommand({
  name: "set-status",
  description: "update a service's declared status (service or service.env)",
  arguments: {
    target: required("<service>", "fastapi, or fastapi.test for one environment"),
    status: required("<status>", "running, stopped, in-development, reserved or planned"),
  },
  options: { dryRun: flag("--dry-run", "print the diff only") },
  examples: ["sparkport set-status fastapi running", "sparkport set-status fastapi.test stopped --dry-run"],
  async run({ args, options }, deps) {
    const { setStatus } = await import("./set-status.js");
    return setStatus({ ...(await deps.registry()), ...args, dryRun: options.dryRun });
  },
  async text(result, { paint, input }) {
    const { renderChange } = await import("../../render/change-text.js");
    const { changeWords } = await import("../../words/change-words.js");
    return renderChange(result.refusals, result.edit, changeWords().statusSet(input.args), paint);
  },
  findings: (result) => result.refusals,
});
