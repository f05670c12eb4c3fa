import { defineCommand, flag, required } from "../define-command.js";

export const releaseCommand = defineCommand({
  name: "release",
  description: "remove a service's allocation, or a reservation, from ports.yaml",
  arguments: { service: required("<service>", "the service or reservation") },
  options: {
    force: flag("--force", "also a locked (shared infrastructure) service"),
    dryRun: flag("--dry-run", "print the diff only"),
  },
  examples: ["sparkport release billing --dry-run"],
  async run({ args, options }, deps) {
    const { release } = await import("./release.js");
    return release({ ...(await deps.registry()), service: args.service, ...options });
  },
  async text(result, { paint, input }) {
    const { renderChange } = await import("../../render/change-text.js");
    const { changeWords } = await import("../../words/change-words.js");
    return renderChange(result.refusals, result.edit, changeWords().released(input.args.service), paint);
  },
  findings: (result) => result.refusals,
});
