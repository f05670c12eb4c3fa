import { defineCommand, flag, withDefault } from "../define-command.js";

export const initCommand = defineCommand({
  name: "init",
  description: "write a starter ports.yaml",
  arguments: { file: withDefault("[file]", "where to write it", "ports.yaml") },
  options: {
    force: flag("--force", "replace an existing file"),
    fromScan: flag("--from-scan", "propose a service for each port the project's files use (.env, compose, Dockerfile, scripts)"),
    dryRun: flag("--dry-run", "print the registry instead of writing it"),
  },
  examples: ["sparkport init", "sparkport init --from-scan --dry-run"],
  async run({ args, options }, deps) {
    const { init } = await import("./init.js");
    return init({ file: args.file, ...options, ...(await deps.files()), runner: await deps.runner(), machine: deps.machine() });
  },
  text: async (result) => (await import("./init-text.js")).initText(result),
});
