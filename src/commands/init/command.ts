import { defineCommand, flag, withDefault } from "../define-command.js";

export const initCommand = defineCommand({
  name: "init",
  description: "write a starter ports.yaml",
  arguments: { file: withDefault("[file]", "where to write it", "ports.yaml") },
  options: { force: flag("--force", "replace an existing file") },
  examples: ["sparkport init", "sparkport init infra/ports.yaml"],
  async run({ args, options }, deps) {
    const { init } = await import("./init.js");
    return init({ file: args.file, force: options.force, ...(await deps.files()) });
  },
  text: (result) => `${result.overwritten ? "replaced" : "created"} ${result.file}; edit it, then run \`sparkport lint\`\n`,
});
