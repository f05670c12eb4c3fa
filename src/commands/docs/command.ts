import { docsHelp } from "../../words/help/docs-help.js";
import { defineCommand, optional } from "../define-command.js";
import type { DocsResult } from "./docs.js";

const blockList = (blocks: readonly string[]): string => blocks.map((b) => (b === "" ? "document" : b)).join(", ");

function writtenText(result: DocsResult): string {
  if (result.outcome === "created") return `created ${result.written ?? ""} (the whole document, between sparkport markers)\n`;
  if (result.outcome === "unchanged") return `${result.written ?? ""} already matches the registry (${blockList(result.blocks)}); nothing was written\n`;
  return `wrote ${result.written ?? ""}: ${blockList(result.blocks)}\n`;
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
  text: (result) => (result.written === null ? result.markdown : { out: "", err: writtenText(result) }),
});
