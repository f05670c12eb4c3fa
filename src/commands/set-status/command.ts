import { setStatusHelp } from "../../words/help/set-status-help.js";
import { defineCommand, flag, required } from "../define-command.js";

export const setStatusCommand = defineCommand({
  name: "set-status",
  help: setStatusHelp,
  arguments: {
    target: required("<service>"),
    status: required("<status>"),
  },
  options: { dryRun: flag("--dry-run") },
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
