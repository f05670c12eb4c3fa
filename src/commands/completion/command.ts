import { completionHelp } from "../../words/help/completion-help.js";
import { defineCommand, required } from "../define-command.js";

export const completionCommand = defineCommand({
  name: "completion",
  help: completionHelp,
  arguments: { shellName: required("<shell>") },
  options: {},
  examples: ["sparkport completion zsh > ~/.zfunc/_sparkport", "sparkport completion fish > ~/.config/fish/completions/sparkport.fish"],
  async run({ args }) {
    const { completionScript } = await import("./completion-script.js");
    return completionScript(args.shellName);
  },
  text: (result) => result.script,
});
