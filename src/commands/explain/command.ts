import { explainHelp } from "../../words/help/explain-help.js";
import { defineCommand, optional } from "../define-command.js";
import type { CodeGroup } from "./code-table.js";

export const explainCommand = defineCommand({
  name: "explain",
  help: explainHelp,
  arguments: { code: optional("[code]") },
  options: {},
  examples: ["sparkport explain", "sparkport explain scan-files-disagree"],
  async run({ args }) {
    const { explainRules } = await import("./explain.js");
    return explainRules(args.code);
  },
  async text(result) {
    const [{ textTable }, { explainWords }] = await Promise.all([import("../../render/text-table.js"), import("../../words/explain-words.js")]);
    const w = explainWords();
    const groups: Record<CodeGroup, string> = w.groups;
    const rows = result.rules.map((r) => [r.code, w.severity[r.severity], r.explain]);
    // One table, so the columns line up across groups; a heading line before each group's first row.
    const lines = await textTable(w.header, rows);
    if (result.rules.length === 1) return `${lines.join("\n")}\n${w.printedBy(groups[result.rules[0]?.group ?? "registry"])}\n`;
    const out = [lines[0] ?? ""];
    let row = 1;
    for (const group of new Set(result.rules.map((r) => r.group))) {
      out.push("", `${groups[group]}:`);
      for (const r of result.rules.filter((x) => x.group === group)) out.push(lines[row++] ?? r.code);
    }
    return `${out.join("\n")}\n`;
  },
});
