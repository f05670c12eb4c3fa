import { exportHelp } from "../../words/help/export-help.js";
import { defineCommand, optional, required, withDefault } from "../define-command.js";

export const exportCommand = defineCommand({
  name: "export",
  help: exportHelp,
  arguments: { target: required("<target>") },
  options: {
    // The command's own --format: the JSON Prometheus reads, in place of text or json (--json prints the same array).
    format: withDefault("-f, --format <file_sd|http_sd>", "file_sd"),
    write: optional("-w, --write <file>"),
  },
  examples: ["sparkport export prometheus", "sparkport export prometheus --write /etc/prometheus/sparkport.json"],
  async run({ args, options }, deps) {
    const { exportTargets } = await import("./export.js");
    return exportTargets({ ...(await deps.registry()), target: args.target, format: options.format, write: options.write });
  },
  text: async (result) => (await import("./export-text.js")).renderExportText(result),
  json: (result) => result.groups,
});
