import { moveHelp } from "../../words/help/move-help.js";
import { defineCommand, flag, required } from "../define-command.js";

export const moveCommand = defineCommand({
  name: "move",
  help: moveHelp,
  arguments: { target: required("<service>") },
  options: {
    port: required("--port <port>"),
    write: flag("--write"),
    force: flag("--force"),
  },
  examples: ["sparkport move fastapi --port 8002", "sparkport move fastapi.test --port 8005 --write"],
  async run({ args, options }, deps) {
    const { portOption } = await import("../../command-line/port-option.js");
    const port = portOption(options.port);
    const { move } = await import("./move.js");
    return move({ ...(await deps.occupancy()), target: args.target, port, write: options.write, force: options.force, runner: await deps.runner() });
  },
  async text(result, { paint, input }) {
    const { moveText } = await import("./move-text.js");
    return moveText(result, input.options.write, paint);
  },
  findings: (result) => result.plan.refusals,
});
