import { listHelp } from "../../words/help/list-help.js";
import { defineCommand, optional, serviceFilters } from "../define-command.js";

export const listCommand = defineCommand({
  name: "list",
  help: listHelp,
  arguments: {},
  options: {
    ...serviceFilters,
    env: optional("--env <environment>"),
  },
  examples: ["sparkport list --team B", "sparkport list --node macmini --json"],
  async run({ options }, deps) {
    const { list } = await import("./list.js");
    return list({ ...(await deps.registry()), ...options });
  },
  text: async (result, { paint }) => (await import("./list-text.js")).renderListText(result, paint),
});
