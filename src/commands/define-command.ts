import type { Finding } from "../findings/finding.js";
import type { Paint } from "../render/paint.js";
import type { ReporterName } from "../reporters/names.js";
import type { CommandDeps } from "./command-deps.js";

// The command table loads at every start, so a command's run and text import() their modules only when called.

export interface ParamSpec<V> {
  readonly syntax: string;
  readonly default?: string;
  readonly mandatory?: boolean;
  readonly read: (raw: unknown) => V;
}

type Specs = Readonly<Record<string, ParamSpec<unknown>>>;

export type Values<S extends Specs> = { [K in keyof S]: S[K] extends ParamSpec<infer V> ? V : never };

const text = (raw: unknown): string | undefined => (typeof raw === "string" ? raw : undefined);

export const flag = (syntax: string): ParamSpec<boolean> => ({ syntax, read: (raw) => raw === true });

export const unlessNo = (syntax: string): ParamSpec<boolean> => ({ syntax, read: (raw) => raw !== false });

export const optional = (syntax: string): ParamSpec<string | undefined> => ({ syntax, read: text });

/** --help shows the default. */
export const withDefault = (syntax: string, fallback: string): ParamSpec<string> => ({ syntax, default: fallback, read: (raw) => text(raw) ?? fallback });

export const required = (syntax: string): ParamSpec<string> => ({ syntax, mandatory: true, read: (raw) => text(raw) ?? "" });

export const variadic = (syntax: string): ParamSpec<string[]> => ({
  syntax,
  read: (raw) => (Array.isArray(raw) ? raw.filter((r): r is string => typeof r === "string") : []),
});

/**
 * What --help says of a command and of each of its arguments and options, in the run's language: a twin under
 * src/words/help/, read when the program is built, after the language is chosen.
 */
export interface CommandHelp<A extends Specs = Specs, O extends Specs = Specs> {
  readonly description: string;
  readonly arguments: { readonly [K in keyof A]: string };
  readonly options: { readonly [K in keyof O]: string };
}

export interface CommandInput<A extends Specs, O extends Specs> {
  readonly args: Values<A>;
  readonly options: Values<O>;
  /** The words after `--`, undefined without one: `wait redis -- npm start`. */
  readonly rest: readonly string[] | undefined;
}

/** Text for stdout, or text for each stream. */
export type TextOutput = string | { readonly out: string; readonly err: string };

export interface TextContext {
  readonly paint: Paint;
  /** The command line after `sparkport`, as given (`request --gh` repeats it). */
  readonly argv: readonly string[];
  /** --verbose: list what a summary only counts. */
  readonly verbose?: boolean;
}

export interface CommandDefinition<A extends Specs, O extends Specs, R> {
  readonly name: string;
  readonly help: () => CommandHelp<A, O>;
  readonly arguments: A;
  readonly options: O;
  readonly examples: readonly string[];
  /** Said after commander's own error for this command (an unknown option), before the pointer to --help. */
  readonly afterError?: () => string;
  readonly run: (input: CommandInput<A, O>, deps: CommandDeps) => Promise<R>;
  readonly text: (result: R, context: TextContext & { readonly input: CommandInput<A, O> }) => TextOutput | Promise<TextOutput>;
  /** What --format json prints, when not the result itself. */
  readonly json?: (result: R) => unknown;
  /** A command without them has no github format. */
  readonly findings?: (result: R) => readonly Finding[];
}

export interface Answer {
  readonly exitCode: number;
  text(context: TextContext): Promise<TextOutput>;
  json(): Promise<unknown>;
  findings(): readonly Finding[];
}

export interface RawInput {
  readonly args: readonly unknown[];
  readonly options: Readonly<Record<string, unknown>>;
  readonly rest?: readonly string[] | undefined;
}

/** Types closed over, so one table holds every command. */
export interface Command {
  readonly name: string;
  readonly help: () => CommandHelp;
  readonly arguments: readonly (readonly [key: string, spec: ParamSpec<unknown>])[];
  readonly options: readonly (readonly [key: string, spec: ParamSpec<unknown>])[];
  readonly examples: readonly string[];
  readonly afterError?: (() => string) | undefined;
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
    help: definition.help,
    arguments: Object.entries(definition.arguments),
    options: Object.entries(definition.options),
    examples: definition.examples,
    afterError: definition.afterError,
    formats: findings === undefined ? ["text", "json"] : ["text", "json", "github"],
    async answer(raw, deps) {
      const input = { args: read(definition.arguments, (_, i) => raw.args[i]), options: read(definition.options, (key) => raw.options[key]), rest: raw.rest };
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

/** Their help: src/words/help/service-filters-help.ts. */
export const serviceFilters = { team: optional("--team <team>"), node: optional("--node <node>") };
