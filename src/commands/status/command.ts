import { statusHelp } from "../../words/help/status-help.js";
import { UsageError } from "../../findings/errors.js";
import { defineCommand, optional, serviceFilters } from "../define-command.js";
import { optionInputWords } from "../../words/option-input-words.js";

export const statusCommand = defineCommand({
  name: "status",
  help: statusHelp,
  arguments: {},
  options: {
    ...serviceFilters,
    concurrency: optional("--concurrency <n>"),
  },
  examples: ["sparkport status", "sparkport status --node macmini --json"],
  async run({ options }, deps) {
    // Decimal digits only: Number() would take 0x10 and 1e9.
    if (options.concurrency !== undefined && !/^0*[1-9]\d*$/.test(options.concurrency)) {
      throw new UsageError(optionInputWords().concurrency(options.concurrency));
    }
    const [{ status }, { concurrencyCap, defaultConcurrency }] = await Promise.all([import("./status.js"), import("../../observe/probe-many.js")]);
    const concurrency = Math.min(options.concurrency === undefined ? defaultConcurrency() : Number(options.concurrency), concurrencyCap());
    return status({ ...(await deps.occupancy({ leanHeap: true })), team: options.team, node: options.node, concurrency });
  },
  text: async (result, { paint }) => (await import("./status-text.js")).renderStatusText(result, paint),
  findings: (result) => [...result.notes, ...result.findings],
});
