import { ARGUMENT_VALUES, OPTION_VALUES, type ValueKind } from "./value-kinds.js";

/** An option as the program declares it. */
export interface OptionShape {
  /** `-r`, `--registry`. */
  readonly names: readonly string[];
  readonly takesValue: boolean;
  readonly description: string;
  /** The only values it takes (--format's, `<tcp|udp>`). */
  readonly choices: readonly string[] | undefined;
}

export interface CommandShape {
  readonly name: string;
  readonly description: string;
  readonly options: readonly OptionShape[];
}

/** The program's commands and options, as --help lists them. */
export interface ProgramShape {
  readonly commands: readonly CommandShape[];
  /** Before a command. */
  readonly options: readonly OptionShape[];
  /** After one, besides its own. */
  readonly globals: readonly OptionShape[];
}

export interface Candidate {
  readonly value: string;
  readonly description?: string | undefined;
}

/** The shell completes file names itself, or takes these. */
export type Completion = { readonly files: true } | { readonly files: false; readonly candidates: readonly Candidate[] };

/** Values of one kind (but files and commands): the registry's names, sparkport's own lists. */
export type ValuesOf = (kind: Exclude<ValueKind, "files" | "command">) => Promise<readonly Candidate[]>;

const FILES: Completion = { files: true };
const NOTHING: Completion = { files: false, candidates: [] };

interface Line {
  readonly named: boolean;
  readonly command: CommandShape | undefined;
  /** Arguments given after the command. */
  readonly positionals: number;
  readonly afterDashes: boolean;
  /** The option whose value the current word is. */
  readonly pending: OptionShape | undefined;
  /** The last value each option was given. */
  readonly given: ReadonlyMap<OptionShape, string>;
}

const optionsAt = (shape: ProgramShape, line: Pick<Line, "named" | "command">): readonly OptionShape[] =>
  line.named ? [...(line.command?.options ?? []), ...shape.globals] : shape.options;

/** `--team`, `--team=B`, `-r`, `-rFILE`: the option and the value written in the same word, if any. */
function optionIn(options: readonly OptionShape[], word: string): { option: OptionShape; inline: string | undefined } | undefined {
  const name = word.startsWith("--") ? word.split("=")[0] ?? word : word.slice(0, 2);
  const option = options.find((o) => o.names.includes(name));
  if (option === undefined) return undefined;
  const rest = word.slice(name.length);
  return { option, inline: rest === "" ? undefined : rest.replace(/^=/, "") };
}

/** The words before the current one, read as commander reads them. */
function readLine(shape: ProgramShape, words: readonly string[]): Line {
  let named = false;
  let command: CommandShape | undefined;
  let positionals = 0;
  let afterDashes = false;
  const given = new Map<OptionShape, string>();
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] ?? "";
    if (afterDashes) positionals += 1;
    else if (word === "--") afterDashes = true;
    else if (word.startsWith("-") && word !== "-") {
      const found = optionIn(optionsAt(shape, { named, command }), word);
      if (found === undefined || !found.option.takesValue) continue;
      if (found.inline !== undefined) {
        given.set(found.option, found.inline);
        continue;
      }
      // bash splits `--team=B` into `--team`, `=`, `B`.
      if (words[i + 1] === "=") i += 1;
      if (i + 1 >= words.length) return { named, command, positionals, afterDashes, pending: found.option, given };
      i += 1;
      given.set(found.option, words[i] ?? "");
    } else if (!named) {
      named = true;
      command = shape.commands.find((c) => c.name === word);
    } else positionals += 1;
  }
  return { named, command, positionals, afterDashes, pending: undefined, given };
}

/** The value an option was given on the line (the last, as commander keeps it): `-r FILE` for the registry. */
export function givenValue(shape: ProgramShape, words: readonly string[], name: string): string | undefined {
  for (const [option, value] of readLine(shape, words).given) if (option.names.includes(name)) return value;
  return undefined;
}

/** Those that begin as `current` does, letter case aside; a list after commas (`--env dev,te`) goes on from its last comma. */
function matching(candidates: readonly Candidate[], current: string, list: boolean): Candidate[] {
  const comma = list ? current.lastIndexOf(",") + 1 : 0;
  const head = current.slice(0, comma);
  const typed = current.slice(comma).toLowerCase();
  const taken = new Set(head.split(","));
  return candidates
    .filter((c) => c.value.toLowerCase().startsWith(typed) && !taken.has(c.value))
    .map((c) => (head === "" ? c : { ...c, value: head + c.value }));
}

async function valuesOfKind(kind: ValueKind, shape: ProgramShape, current: string, valuesOf: ValuesOf): Promise<Completion> {
  if (kind === "files") return FILES;
  const all = kind === "command" ? shape.commands.map((c) => ({ value: c.name, description: c.description })) : await valuesOf(kind);
  return { files: false, candidates: matching(all, current, kind === "environment") };
}

async function optionValues(option: OptionShape, current: string, prefix: string, shape: ProgramShape, valuesOf: ValuesOf): Promise<Completion> {
  const long = option.names.find((n) => n.startsWith("--")) ?? "";
  const kind = OPTION_VALUES[long];
  const found =
    option.choices !== undefined
      ? { files: false as const, candidates: matching(option.choices.map((value) => ({ value })), current, false) }
      : kind === undefined
        ? NOTHING
        : await valuesOfKind(kind, shape, current, valuesOf);
  return found.files || prefix === "" ? found : { files: false, candidates: found.candidates.map((c) => ({ ...c, value: prefix + c.value })) };
}

function optionNames(options: readonly OptionShape[], current: string): Completion {
  const all = options.flatMap((o) => o.names.map((value) => ({ value, description: o.description })));
  return { files: false, candidates: all.filter((c) => c.value.startsWith(current)) };
}

/**
 * What may come at the current word, given the words before it (both after `sparkport`): a command, an option of
 * the command or of every command, an option's value, or an argument of the command.
 */
export async function completeLine(shape: ProgramShape, words: readonly string[], current: string, valuesOf: ValuesOf): Promise<Completion> {
  const line = readLine(shape, words);
  if (line.pending !== undefined) return optionValues(line.pending, current, "", shape, valuesOf);
  if (line.afterDashes) return FILES;
  const options = optionsAt(shape, line);
  if (current.startsWith("--") && current.includes("=")) {
    const found = optionIn(options, current);
    const at = current.indexOf("=") + 1;
    return found?.option.takesValue === true ? optionValues(found.option, current.slice(at), current.slice(0, at), shape, valuesOf) : NOTHING;
  }
  if (current.startsWith("-")) return optionNames(options, current);
  if (!line.named) return valuesOfKind("command", shape, current, valuesOf);
  if (line.command === undefined) return NOTHING;
  const argumentsOf = ARGUMENT_VALUES[line.command.name];
  const kind = argumentsOf?.args[line.positionals] ?? argumentsOf?.rest;
  // Nothing to offer for the argument (a port, a new name): what may still be said is an option.
  if (kind === undefined) return current === "" ? optionNames(options, current) : NOTHING;
  return valuesOfKind(kind, shape, current, valuesOf);
}
