import { requestHelp } from "../../words/help/request-help.js";
import { UsageError } from "../../findings/errors.js";
import { allocationInput, allocationOptions } from "../allocate/allocation-options.js";
import { defineCommand, flag, required, withDefault } from "../define-command.js";
import { optionInputWords } from "../../words/option-input-words.js";

export const requestCommand = defineCommand({
  name: "request",
  help: requestHelp,
  arguments: { service: required("<service>") },
  options: {
    ...allocationOptions,
    priority: withDefault("--priority <priority>", "medium"),
    gh: flag("--gh"),
  },
  examples: ["sparkport request billing --team B --node macmini --note 'invoices API'", "sparkport request billing --team B --node macmini --gh | sh"],
  async run({ args, options }, deps) {
    const priority = options.priority === "high" || options.priority === "medium" || options.priority === "low" ? options.priority : undefined;
    if (priority === undefined) throw new UsageError(optionInputWords().priority(options.priority));
    const { request } = await import("./request.js");
    return request({ ...(await allocationInput(args.service, options, deps)), priority });
  },
  async text(result, { input, argv }) {
    if (!input.options.gh) return result.body;
    const { ghCommand } = await import("../../render/change-text.js");
    return `${ghCommand(argv.filter((a) => a !== "--gh"), result.title)}\n`;
  },
  findings: (result) => result.refusals,
});
