import { waitHelp } from "../../words/help/wait-help.js";
import { runWords } from "../../words/run-words.js";
import { defineCommand, flag, variadic, withDefault } from "../define-command.js";

export const waitCommand = defineCommand({
  name: "wait",
  help: waitHelp,
  arguments: { targets: variadic("<target...>") },
  options: {
    timeout: withDefault("--timeout <duration>", "30s"),
    interval: withDefault("--interval <duration>", "250ms"),
    free: flag("--free"),
  },
  afterError: () => runWords().dashes("wait <service|node:port|host:port|URL...> [-- <command...>]"),
  examples: ["sparkport wait postgres redis -- uvicorn app.main:app", "sparkport wait http://localhost:8000/health --timeout 1m"],
  async run({ args, options, rest }, deps) {
    const { wait } = await import("./wait.js");
    // commander hands the words after -- to the last argument too.
    const targets = rest === undefined ? args.targets : args.targets.slice(0, Math.max(0, args.targets.length - rest.length));
    const start = await deps.foreground();
    return wait({ ...(await deps.occupancy()), ...options, targets, command: rest, baseEnv: deps.environment(), start });
  },
  text: async (result, { paint }) => (await import("./wait-text.js")).renderWaitText(result, paint),
});
