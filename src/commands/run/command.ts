import { runHelp } from "../../words/help/run-help.js";
import { runWords } from "../../words/run-words.js";
import { defineCommand, optional, required, variadic } from "../define-command.js";

export const runCommand = defineCommand({
  name: "run",
  help: runHelp,
  arguments: { target: required("<service>"), command: variadic("[command...]") },
  options: {
    envName: optional("--env-name <name>"),
    inject: optional("--inject <env|flag>"),
    host: optional("--host <address>"),
  },
  afterError: () => runWords().dashes("run <service>[.<env>] -- <command...>"),
  examples: ["sparkport run nextjs -- next dev", "sparkport run fastapi.test --inject flag -- uvicorn app.main:app"],
  async run({ args, options }, deps) {
    const { run } = await import("./run.js");
    const start = await deps.foreground();
    return run({ ...(await deps.occupancy()), ...options, target: args.target, command: args.command, baseEnv: deps.environment(), start });
  },
  text: async (result, { paint }) => (await import("./run-text.js")).renderRunText(result, paint),
  findings: (result) => (result.outcome === "refused" ? [...result.check.notes, ...result.check.checks.flatMap((c) => c.findings)] : []),
});
