import { nextHelp } from "../../words/help/next-help.js";
import { UsageError } from "../../findings/errors.js";
import { defineCommand, optional, required, withDefault } from "../define-command.js";
import { optionInputWords } from "../../words/option-input-words.js";

export const nextCommand = defineCommand({
  name: "next",
  help: nextHelp,
  arguments: {},
  options: {
    team: required("--team <team>"),
    node: optional("--node <node>"),
    env: optional("--env <environments>"),
    count: withDefault("--count <n>", "1"),
  },
  examples: ["sparkport next --team B", "sparkport next --team B --env dev,test --count 3"],
  async run({ options }, deps) {
    if (!/^\d+$/.test(options.count)) throw new UsageError(optionInputWords().count(`"${options.count}"`));
    const { next } = await import("./next.js");
    return next({ ...(await deps.occupancy()), ...options, count: Number(options.count) });
  },
  text: async (result, { input }) => (await import("./next-text.js")).renderNextText(result, Number(input.options.count)),
  findings: (result) => [...result.notes, ...result.findings],
});
