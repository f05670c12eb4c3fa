import { explainHelp } from "../../words/help/explain-help.js";
import { defineCommand, optional } from "../define-command.js";

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
    const [{ textTable }, { CODE_GROUPS }] = await Promise.all([import("../../render/text-table.js"), import("./code-table.js")]);
    const rows = result.rules.map((r) => [r.code, r.severity, r.explain]);
    if (result.rules.length === 1) return `${(await textTable(["CODE", "SEVERITY", "WHAT IT MEANS"], rows)).join("\n")}\nprinted by ${CODE_GROUPS[result.rules[0]?.group ?? "registry"]}\n`;
    const groups = [...new Set(result.rules.map((r) => r.group))];
    // One table, so the columns line up across groups; a heading line before each group's first row.
    const lines = await textTable(["CODE", "SEVERITY", "WHAT IT MEANS"], rows);
    const out = [lines[0] ?? ""];
    let row = 1;
    for (const group of groups) {
      out.push("", `${CODE_GROUPS[group]}:`);
      for (const r of result.rules.filter((x) => x.group === group)) out.push(lines[row++] ?? r.code);
    }
    return `${out.join("\n")}\n`;
  },
});
