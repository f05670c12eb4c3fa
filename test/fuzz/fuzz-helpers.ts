import { readdirSync } from "node:fs";
import fc from "fast-check";
import { OS_FIXTURES, osOutput } from "../helpers/os-fixtures.js";

// Shared pieces of the fuzz suite: run parameters (FC_SEED), generators of arbitrary and near-valid text, and the
// "throws only its own typed errors" check. fast-check prints the seed and the shrunk counterexample on failure;
// `FC_SEED=<seed> npx vitest run test/fuzz` replays a run.

// A fixed seed unless told otherwise: the suite gates every commit, so it must not turn red on a run that
// merely drew new input. FC_SEED=random explores (run it locally, keep what it finds as a regression case).
const DEFAULT_SEED = 20261126;
const seedText = process.env.FC_SEED ?? "";
const seed = seedText.trim() === "random" ? undefined : seedText.trim() === "" ? DEFAULT_SEED : Number(seedText);
if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", got ${JSON.stringify(seedText)}`);

/** Parameters for fc.assert: `numRuns`, and the seed (FC_SEED, "random", or the fixed default). */
export function runs(numRuns: number): { numRuns: number; seed?: number } {
  return seed === undefined ? { numRuns } : { numRuns, seed };
}

/**
 * Longest a single parse may take before it counts as a hang: generous, since the suite shares a
 * loaded machine; it is no speed target (those are in bench/). Growth is checked by growsLinearly.
 */
export const SLOW_MS = 5_000;

/**
 * How much longer `work(8n)` takes than `work(n)`, the best of five each, interleaved: about 8 for
 * linear work, 64 for quadratic. A ratio, not a time, so a slow or busy machine does not change it.
 */
export function growthOver8x(work: (n: number) => void, n: number): number {
  const best = [Infinity, Infinity];
  for (let round = 0; round < 5; round += 1) {
    [n, 8 * n].forEach((size, i) => {
      const started = performance.now();
      work(size);
      best[i] = Math.min(best[i] ?? Infinity, performance.now() - started);
    });
  }
  return (best[1] ?? 0) / Math.max(best[0] ?? 0, 0.001);
}

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Calls `parse` and returns its result, or undefined when it threw one of `allowed`. Anything else it throws
 * (TypeError, RangeError, a plain Error) is rethrown, so the property fails with it; so is a parse slower than
 * SLOW_MS.
 */
export function parsesOrThrowsTyped<T>(parse: () => T, allowed: readonly ErrorClass[] = []): T | undefined {
  const started = performance.now();
  try {
    return parse();
  } catch (error) {
    if (allowed.some((type) => error instanceof type)) return undefined;
    throw error;
  } finally {
    const ms = performance.now() - started;
    if (ms > SLOW_MS) throw new Error(`the parse took ${Math.round(ms)} ms`);
  }
}

/** True for an integer port 1-65535. */
export const isPort = (value: unknown): boolean => typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 65_535;

/** True for an integer 0-65535: a socket table's port field (the OS may show 0 for an unbound socket). */
export const isPortField = (value: unknown): boolean => typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 65_535;

/** Arbitrary text: ASCII, any UTF-16 code units (lone surrogates included), and whole graphemes. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 120 }),
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.string({ unit: fc.constantFrom(..." \t\r\n:[]%*\"'`\\,;/-=.0123456789${}()#@!|&<>~"), maxLength: 120 }),
);

/** Port-like text: valid ports, the edges, out of range, negative, huge, and numbers written in other ways. */
export const portText: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 1, max: 65_535 }).map(String),
  fc.constantFrom(
    "0",
    "1",
    "65535",
    "65536",
    "-1",
    "99999",
    "100000",
    "4294967296",
    "9007199254740993",
    "1e3",
    "1e400",
    "NaN",
    "nan",
    "Infinity",
    "-Infinity",
    "0x1F90",
    "0o17500",
    "0b1",
    "8000.0",
    "8000.5",
    ".5",
    "+8000",
    " 8000",
    "8000 ",
    "08000",
    "00000",
    "",
    "８０００",
    "٨٠٠٠",
    "8\u00a0000",
    "8_000",
    "8,000",
    "80-",
    "-",
  ),
  fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String),
);

