import { serveHelp } from "../../words/help/serve-help.js";
import { defineCommand, optional } from "../define-command.js";

export const serveCommand = defineCommand({
  name: "serve",
  help: serveHelp,
  arguments: {},
  options: { listen: optional("--listen <addr:port>") },
  examples: ["sparkport serve", "sparkport serve --listen 100.123.51.5:9097"],
  async run({ options }, deps) {
    const { serve } = await import("./serve.js");
    return serve({ ...(await deps.occupancy()), listen: options.listen, tell: (line) => deps.tell(line), stopped: () => deps.stopped() });
  },
  text: async (result) => (await import("./serve-text.js")).renderServeText(result),
});
