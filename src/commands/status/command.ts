import { UsageError } from "../../findings/errors.js";
import { defineCommand, optional, serviceFilters } from "../define-command.js";

export const statusCommand = defineCommand({
  name: "status",
  description: "probe every registered service on its node; declared against observed",
  arguments: {},
  options: {
    ...serviceFilters,
    concurrency: optional("--concurrency <n>", "sockets open at once (default: from the open-file limit)"),
  },
  examples: ["sparkport status", "sparkport status --node macmini --json"],
  async run({ options }, deps) {
    const [{ status }, { defaultConcurrency }] = await Promise.all([import("./status.js"), import("../../observe/probe-many.js")]);
    const concurrency = options.concurrency === undefined ? defaultConcurrency() : Number(options.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency must be a whole number of 1 or more, got ${options.concurrency ?? ""}`);
    const progress = deps.progress();
    const occupancy = await deps.occupancy({ leanHeap: true });
    return status({ ...occupancy, team: options.team, node: options.node, concurrency, onProgress: progress.update }).finally(progress.done);
  },
  text: async (result, { paint }) => (await import("./status-text.js")).renderStatusText(result, paint),
  findings: (result) => [...result.notes, ...result.findings],
});