/** Characters a mutation inserts: separators and quoting that matter to the parsers, and a few non-ASCII ones. */
const MUTATION_CHARS = [..." \t\r\n\0:[]%*\"'`\\,;/-=.${}()#>|", "0", "9", "é", "→", "\u{1F600}", "\uD800", "\u2028", "\uFEFF"];

type Mutation =
  | { kind: "delete"; at: number; length: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "port"; which: number; text: string }
  | { kind: "duplicate"; at: number; length: number }
  | { kind: "truncate"; at: number }
  | { kind: "case"; at: number; length: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...MUTATION_CHARS), anyText.map((s) => s.slice(0, 6))) }),
  fc.record({ kind: fc.constant("port" as const), which: fc.nat(), text: portText }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("case" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 10 }) }),
);

function applyMutation(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.kind === "port" ? 0 : m.at % (text.length + 1);
  switch (m.kind) {
    case "delete":
      return text.slice(0, at) + text.slice(at + m.length);
    case "insert":
      return text.slice(0, at) + m.text + text.slice(at);
    case "duplicate":
      return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    case "truncate":
      return text.slice(0, at);
    case "case": {
      const part = text.slice(at, at + m.length);
      const flipped = part === part.toUpperCase() ? part.toLowerCase() : part.toUpperCase();
      return text.slice(0, at) + flipped + text.slice(at + m.length);
    }
    case "port": {
      const runs = [...text.matchAll(/\d+/g)];
      const run = runs[m.which % Math.max(runs.length, 1)];
      if (run === undefined) return text;
      return text.slice(0, run.index) + m.text + text.slice(run.index + run[0].length);
    }
  }
}

/** `base` with up to `max` random mutations: deletions, insertions, port swaps, duplications, truncation, case. */
export function mutated(base: fc.Arbitrary<string>, max = 4): fc.Arbitrary<string> {
  return fc.tuple(base, fc.array(mutationArb, { maxLength: max })).map(([text, ops]) => ops.reduce(applyMutation, text));
}


/** Names of the real command outputs whose file name matches `pattern`. */
export function osFixtureNames(pattern: RegExp): string[] {
  const names = readdirSync(OS_FIXTURES).filter((name) => pattern.test(name));
  if (names.length === 0) throw new Error(`no OS fixture matches ${String(pattern)}`);
  return [...new Set(names)].sort();
}

/** Non-empty lines of the fixtures matching `pattern`. */
export function fixtureLines(pattern: RegExp): string[] {
  return osFixtureNames(pattern).flatMap((name) => osOutput(name).split(/\r?\n/).filter((line) => line.trim() !== ""));
}

/** A whole fixture text or a few of its lines, mutated: near-valid input for a table parser. */
export function nearValidOutput(pattern: RegExp, maxMutations = 4): fc.Arbitrary<string> {
  const texts = osFixtureNames(pattern).map(osOutput);
  const lines = texts.flatMap((t) => t.split(/\r?\n/).filter((line) => line.trim() !== ""));
  const excerpt = fc.array(fc.constantFrom(...lines), { minLength: 1, maxLength: 8 }).map((picked) => picked.join("\n"));
  const line = fc.constantFrom(...lines);
  const eol = fc.constantFrom("\n", "\r\n");
  const base = fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...texts) },
    { weight: 3, arbitrary: excerpt },
    { weight: 3, arbitrary: line },
    { weight: 1, arbitrary: fc.tuple(excerpt, eol).map(([text, end]) => text.replace(/\n/g, end)) },
  );
  return fc.oneof({ weight: 4, arbitrary: mutated(base, maxMutations) }, { weight: 1, arbitrary: anyText });
}
