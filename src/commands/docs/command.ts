import { docsHelp } from "../../words/help/docs-help.js";
import { defineCommand, optional } from "../define-command.js";
import type { DocsResult } from "./docs.js";

async function writtenText(result: DocsResult): Promise<string> {
  const w = (await import("../../words/docs-words.js")).docsWords();
  const file = result.written ?? "";
  const blocks = result.blocks.map((b) => (b === "" ? w.wholeDocument : b)).join(", ");
  if (result.outcome === "created") return `${w.created(file)}\n`;
  if (result.outcome === "unchanged") return `${w.unchanged(file, blocks)}\n`;
  return `${w.wrote(file, blocks)}\n`;
}

export const docsCommand = defineCommand({
  name: "docs",
  help: docsHelp,
  arguments: {},
  options: { write: optional("-w, --write <file>") },
  examples: ["sparkport docs", "sparkport docs --lang ko --write docs/PORT_ALLOCATION.md"],
  async run({ options }, deps) {
    const { docs } = await import("./docs.js");
    return docs({ ...(await deps.registry()), write: options.write });
  },
  text: async (result) => (result.written === null ? result.markdown : { out: "", err: await writtenText(result) }),
});
