import { defineCommand, optional } from "../define-command.js";

export const explainCommand = defineCommand({
  name: "explain",
  description: "list the lint rules, or explain one",
  arguments: { code: optional("[code]", "a rule code, such as outside-team-range") },
  options: {},
  examples: ["sparkport explain", "sparkport explain outside-team-range"],
  async run({ args }) {
    const { explainRules } = await import("./explain.js");
    return explainRules(args.code);
  },
  async text(result) {
    const { textTable } = await import("../../render/text-table.js");
    return `${textTable(["CODE", "SEVERITY", "WHAT IT CHECKS"], result.rules.map((r) => [r.code, r.severity, r.explain])).join("\n")}\n`;
  },
});
