import type { Finding } from "./finding.js";

/**
 * Bad input: an unreadable or invalid registry, or a wrong argument. The CLI
 * prints its problems and exits 2, never with a stack trace.
 */
export class SparkportInputError extends Error {
  readonly problems: readonly Finding[];

  constructor(problems: readonly Finding[]) {
    super(problems.map((p) => p.message).join("\n"));
    this.name = "SparkportInputError";
    this.problems = problems;
  }
}

/** A wrong command-line argument or combination, reported without a location. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
