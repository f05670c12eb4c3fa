import { diffHelp } from "../../words/help/diff-help.js";
import { defineCommand, required } from "../define-command.js";

export const diffCommand = defineCommand({
  name: "diff",
  help: diffHelp,
  arguments: { ref: required("<ref>") },
  options: {},
  examples: ["sparkport diff main", "sparkport diff HEAD~1 --json"],
  async run({ args }, deps) {
    const { diff } = await import("./diff.js");
    return diff({ ...(await deps.registry()), ref: args.ref, runner: await deps.runner() });
  },
  text: (result) => result.markdown,
});
