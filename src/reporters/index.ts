import { githubReporter } from "./github.js";
import { jsonReporter } from "./json.js";
import type { ReporterName } from "./names.js";
import type { Reporter } from "./report.js";
import { textReporter } from "./text.js";

export { isReporterName, REPORTER_NAMES, type ReporterName } from "./names.js";

export const reporters = {
  text: textReporter,
  json: jsonReporter,
  github: githubReporter,
} satisfies Record<ReporterName, Reporter>;
