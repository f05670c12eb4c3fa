import { PACKAGE_MANAGERS } from "../programs/command-wrappers.js";
import { locateProgram } from "../programs/locate-program.js";
import type { KnownProgram } from "../programs/server-programs.js";
import { locateMapped, plainMapped, type MappedText, type ResolvedFrom } from "../command-line/mapped-text.js";
import { portNumber } from "./port-number.js";
import { portsInValue } from "./ports-in-value.js";
import { splitCommandWords, type CommandWord } from "../command-line/split-command-line.js";
import type { PortReference, ReferenceKind, ReferenceRole } from "./port-reference.js";
import type { TextPosition } from "../util/text-position.js";

/** Offset and length of the port's digits in the command, or in the file for a mapped text. */
export interface CommandPort {
  offset: number;
  length: number;
  port: number;
  /** `next`, `vite`, `uvicorn`, `http.server`, `runserver`, `npm`, or `PORT=` for an env prefix. */
  program: string;
  host?: string;
  resolvedFrom?: ResolvedFrom;
}

interface ProgramFlags {
  port: readonly string[];
  host?: readonly string[];
  bind?: readonly string[];
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/;
const BIND = /^(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/)?(?:(\[[^\]]*\]|[^:]*):)?(\d{1,5})$/;
const PORT_FLAG: ProgramFlags = { port: ["--port"] };
const MAX_DEPTH = 2;

const unbracket = (host: string): string => host.replace(/^\[(.*)\]$/, "$1");

/** `-p 3000`, `--port=3000`, `-p=3000`, `-p3000`. */
function flagValue(words: readonly CommandWord[], i: number, flag: string): { word: CommandWord; index: number } | undefined {
  const text = words[i]?.text ?? "";
  const next = words[i + 1];
  if (text === flag) return next === undefined || next.text.startsWith("-") ? undefined : { word: next, index: 0 };
  const word = words[i];
  if (word === undefined) return undefined;
  if (text.startsWith(`${flag}=`)) return { word, index: flag.length + 1 };
  if (/^-[A-Za-z]$/.test(flag) && text.startsWith(flag) && /^\d+$/.test(text.slice(2))) return { word, index: 2 };
  return undefined;
}

/** `0.0.0.0:8000`, `[::]:8000`, `:8000`, `8000`, `tcp://localhost:3000`. */
function bindPort(text: string): { index: number; length: number; port: number; host?: string } | undefined {
  const match = BIND.exec(text);
  const digits = match?.[2];
  const port = digits === undefined ? undefined : portNumber(digits);
  if (port === undefined || digits === undefined) return undefined;
  const host = unbracket(match?.[1] ?? "");
  return { index: text.length - digits.length, length: digits.length, port, ...(host === "" ? {} : { host }) };
}

class Collector {
  readonly found: CommandPort[] = [];
  /** A set, so a line of thousands of ports is not checked in quadratic time. */
  private readonly seen = new Set<string>();

