import { defineCommand, optional, variadic } from "../define-command.js";

export const checkCommand = defineCommand({
  name: "check",
  description: "is this port allocated, in my team's range, free here and free on its node?",
  arguments: { ports: variadic("[port...]", "8002, :8002, host:8002, node:8002, a range 8000-8005 or a list 8002,8003 (default: --service's port)") },
  options: {
    team: optional("--team <team>", "your team: the port must lie in its ranges; next-free suggestions come from them"),
    node: optional("--node <node>", "the node to check (default: the node the port is allocated on, else this machine)"),
    env: optional("--env <environment>", "the environment you will run in, for next-free suggestions"),
    service: optional("--service <name>", "the service you are about to start (name or name.env): its own allocation is no conflict"),
    protocol: optional("--protocol <tcp|udp>", "the transport to check (default: the port's allocation, else tcp)"),
  },
  examples: ["sparkport check 8002 8010-8012", "sparkport check --service fastapi.test"],
  async run({ args, options }, deps) {
    const { check } = await import("./check.js");
    return check({ ...(await deps.occupancy()), ports: args.ports, ...options });
  },
  text: async (result, { paint }) => (await import("./check-text.js")).renderCheckText(result, paint),
  findings: (result) => [...result.notes, ...result.checks.flatMap((c) => c.findings)],
});
