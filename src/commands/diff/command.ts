import { defineCommand, required } from "../define-command.js";

export const diffCommand = defineCommand({
  name: "diff",
  description: "what moved since a git ref, the files still using old ports, the teams to notify (Markdown)",
  arguments: { ref: required("<ref>", "a git ref, e.g. main or HEAD~1") },
  options: {},
  examples: ["sparkport diff main", "sparkport diff HEAD~1 --json"],
  async run({ args }, deps) {
    const { diff } = await import("./diff.js");
    return diff({ ...(await deps.registry()), ref: args.ref, runner: await deps.runner() });
  },
  text: (result) => result.markdown,
});
