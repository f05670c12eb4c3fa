import { checkHelp } from "../../words/help/check-help.js";
import { defineCommand, optional, variadic } from "../define-command.js";

export const checkCommand = defineCommand({
  name: "check",
  help: checkHelp,
  arguments: { ports: variadic("[port...]") },
  options: {
    team: optional("--team <team>"),
    node: optional("--node <node>"),
    env: optional("--env <environment>"),
    service: optional("--service <name>"),
    protocol: optional("--protocol <tcp|udp>"),
  },
  examples: ["sparkport check 8002 8010-8012", "sparkport check --service fastapi.test"],
  async run({ args, options }, deps) {
    const { check } = await import("./check.js");
    return check({ ...(await deps.occupancy()), ports: args.ports, ...options });
  },
  text: async (result, { paint }) => (await import("./check-text.js")).renderCheckText(result, paint),
  findings: (result) => [...result.notes, ...result.checks.flatMap((c) => c.findings)],
});
