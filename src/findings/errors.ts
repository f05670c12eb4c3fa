import type { Finding } from "./finding.js";

/** The CLI prints its problems and exits 2, never with a stack trace. */
export class SparkportInputError extends Error {
  readonly problems: readonly Finding[];

  constructor(problems: readonly Finding[]) {
    super(problems.map((p) => p.message).join("\n"));
    this.name = "SparkportInputError";
    this.problems = problems;
  }
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Nothing was wrong with the input, but the work could not be finished (a lock not taken in time): exit 75, try again. */
export class UnfinishedError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = "UnfinishedError";
  }
}
