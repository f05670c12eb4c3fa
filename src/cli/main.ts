#!/usr/bin/env node
// Only src/cli/ reads argv, prints and sets process.exitCode; never process.exit, so piped output is not cut.
import type { Command as Program } from "commander";
import { commands } from "../commands/index.js";
import type { Command } from "../commands/define-command.js";
import { SparkportInputError, UnfinishedError, UsageError } from "../findings/errors.js";
import { EXIT_INTERNAL, EXIT_UNFINISHED, EXIT_USAGE } from "../findings/exit-code.js";
import { packageVersion } from "../io/package-root.js";
import { noPaint } from "../render/paint.js";
import { isReporterName, type ReporterName } from "../reporters/names.js";
import { makePaint, setExitCode, watchOutput, write, writeAnswer, writeErrorText, writeInputError, type Paints } from "./output.js";
import { setLanguage } from "../findings/language.js";
import { widthFor } from "../render/display-width.js";
import type { WidthOf } from "../render/wrap-lines.js";
import { cliWords } from "../words/cli-words.js";
import { commanderWords } from "../words/commander-words.js";
import { programHelp } from "../words/help/program-help.js";
import { chooseLanguage } from "./choose-language.js";
import { commanderText } from "./commander-text.js";
import { localizedHelp } from "./localized-help.js";
import { progressLine } from "./progress-line.js";
import { realDeps } from "./wiring.js";

type Commander = typeof import("commander");

interface Output {
  format: ReporterName;
  /** Nothing printed but errors: the exit code is the answer. */
  quiet: boolean;
  verbose: boolean;
}

function outputOf(command: Program): Output {
  const { format, json, quiet, verbose } = command.optsWithGlobals<{ format: string; json?: boolean; quiet?: boolean; verbose?: boolean }>();
  if (json === true && command.getOptionValueSource("format") === "cli" && format !== "json") {
    throw new UsageError(cliWords().disagree("--json", `--format ${format}`));
  }
  const chosen = json === true ? "json" : isReporterName(format) ? format : "text";
  const asked = json === true ? "--json" : chosen !== "text" ? `--format ${chosen}` : verbose === true ? "--verbose" : undefined;
  if (quiet === true && asked !== undefined) throw new UsageError(cliWords().disagree("--quiet", asked));
  return { format: chosen, quiet: quiet === true, verbose: verbose === true };
}

async function run(command: Command, sub: Program, paints: Paints, widthOf: WidthOf, keys: readonly (readonly [string, string])[]): Promise<void> {
  const { format, quiet, verbose } = outputOf(sub);
  const parsed: Record<string, unknown> = sub.opts();
  // An option a command shares with the program (wait's --timeout) is parsed by the program: given there, it is the command's.
  const program = sub.parent;
  const given = (attribute: string): unknown =>
    sub.getOptionValueSource(attribute) !== "cli" && program?.getOptionValueSource(attribute) === "cli"
      ? program.opts<Record<string, unknown>>()[attribute]
      : parsed[attribute];
  const options = Object.fromEntries(keys.map(([key, attribute]) => [key, given(attribute)]));
  const argv = process.argv.slice(2);
  const dashes = argv.indexOf("--");
  const text = format === "text" && !quiet;
  // A person waiting at a terminal sees what the run waits on; a pipe, a file or JSON never gets the line.
  const progress = text && process.stderr.isTTY && process.env.TERM !== "dumb" ? progressLine(process.stderr, paints.err, widthOf) : undefined;
  // JSON always carries every note: it is data, not a reminder.
  const view = { progress: progress?.report, stopProgress: progress?.stop, onceADay: text && !verbose, announce: text };
  try {
    const answer = await command.answer({ args: sub.processedArgs, options, rest: dashes < 0 ? undefined : argv.slice(dashes + 1) }, realDeps(sub, paints, view)).finally(progress?.stop);
    if (!quiet) await writeAnswer(command.name, answer, format, paints, argv, verbose);
    setExitCode(answer.exitCode);
  } catch (error) {
    if (!(error instanceof SparkportInputError)) throw error;
    await writeInputError(error, format, command.name, paints);
    setExitCode(EXIT_USAGE);
  }
}

