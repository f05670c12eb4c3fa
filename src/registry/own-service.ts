import type { Allocation, RegistryModel } from "./model.js";

/** `sparkport serve`, `npx sparkport serve --listen ...`, `/usr/local/bin/sparkport serve`: a start command that runs serve. */
const RUNS_SERVE = /(?:^|[\s/\\])sparkport(?:\.cmd|\.exe)?\s+(?:-\S+(?:\s+[^-\s]\S*)?\s+)*serve(?:\s|$)/;

/** The registered port serve itself listens on by default: the service on `node` whose start command runs `sparkport serve`. */
export function ownService(model: RegistryModel, node: string): Allocation | undefined {
  return model.allocations.find((a) => a.node === node && a.transport === "tcp" && a.start !== undefined && RUNS_SERVE.test(a.start));
}
