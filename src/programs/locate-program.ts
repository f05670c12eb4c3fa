import { skipWrapper } from "./command-wrappers.js";
import { programName } from "./program-name.js";
import { programNamed, programOfModule, programTitled, type KnownProgram } from "./server-programs.js";

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** Interpreters whose script may be a server program (`node node_modules/next/dist/bin/next dev`). */
const SCRIPT_RUNNERS = new Set(["node", "nodejs", "bun", "deno", "ruby"]);
const SCRIPT_RUNNER_FLAGS_WITH_VALUE = new Set(["-r", "--require", "--import", "--loader"]);
const PYTHON_FLAGS_WITH_VALUE = new Set(["-X", "-W", "-Q"]);

export interface LocatedProgram {
  /** A known program's id, else the `python -m` module or the word's programName; "" for assignments only. */
  name: string;
  known?: KnownProgram;
  /** The module after `-m`, or the script an interpreter runs. */
  at: number;
  from: number;
  /** At every wrapper. */
  assignments: number[];
  /** The process shows a title instead of its arguments (`next-server (v14.2.3)`). */
  title: boolean;
}

type Found = Omit<LocatedProgram, "assignments">;

const found = (name: string, at: number, known?: KnownProgram, title = false): Found => ({
  name: known?.id ?? name,
  ...(known === undefined ? {} : { known }),
  at,
  from: at + 1,
  title,
});

function afterFlags(words: readonly string[], from: number, withValue: ReadonlySet<string>): number {
  let i = from;
  while ((words[i] ?? "").startsWith("-")) i += withValue.has(words[i] ?? "") ? 2 : 1;
  return i;
}

function knownAt(words: readonly string[], at: number): Found | undefined {
  const name = programName(words[at] ?? "");
  const known = programNamed(name, words, at);
  if (known !== undefined) return found(name, at, known);
  const titled = programTitled(name);
  return titled === undefined ? undefined : found(name, at, titled, true);
}

/** `python -c` and unknown scripts stay python. */
function afterPython(words: readonly string[], at: number): Found {
  for (let j = at + 1; j < words.length; j++) {
    const word = words[j] ?? "";
    if (word === "-m" || (word.startsWith("-m") && word.length > 2)) {
      const module = word === "-m" ? (words[j + 1] ?? "") : word.slice(2);
      return found(module, word === "-m" ? j + 1 : j, programOfModule(module));
    }
    if (word === "-c") break;
    if (PYTHON_FLAGS_WITH_VALUE.has(word)) j++;
    else if (!word.startsWith("-")) return knownAt(words, j) ?? found("python", at);
  }
  return found("python", at);
}

function programAt(words: readonly string[], at: number, name: string): Found {
  if (name === "python") return afterPython(words, at);
  const script = SCRIPT_RUNNERS.has(name) ? knownAt(words, afterFlags(words, at + 1, SCRIPT_RUNNER_FLAGS_WITH_VALUE)) : undefined;
  return script ?? knownAt(words, at) ?? found(name, at);
}

/** Past `NAME=value` prefixes, wrappers and interpreters: `env -u X cross-env A=1 vite`, `poetry run python -m uvicorn`. */
export function locateProgram(words: readonly string[]): LocatedProgram {
  const assignments: number[] = [];
  let i = 0;
  for (;;) {
    while (ASSIGNMENT.test(words[i] ?? "")) assignments.push(i++);
    const word = words[i];
    if (word === undefined) return { name: "", at: i, from: i, assignments, title: false };
    const name = programName(word);
    const next = skipWrapper(words, i, name);
    if (next === undefined) return { ...programAt(words, i, name), assignments };
    i = next;
  }
}
