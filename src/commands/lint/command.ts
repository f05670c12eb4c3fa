import { lintHelp } from "../../words/help/lint-help.js";
import path from "node:path";
import { UsageError } from "../../findings/errors.js";
import { packageVersion } from "../../io/package-root.js";
import type { Report } from "../../reporters/report.js";
import { defineCommand, flag, optional, unlessNo } from "../define-command.js";
import type { LintResult } from "./lint.js";
import { optionInputWords } from "../../words/option-input-words.js";

/** A finding's path (relative to `cwd`) made relative to `root`; one outside `root` stays as it was. Here, not in a module of
 * its own: the table of commands loads this file at start-up. */
function relativeToRoot(file: string, cwd: string, root: string): string {
  const relative = path.relative(root, path.resolve(cwd, file));
  return relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? file : relative.split(path.sep).join("/");
}

const report = (result: LintResult): Report => ({ command: "lint", version: packageVersion(), ...result });

export const lintCommand = defineCommand({
  name: "lint",
  help: lintHelp,
  arguments: {},
  options: {
    strict: flag("--strict"),
    docs: optional("--docs <file>"),
    explain: flag("--explain"),
    scan: unlessNo("--no-scan"),
    base: optional("--base <ref>"),
    fix: flag("--fix"),
    write: flag("--write"),
  },
  examples: ["sparkport lint --strict", "sparkport lint --format github --base origin/main"],
  async run({ options }, deps) {
    if (options.write && !options.fix) throw new UsageError(optionInputWords().writeWithoutFix);
    const { lint } = await import("./lint.js");
    return lint({ ...(await deps.registry()), ...options, runner: await deps.runner() });
  },
  async text(result, { paint, input, verbose }) {
    const [{ textReporter }, { scanSummaryText }, { fixesText }] = await Promise.all([
      import("../../reporters/text.js"),
      import("./scan-summary-text.js"),
      import("./fixes-text.js"),
    ]);
    const scan = result.scan === null ? "" : scanSummaryText(result.scan, paint, verbose === true);
    return scan + fixesText(result.fixes, paint) + result.docsDiff + textReporter(report(result), { paint, explain: input.options.explain });
  },
  json: async (result) => (await import("../../reporters/json.js")).jsonReport(report(result)),
  // Annotations name files from the repository's root, wherever lint ran (GitHub resolves them from there).
  findings: (result) =>
    result.findings.map((f) => ({ ...f, location: { ...f.location, file: relativeToRoot(f.location.file, result.cwd, result.annotationRoot) } })),
});
