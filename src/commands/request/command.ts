import { UsageError } from "../../findings/errors.js";
import { allocationInput, allocationOptions } from "../allocate/allocation-options.js";
import { defineCommand, flag, required, withDefault } from "../define-command.js";

export const requestCommand = defineCommand({
  name: "request",
  description: "the same checks as allocate; print the port request form as an issue body (writes nothing)",
  arguments: { service: required("<service>", "the service's name") },
  options: {
    ...allocationOptions,
    priority: withDefault("--priority <priority>", "high, medium or low", "medium"),
    gh: flag("--gh", "print a `gh issue create` command line instead"),
  },
  examples: ["sparkport request billing --team B --node macmini --note 'invoices API'", "sparkport request billing --team B --node macmini --gh | sh"],
  async run({ args, options }, deps) {
    const priority = options.priority === "high" || options.priority === "medium" || options.priority === "low" ? options.priority : undefined;
    if (priority === undefined) throw new UsageError(`--priority must be high, medium or low, got "${options.priority}"`);
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
