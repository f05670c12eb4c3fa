import { homedir } from "node:os";
import type { Command as Program, Option } from "commander";
import { completeLine, givenValue, type OptionShape, type ProgramShape } from "../commands/completion/complete-line.js";
import { valuesFrom } from "../commands/completion/registry-values.js";
import { setLanguage } from "../findings/language.js";
import type { RegistryData } from "../registry/schema.js";
import { chooseLanguage } from "./choose-language.js";
import { write } from "./output.js";
import { registryCache } from "./wiring.js";

function optionShape(option: Option): OptionShape {
  // `--protocol <tcp|udp>` names its values where commander has no choices.
  const listed = /<([^<>]+\|[^<>]+)>/.exec(option.flags)?.[1]?.split("|");
  return {
    names: [option.short, option.long].filter((name): name is string => name !== undefined),
    takesValue: option.required || option.optional,
    description: option.description,
    choices: option.argChoices ?? listed,
  };
}

/** What --help lists: the commands with their options, and the program's own. */
function programShape(program: Program): ProgramShape {
  const help = program.createHelp();
  const own = help.visibleOptions(program);
  return {
    commands: help.visibleCommands(program).map((c) => ({ name: c.name(), description: c.description(), options: help.visibleOptions(c).map(optionShape) })),
    options: own.map(optionShape),
    // After a command, the program's options but --version and --help (the command's own --help is in its list).
    globals: own.filter((o) => o.long !== "--version" && o.long !== "--help").map(optionShape),
  };
}

/** The registry the line names with -r, else the one a command would find; none when it cannot be read. */
async function registryOf(shape: ProgramShape, words: readonly string[]): Promise<RegistryData | undefined> {
  const [{ openRegistry }, { nodeFileSystem }, cache] = await Promise.all([
    import("../registry/open-registry.js"),
    import("../io/file-system.js"),
    registryCache(),
  ]);
  // The shell has not expanded a ~ it was given to complete.
  const named = givenValue(shape, words, "--registry")?.replace(/^~(?=$|\/)/, homedir());
  try {
    const found = await openRegistry({ registry: named, processEnv: process.env, cwd: process.cwd(), fs: nodeFileSystem, cache });
    return found.data;
  } catch {
    return undefined;
  }
}

/** One candidate a line, a description after a tab; `:files` alone when the shell should complete file names. */
function lines(candidates: readonly { value: string; description?: string | undefined }[]): string {
  // A name or label from the registry with a tab or a line break in it must not break the lines apart.
  const oneLine = (text: string): string => text.replace(/\s+/g, " ").trim();
  return candidates
    .filter((c) => c.value !== "" && !/\s/.test(c.value))
    .map((c) => (c.description === undefined || oneLine(c.description) === "" ? c.value : `${c.value}\t${oneLine(c.description)}`))
    .join("\n");
}

/**
 * Answers a completion script: `args` are the words typed after `sparkport`, the last one the word being completed.
 * Silent whatever happens: an error printed here would land in the user's command line.
 */
export async function complete(args: readonly string[], buildProgram: (commander: typeof import("commander")) => Program): Promise<void> {
  try {
    const words = args.slice(0, -1);
    const current = args.at(-1) ?? "";
    try {
      setLanguage(chooseLanguage(words, process.env, process.platform, () => Intl.DateTimeFormat().resolvedOptions().locale));
    } catch {
      // An unknown --lang: the descriptions stay in English.
    }
    const shape = programShape(buildProgram(await import("commander")));
    const found = await completeLine(shape, words, current, valuesFrom(() => registryOf(shape, words)));
    const text = found.files ? ":files" : lines(found.candidates);
    if (text !== "") write(`${text}\n`);
  } catch {
    process.exitCode = 1;
  }
}
