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
    source: optional("--source <probe|prometheus>"),
    prometheusUrl: optional("--prometheus-url <url>"),
  },
  examples: ["sparkport status --node macmini --json", "sparkport status --source prometheus --prometheus-url http://127.0.0.1:9090"],
  async run({ options }, deps) {
    const { prometheusWords } = await import("../../words/prometheus-words.js");
    // Without --source, a --prometheus-url on the command line asks Prometheus; the environment's alone does not.
    const source = options.source ?? (options.prometheusUrl === undefined ? "probe" : "prometheus");
    if (source !== "probe" && source !== "prometheus") throw new UsageError(prometheusWords().badSource(source));
    if (source === "prometheus") {
      const env = deps.environment().SPARKPORT_PROMETHEUS_URL;
      const url = options.prometheusUrl ?? (env === "" ? undefined : env);
      if (url === undefined) throw new UsageError(prometheusWords().noUrl);
      const [{ maskSecrets }, { isLoopbackHost }] = await Promise.all([import("../../util/mask-secrets.js"), import("../../util/loopback.js")]);
      if (!/^https?:\/\/[^/\s]+/i.test(url) || !URL.canParse(url)) throw new UsageError(prometheusWords().badUrl(maskSecrets(url)));
      const [{ statusFromPrometheus }, occupancy] = await Promise.all([import("./status-prometheus.js"), deps.occupancy({ leanHeap: true })]);
      // Offline means nothing leaves this machine: a Prometheus elsewhere is refused, not asked.
      if (!occupancy.remote && !isLoopbackHost(new URL(url).hostname)) throw new UsageError(prometheusWords().offline(maskSecrets(url)));
      return statusFromPrometheus({ ...occupancy, prometheusUrl: url, team: options.team, node: options.node, localAddresses: occupancy.deps.localAddresses });
    }
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
