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
