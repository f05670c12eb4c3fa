import { initHelp } from "../../words/help/init-help.js";
import { defineCommand, flag, withDefault } from "../define-command.js";

export const initCommand = defineCommand({
  name: "init",
  help: initHelp,
  arguments: { file: withDefault("[file]", "ports.yaml") },
  options: {
    force: flag("--force"),
    fromScan: flag("--from-scan"),
    dryRun: flag("--dry-run"),
  },
  examples: ["sparkport init", "sparkport init --from-scan --dry-run"],
  async run({ args, options }, deps) {
    const { init } = await import("./init.js");
    return init({ file: args.file, ...options, ...(await deps.files()), runner: await deps.runner(), machine: deps.machine() });
  },
  text: async (result) => (await import("./init-text.js")).initText(result),
});
