// sparkport as a library: every command returns a result object; nothing
// here prints or exits. The CLI (cli.ts) is a thin shell over these.
export { lint, type LintOptions, type LintResult, type RegistrySummary } from "./commands/lint.js";
export { list, listModel, type ListOptions, type ListResult, type ListRow } from "./commands/list.js";
export { docs, type DocsOptions, type DocsResult } from "./commands/docs.js";
export { init, type InitOptions, type InitResult } from "./commands/init.js";
export { explain, type RuleDescription } from "./commands/explain.js";
export { openRegistry, type RegistryOptions } from "./registry/open-registry.js";
export { SparkportInputError, UsageError } from "./findings/errors.js";
export { exitCodeFor, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "./findings/exit-code.js";
export type { Finding, Location, Severity } from "./findings/finding.js";
export { messages, type Code } from "./findings/messages.js";
export { nodeFileSystem, type FileSystem } from "./io/file-system.js";
export { loadRegistry } from "./registry/load.js";
export type { LoadedRegistry } from "./registry/loaded-registry.js";
export { parseRegistry } from "./registry/parse-registry.js";
export { buildModel, type Allocation, type RegistryModel } from "./registry/model.js";
export { registrySchema, type RegistryData, type Service } from "./registry/schema.js";
export { reporters, type ReporterName } from "./reporters/index.js";
export type { JsonReport } from "./reporters/json.js";
