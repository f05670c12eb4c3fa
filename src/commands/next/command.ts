import { UsageError } from "../../findings/errors.js";
import { defineCommand, optional, required, withDefault } from "../define-command.js";

export const nextCommand = defineCommand({
  name: "next",
  description: "the lowest free ports in a team's ranges: unallocated, free here, and not open on the node",
  arguments: {},
  options: {
    team: required("--team <team>", "the team whose ranges to search"),
    node: optional("--node <node>", "the node the port is for (default: this machine)"),
    env: optional("--env <environments>", "comma-separated environments the service runs in; base + each offset must be free"),
    count: withDefault("--count <n>", "how many ports", "1"),
  },
  examples: ["sparkport next --team B", "sparkport next --team B --env dev,test --count 3"],
  async run({ options }, deps) {
    if (!/^\d+$/.test(options.count)) throw new UsageError(`--count must be a whole number from 1 to 1000, got "${options.count}"`);
    const { next } = await import("./next.js");
    return next({ ...(await deps.occupancy()), ...options, count: Number(options.count) });
  },
  text: async (result, { input }) => (await import("./next-text.js")).renderNextText(result, Number(input.options.count)),
  findings: (result) => [...result.notes, ...result.findings],
});
