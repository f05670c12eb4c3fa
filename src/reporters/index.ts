import { githubReporter } from "./github.js";
import { jsonReporter } from "./json.js";
import type { Reporter } from "./report.js";
import { textReporter } from "./text.js";

export const reporters = {
  text: textReporter,
  json: jsonReporter,
  github: githubReporter,
} satisfies Record<string, Reporter>;

export type ReporterName = keyof typeof reporters;


export function isReporterName(name: string): name is ReporterName {
  return Object.hasOwn(reporters, name);
}

export const REPORTER_NAMES: readonly ReporterName[] = Object.keys(reporters).filter(isReporterName);
