import { allocateHelp } from "../../words/help/allocate-help.js";
import { defineCommand, flag, required } from "../define-command.js";
import { allocationInput, allocationOptions } from "./allocation-options.js";

export const allocateCommand = defineCommand({
  name: "allocate",
  help: allocateHelp,
  arguments: { service: required("<service>") },
  options: { ...allocationOptions, dryRun: flag("--dry-run") },
  examples: ["sparkport allocate billing --team B --node macmini --env test --dry-run"],
  async run({ args, options }, deps) {
    const { allocate } = await import("./allocate.js");
    return allocate({ ...(await allocationInput(args.service, options, deps)), dryRun: options.dryRun });
  },
  async text(result, { paint, input }) {
    const { renderChange } = await import("../../render/change-text.js");
    const { changeWords } = await import("../../words/change-words.js");
    const done = changeWords().allocated({ service: input.args.service, ports: Object.entries(result.plan.ports), node: result.plan.node });
    return renderChange(result.plan.refusals, result.edit, done, paint);
  },
  findings: (result) => result.plan.refusals,
});
