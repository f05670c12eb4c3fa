import type { Finding } from "../findings/finding.js";
import type { Paint } from "../render/paint.js";
import type { ReporterName } from "../reporters/names.js";
import type { CommandDeps } from "./command-deps.js";

// A command is data the shell declares to commander, a run, and the text of its result. The table
// of them loads at every start, so run and text import() their modules when they are called.

/** An option or argument as commander declares it, and how its parsed value becomes a typed one. */
export interface ParamSpec<V> {
  /** `--team <team>`, `--no-scan`, `<port...>`, `[file]`. */
  readonly syntax: string;
  readonly description: string;
  readonly default?: string;
  /** An option that must be given (commander's requiredOption). */
  readonly mandatory?: boolean;
  readonly read: (raw: unknown) => V;
}

type Specs = Readonly<Record<string, ParamSpec<unknown>>>;

export type Values<S extends Specs> = { [K in keyof S]: S[K] extends ParamSpec<infer V> ? V : never };

const text = (raw: unknown): string | undefined => (typeof raw === "string" ? raw : undefined);

/** A switch: true when given. */
export const flag = (syntax: string, description: string): ParamSpec<boolean> => ({ syntax, description, read: (raw) => raw === true });

/** `--no-x`: true unless given. */
export const unlessNo = (syntax: string, description: string): ParamSpec<boolean> => ({ syntax, description, read: (raw) => raw !== false });

/** An option or argument taking a value, undefined when not given. */
export const optional = (syntax: string, description: string): ParamSpec<string | undefined> => ({ syntax, description, read: text });

/** A value with a default, which --help shows. */
export const withDefault = (syntax: string, description: string, fallback: string): ParamSpec<string> => ({
  syntax,
  description,
  default: fallback,
  read: (raw) => text(raw) ?? fallback,
});

/** An option that must be given, or a `<required>` argument. */
export const required = (syntax: string, description: string): ParamSpec<string> => ({ syntax, description, mandatory: true, read: (raw) => text(raw) ?? "" });

/** A variadic argument, `<port...>`. */
export const variadic = (syntax: string, description: string): ParamSpec<string[]> => ({
  syntax,
  description,
  read: (raw) => (Array.isArray(raw) ? raw.filter((r): r is string => typeof r === "string") : []),
});

export interface CommandInput<A extends Specs, O extends Specs> {
  readonly args: Values<A>;
  readonly options: Values<O>;
}

/** Text for stdout, or text for each stream (stderr first). */
export type TextOutput = string | { readonly out: string; readonly err: string };

export interface TextContext {
  readonly paint: Paint;
  /** The command line after `sparkport`, as given (`request --gh` repeats it). */
  readonly argv: readonly string[];
}

export interface CommandDefinition<A extends Specs, O extends Specs, R> {
  readonly name: string;
  readonly description: string;
  /** Positional arguments, in order. */
  readonly arguments: A;
  readonly options: O;
  /** One or two command lines for --help. */
  readonly examples: readonly string[];
  readonly run: (input: CommandInput<A, O>, deps: CommandDeps) => Promise<R>;
  readonly text: (result: R, context: TextContext & { readonly input: CommandInput<A, O> }) => TextOutput | Promise<TextOutput>;
  /** What --format json prints, when not the result itself. */
  readonly json?: (result: R) => unknown;
  /** The located findings --format github annotates; a command without them has no github format. */
  readonly findings?: (result: R) => readonly Finding[];
}

/** A run's result, bound to its renderings: what the shell prints in the format asked for. */
export interface Answer {
  /** The result's own exit code, else 0. */
  readonly exitCode: number;
  text(context: TextContext): Promise<TextOutput>;
  json(): Promise<unknown>;
  findings(): readonly Finding[];
}

/** What commander parsed: arguments in order, options by their key in the definition. */
export interface RawInput {
  readonly args: readonly unknown[];
  readonly options: Readonly<Record<string, unknown>>;
}

/** A command with its types closed over, so the table can hold them all. */
export interface Command {
  readonly name: string;
  readonly description: string;
  readonly arguments: readonly ParamSpec<unknown>[];
  readonly options: readonly (readonly [key: string, spec: ParamSpec<unknown>])[];
  readonly examples: readonly string[];
  readonly formats: readonly ReporterName[];
  answer(raw: RawInput, deps: CommandDeps): Promise<Answer>;
}

function read<S extends Specs>(specs: S, raw: (key: string, index: number) => unknown): Values<S> {
  return Object.fromEntries(Object.entries(specs).map(([key, spec], index) => [key, spec.read(raw(key, index))])) as Values<S>;
}

const exitCodeOf = (result: unknown): number =>
  typeof result === "object" && result !== null && "exitCode" in result && typeof result.exitCode === "number" ? result.exitCode : 0;

export function defineCommand<A extends Specs, O extends Specs, R>(definition: CommandDefinition<A, O, R>): Command {
  const { json, findings } = definition;
  return {
    name: definition.name,
    description: definition.description,
    arguments: Object.values(definition.arguments),
    options: Object.entries(definition.options),
    examples: definition.examples,
    formats: findings === undefined ? ["text", "json"] : ["text", "json", "github"],
    async answer(raw, deps) {
      const input = { args: read(definition.arguments, (_, i) => raw.args[i]), options: read(definition.options, (key) => raw.options[key]) };
      const result = await definition.run(input, deps);
      return {
        exitCode: exitCodeOf(result),
        text: async (context) => definition.text(result, { ...context, input }),
        json: async () => (json === undefined ? result : json(result)),
        findings: () => findings?.(result) ?? [],
      };
    },
  };
}

/** The filters of the commands that list services (list, status). */
export const serviceFilters = {
  team: optional("--team <team>", "only this team's services"),
  node: optional("--node <node>", "only services on this node"),
};
