#!/usr/bin/env node
// The shell: the only module that reads argv, prints, and sets
// process.exitCode. It never calls process.exit, so piped output is not cut.
import { Chalk, type ChalkInstance } from "chalk";
import { Command, CommanderError, Option } from "commander";
import { docs } from "./commands/docs.js";
import { explain } from "./commands/explain.js";
import { init } from "./commands/init.js";
import { lint } from "./commands/lint.js";
import { list } from "./commands/list.js";
import { SparkportInputError, UsageError } from "./errors.js";
import { EXIT_USAGE } from "./findings/exit-code.js";
import { nodeFileSystem } from "./io/file-system.js";
import { packageVersion } from "./package-root.js";
import { renderListText } from "./render/list-text.js";
import { textTable } from "./render/text-table.js";
import { reporters, REPORTER_NAMES, isReporterName, type ReporterName } from "./reporters/index.js";

/** Exit code for a bug in sparkport itself (EX_SOFTWARE), distinct from 0/1/2. */
const EXIT_INTERNAL = 70;

function makePaint(stream: NodeJS.WriteStream): ChalkInstance {
  // NO_COLOR (https://no-color.org): any non-empty value turns colour off.
  if ((process.env.NO_COLOR ?? "") !== "") return new Chalk({ level: 0 });
  if ((process.env.FORCE_COLOR ?? "") !== "") return new Chalk();
  return new Chalk({ level: stream.isTTY ? new Chalk().level || 1 : 0 });
}

const stdoutPaint = makePaint(process.stdout);
const stderrPaint = makePaint(process.stderr);

function write(text: string): void {
  process.stdout.write(text);
}

function registryOptions(command: Command): { registry: string | undefined; processEnv: NodeJS.ProcessEnv; cwd: string; fs: typeof nodeFileSystem } {
  const globals = command.optsWithGlobals<{ registry?: string }>();
  return { registry: globals.registry, processEnv: process.env, cwd: process.cwd(), fs: nodeFileSystem };
}

/** Input problems are rendered by the chosen reporter, so JSON and CI output stay machine-readable. */
function reportInputError(error: SparkportInputError, format: ReporterName, command: string): void {
  const report = { command, version: packageVersion(), registry: null, findings: error.problems, excepted: [], exitCode: EXIT_USAGE };
  const text = reporters[format](report, { paint: format === "text" ? stderrPaint : stdoutPaint, explain: false });
  if (format === "text") process.stderr.write(text);
  else write(text);
  process.exitCode = EXIT_USAGE;
}

function buildProgram(): Command {
  const program = new Command("sparkport")
    .description("Port registry and conflict checker: one ports.yaml, checked in CI and on every machine.")
    .version(packageVersion(), "-V, --version")
    .option("-r, --registry <file>", "registry file (default: $SPARKPORT_REGISTRY, else the nearest ports.yaml upwards)")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ outputError: (text, out) => out(stderrPaint.red(text)) });

  program
    .command("lint")
    .description("check that the registry is valid and consistent")
    .addOption(new Option("-f, --format <format>", "output format").choices(REPORTER_NAMES).default("text"))
    .option("--strict", "treat warnings as errors")
    .option("--docs <file>", "also report when this Markdown file is out of date with the registry")
    .option("--explain", "show each rule's one-line explanation under its findings")
    .action(async (options: { format: string; strict?: boolean; docs?: string; explain?: boolean }, command: Command) => {
      const format = isReporterName(options.format) ? options.format : "text";
      try {
        const result = await lint({ ...registryOptions(command), strict: options.strict === true, docs: options.docs });
        const report = { command: "lint", version: packageVersion(), ...result };
        write(reporters[format](report, { paint: stdoutPaint, explain: options.explain === true }));
        process.exitCode = result.exitCode;
      } catch (error) {
        if (error instanceof SparkportInputError) reportInputError(error, format, "lint");
        else throw error;
      }
    });

  program
    .command("list")
    .description("print the allocation tables, grouped as the allocation document groups them")
    .option("--team <team>", "only this team's services")
    .option("--node <node>", "only services on this node")
    .option("--env <environment>", "only this environment's ports")
    .option("--json", "print JSON")
    .action(async (options: { team?: string; node?: string; env?: string; json?: boolean }, command: Command) => {
      const result = await list({ ...registryOptions(command), team: options.team, node: options.node, env: options.env });
      write(options.json === true ? `${JSON.stringify(result, null, 2)}\n` : renderListText(result, stdoutPaint));
    });

  program
    .command("docs")
    .description("render the allocation tables as Markdown")
    .option("-w, --write <file>", "write to this file instead of stdout")
    .action(async (options: { write?: string }, command: Command) => {
      const result = await docs({ ...registryOptions(command), write: options.write });
      if (result.written === null) write(result.markdown);
      else process.stderr.write(`wrote ${result.written}\n`);
    });

  program
    .command("init")
    .description("write a starter ports.yaml")
    .argument("[file]", "where to write it", "ports.yaml")
    .option("--force", "replace an existing file")
    .action(async (file: string, options: { force?: boolean }) => {
      const result = await init({ file, force: options.force === true, cwd: process.cwd(), fs: nodeFileSystem });
      write(`${result.overwritten ? "replaced" : "created"} ${result.file}; edit it, then run \`sparkport lint\`\n`);
    });

  program
    .command("explain")
    .description("list the lint rules, or explain one")
    .argument("[code]", "a rule code, such as outside-team-range")
    .action((code: string | undefined) => {
      const rows = explain(code).map((r) => [r.code, r.severity, r.explain]);
      write(`${textTable(["CODE", "SEVERITY", "WHAT IT CHECKS"], rows).join("\n")}\n`);
    });

  return program;
}

async function main(argv: readonly string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has printed its message; help and version are successes.
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
    } else if (error instanceof SparkportInputError) {
      reportInputError(error, "text", program.args[0] ?? "sparkport");
    } else if (error instanceof UsageError) {
      process.stderr.write(`${stderrPaint.red("sparkport:")} ${error.message}\n`);
      process.exitCode = EXIT_USAGE;
    } else {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`sparkport: internal error, please report it\n${detail}\n`);
      process.exitCode = EXIT_INTERNAL;
    }
  }
}

await main(process.argv);