function declare({ Option }: Commander, program: Program, command: Command, paints: Paints, widthOf: WidthOf): void {
  const help = command.help();
  const words = programHelp();
  const sub = program.command(command.name).description(help.description);
  for (const [key, argument] of command.arguments) sub.argument(argument.syntax, help.arguments[key], argument.default);
  // commander's own usage line, its placeholder in the run's language.
  sub.usage([commanderWords().placeholders.options, ...command.arguments.map(([, argument]) => argument.syntax)].join(" "));
  // Options are handed to the command by the keys it declared them under, not commander's names.
  const keys = command.options.map(([key, spec]) => {
    const option = new Option(spec.syntax, help.options[key]);
    if (spec.default !== undefined) option.default(spec.default);
    if (spec.mandatory === true) option.makeOptionMandatory();
    sub.addOption(option);
    return [key, option.attributeName()] as const;
  });
  // A command may declare its own --format (export: the JSON Prometheus reads); --json still prints its JSON.
  if (!command.options.some(([, spec]) => /--format\b/.test(spec.syntax))) {
    sub.addOption(new Option("-f, --format <format>", words.options.format).choices(command.formats).default("text"));
  }
  sub
    .option("--json", words.options.json)
    .addHelpText("after", `\n${words.examples}\n${command.examples.map((e) => `  $ ${e}`).join("\n")}\n`)
    .action(() => run(command, sub, paints, widthOf, keys));
  if (command.afterError !== undefined) sub.showHelpAfterError(`${command.afterError()}\n${commanderWords().runWithHelp}`);
}

/** Built after the language is chosen: every description is read from the words tables of that language. */
function buildProgram(commander: Commander, paints: Paints, widthOf: WidthOf): Program {
  const { description, options } = programHelp();
  const said = commanderWords();
  const program = new commander.Command("sparkport")
    .description(description)
    .version(packageVersion(), "-V, --version", said.version)
    .helpOption("-h, --help", said.help)
    .helpCommand("help [command]", said.help)
    .usage(`${said.placeholders.options} ${said.placeholders.command}`)
    .option("-r, --registry <file>", options.registry)
    .option("--timeout <duration>", options.timeout, "1s")
    .option("--no-remote", options.remote)
    .option("--this-node <node>", options.thisNode)
    .option("--lang <language>", options.lang)
    .option("-v, --verbose", options.verbose)
    .option("-q, --quiet", options.quiet)
    .option("--no-color", options.color)
    // Seen while parsing, wherever it stands: even commander's own errors are then plain.
    .on("option:no-color", () => Object.assign(paints, { out: noPaint, err: noPaint }))
    // `sparkport -v` alone was most likely meant as the version: one line that says so, not all of the help.
    .addHelpText("before", ({ error, command }) => {
      if (error && command.opts<{ verbose?: boolean }>().verbose === true) {
        throw new UsageError(cliWords().verboseAlone);
      }
      return "";
    })
    .showHelpAfterError(said.runWithHelp)
    .configureHelp(localizedHelp(widthOf))
    .exitOverride()
    .configureOutput({ writeOut: write, writeErr: writeErrorText, outputError: (text, out) => out(paints.err.red(commanderText(text))) });
  for (const command of commands) declare(commander, program, command, paints, widthOf);
  return program;
}

async function main(argv: readonly string[]): Promise<void> {
  watchOutput();
  // `sparkport __complete WORDS... CURRENT`, run by the scripts of `sparkport completion`: hidden from --help.
  if (argv[2] === "__complete") {
    const { complete } = await import("./complete.js");
    await complete(argv.slice(3), (commander) => buildProgram(commander, { out: noPaint, err: noPaint }, (text) => text.length));
    return;
  }
  const [commander, out, err] = await Promise.all([import("commander"), makePaint(process.stdout), makePaint(process.stderr)]);
  const paints: Paints = { out, err };
  try {
    // Before the program is built: its help is written in the chosen language.
    setLanguage(chooseLanguage(argv.slice(2), process.env, process.platform, () => Intl.DateTimeFormat().resolvedOptions().locale));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    await writeErrorText(`${paints.err.red("sparkport:")} ${error.message}\n`);
    setExitCode(EXIT_USAGE);
    return;
  }
  // A run's words are all in one language: one of them says whether its help and progress line need string-width.
  const program = buildProgram(commander, paints, await widthFor([programHelp().description]));
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof commander.CommanderError) {
      // commander has printed its message; help and version are successes.
      setExitCode(error.exitCode === 0 ? 0 : EXIT_USAGE);
    } else if (error instanceof SparkportInputError) {
      await writeInputError(error, "text", program.args[0] ?? "sparkport", paints);
      setExitCode(EXIT_USAGE);
    } else if (error instanceof UsageError) {
      await writeErrorText(`${paints.err.red("sparkport:")} ${error.message}\n`);
      setExitCode(error instanceof UnfinishedError ? EXIT_UNFINISHED : EXIT_USAGE);
    } else {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`sparkport: ${cliWords().internalError}\n${detail}\n`);
      process.exitCode = EXIT_INTERNAL;
    }
  }
}

// Commander and chalk load in main(): dist/bin.cjs answers a lone --version before this bundle loads.
void main(process.argv);
