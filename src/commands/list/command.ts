import { defineCommand, optional, serviceFilters } from "../define-command.js";

export const listCommand = defineCommand({
  name: "list",
  description: "print the allocation tables, grouped as the allocation document groups them",
  arguments: {},
  options: {
    ...serviceFilters,
    env: optional("--env <environment>", "only this environment's ports"),
  },
  examples: ["sparkport list --team B", "sparkport list --node macmini --json"],
  async run({ options }, deps) {
    const { list } = await import("./list.js");
    return list({ ...(await deps.registry()), ...options });
  },
  text: async (result, { paint }) => (await import("./list-text.js")).renderListText(result, paint),
});
