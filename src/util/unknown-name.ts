import { didYouMean } from "./did-you-mean.js";

/** `; did you mean "dev"?`, or nothing: the one way a close name is offered. */
export const didYouMeanText = (suggestion: string | undefined): string => (suggestion === undefined ? "" : `; did you mean "${suggestion}"?`);

/**
 * `unknown environment "prod"; did you mean "dev"? Known: dev, test.` for every name that is not in its list: the
 * sentence ends before the list begins, and the list ends with a period too.
 */
export function unknownNameText(subject: string, value: string, known: readonly string[], options: { from?: string; listed?: string } = {}): string {
  const suggestion = didYouMean(value, known);
  const head = `${subject} "${value}"${options.from === undefined ? "" : ` (${options.from})`}${suggestion === undefined ? "." : didYouMeanText(suggestion)}`;
  return `${head} ${known.length === 0 ? "None is declared." : `${options.listed ?? "Known"}: ${known.join(", ")}.`}`;
}
