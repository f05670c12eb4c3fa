// Nothing here prints or exits: the CLI (src/cli/) is a thin shell over these.
export { lint, type LintOptions, type LintResult } from "./commands/lint/lint.js";
export { list, listModel, type ListOptions, type ListResult, type ListRow } from "./commands/list/list.js";
export { docs, type DocsOptions, type DocsResult } from "./commands/docs/docs.js";
export { init, type InitOptions, type InitResult } from "./commands/init/init.js";
export { explain, type ExplainResult, type RuleDescription } from "./commands/explain/explain.js";
// What each command's --json prints (lint's is JsonReport, as is any command's on bad input).
export type { CheckResult, PortCheck } from "./commands/check/check.js";
export type { NextResult } from "./commands/next/next.js";
export type { StatusResult, StatusRow } from "./commands/status/status.js";
export type { DoctorResult } from "./commands/doctor/doctor.js";
export type { AllocateResult, AllocationPlan } from "./commands/allocate/allocate.js";
export type { RequestResult } from "./commands/request/request.js";
export type { ChangeResult } from "./commands/release/release.js";
export type { DiffResult } from "./commands/diff/diff.js";
export type { RegistrySummary } from "./registry/registry-summary.js";
export { openRegistry, type RegistryOptions } from "./registry/open-registry.js";
export { SparkportInputError, UsageError } from "./findings/errors.js";
export { exitCodeFor, EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_UNFINISHED, EXIT_USAGE } from "./findings/exit-code.js";
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
