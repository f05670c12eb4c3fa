import { defineCommand, optional } from "../define-command.js";

export const docsCommand = defineCommand({
  name: "docs",
  description: "render the allocation tables as Markdown",
  arguments: {},
  options: { write: optional("-w, --write <file>", "write to this file instead of stdout") },
  examples: ["sparkport docs", "sparkport docs --write docs/PORT_ALLOCATION.md"],
  async run({ options }, deps) {
    const { docs } = await import("./docs.js");
    return docs({ ...(await deps.registry()), write: options.write });
  },
  text: (result) => (result.written === null ? result.markdown : { out: "", err: `wrote ${result.written}\n` }),
});