  add(word: CommandWord, index: number, length: number, port: number, program: string, host: string | undefined): void {
    const at = locateMapped(word, index, index + length);
    const key = `${at.offset} ${port}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.found.push({ offset: at.offset, length: at.length, port, program, ...(host === undefined ? {} : { host }), ...(at.resolvedFrom === undefined ? {} : { resolvedFrom: at.resolvedFrom }) });
  }

  assignment(word: CommandWord): void {
    const match = ASSIGNMENT.exec(word.text);
    if (match === null) return;
    const name = match[1] ?? "";
    for (const found of portsInValue(match[2] ?? "", name)) this.add(word, name.length + 1 + found.index, found.length, found.port, `${name}=`, found.host);
  }

  // After a package manager's `--` the rest goes to the script's program (`npm start -- -p 3001`). A loop, not recursion,
  // so thousands of `--` neither overflow the stack nor rescan the words.
  flags(words: readonly CommandWord[], from: number, program: string, flags: ProgramFlags): void {
    let start: number | undefined = from;
    let current = flags;
    while (start !== undefined) {
      start = this.flagsUntilDashes(words, start, program, current);
      current = { port: ["-p", "--port"] };
    }
  }

  /** Returns the index after a package manager's `--`, if one was met. */
  flagsUntilDashes(words: readonly CommandWord[], from: number, program: string, flags: ProgramFlags): number | undefined {
    let host: string | undefined;
    for (let i = from; flags.host !== undefined && i < words.length; i++) {
      for (const flag of flags.host) {
        const value = flagValue(words, i, flag);
        if (value !== undefined) host ??= unbracket(value.word.text.slice(value.index));
      }
    }
    for (let i = from; i < words.length; i++) {
      if (words[i]?.text === "--" && PACKAGE_MANAGERS.has(program)) return i + 1;
      for (const flag of new Set([...flags.port, ...PORT_FLAG.port])) {
        const value = flagValue(words, i, flag);
        const port = value === undefined ? undefined : portNumber(value.word.text.slice(value.index));
        if (value !== undefined && port !== undefined) this.add(value.word, value.index, value.word.text.length - value.index, port, program, host);
      }
      for (const flag of flags.bind ?? []) {
        const value = flagValue(words, i, flag);
        const bound = value === undefined ? undefined : bindPort(value.word.text.slice(value.index));
        if (value !== undefined && bound !== undefined) this.add(value.word, value.index + bound.index, bound.length, bound.port, program, bound.host ?? host);
      }
    }
    return undefined;
  }

  /** `python -m http.server [--bind ADDR] 8000`, `manage.py runserver [addr:]port`: the first positional argument. */
  portArgument(words: readonly CommandWord[], from: number, { id, program }: KnownProgram): void {
    let start = from;
    let label: string = id;
    if (program.subcommands !== undefined) {
      const at = words.findIndex((w, i) => i >= from && program.subcommands?.includes(w.text) === true);
      if (at < 0) return;
      start = at + 1;
      label = words[at]?.text ?? label;
    }
    const withValue = new Set([...(program.host ?? []), ...(program.flagsWithValue ?? [])]);
    let host: string | undefined;
    let argument: { word: CommandWord; index: number; length: number; port: number; host?: string } | undefined;
    for (let i = start; i < words.length; i++) {
      const word = words[i];
      if (word === undefined) break;
      for (const flag of program.host ?? []) {
        const value = flagValue(words, i, flag);
        if (value !== undefined) host = unbracket(value.word.text.slice(value.index));
      }
      if (withValue.has(word.text)) i++;
      else if (!word.text.startsWith("-") && argument === undefined) {
        const port = program.portArgument === "address" ? bindPort(word.text) : portOf(word.text);
        if (port === undefined) return;
        argument = { word, ...port };
      }
    }
    if (argument !== undefined) this.add(argument.word, argument.index, argument.length, argument.port, label, argument.host ?? host);
  }

  /** Env prefixes, wrappers, the program, and commands quoted inside it (`sh -c "..."`). */
  command(words: readonly CommandWord[], depth: number): void {
    const located = locateProgram(words.map((word) => word.text));
    const assignments = new Set(located.assignments.flatMap((i) => words[i] ?? []));
    if (located.name === "export") for (const word of words.slice(located.at + 1)) assignments.add(word);
    for (const word of assignments) this.assignment(word);
    const { name, known, from } = located;
    if (known?.program.portArgument !== undefined) this.portArgument(words, from, known);
    else if (name !== "" && name !== "export") this.flags(words, from, name, known?.program ?? PORT_FLAG);
    if (depth >= MAX_DEPTH) return;
    for (const word of words) {
      if (!word.quoted || !/\s/.test(word.text) || assignments.has(word)) continue;
      for (const inner of splitCommandWords(word, { script: true })) this.command(inner, depth + 1);
    }
  }
}

function portOf(text: string): { index: number; length: number; port: number } | undefined {
  const port = portNumber(text);
  return port === undefined ? undefined : { index: 0, length: text.length, port };
}

const byOffset = (found: CommandPort[]): CommandPort[] => found.sort((a, b) => a.offset - b.offset || a.port - b.port);

/** `--port N` counts for any program; `-p N` only for programs known to mean a port by it. */
export function portsInCommand(command: string | MappedText): CommandPort[] {
  const collector = new Collector();
  for (const words of splitCommandWords(typeof command === "string" ? plainMapped(command) : command, { script: true })) collector.command(words, 0);
  return byOffset(collector.found);
}

export function portsInArgv(words: readonly MappedText[]): CommandPort[] {
  const collector = new Collector();
  collector.command(words.map((w) => ({ ...w, quoted: true })), 0);
  return byOffset(collector.found);
}

export function commandReference(
  found: CommandPort,
  where: { file: string; position: TextPosition },
  what: { kind: ReferenceKind; key: string; text: string; role?: ReferenceRole },
): PortReference {
  return {
    file: where.file,
    ...where.position(found.offset),
    offset: found.offset,
    length: found.length,
    port: found.port,
    ...(found.host === undefined ? {} : { host: found.host }),
    kind: what.kind,
    key: what.key,
    text: what.text,
    program: found.program,
    ...(found.resolvedFrom === undefined ? {} : { resolvedFrom: found.resolvedFrom }),
    ...(what.role === undefined ? {} : { role: what.role }),
  };
}
