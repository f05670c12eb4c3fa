import type { Language } from "../findings/language.js";
import { unknownNameWords } from "../words/unknown-name-words.js";
import { didYouMean } from "./did-you-mean.js";

/** `; did you mean "dev"?`, or nothing: the one way a close name is offered in a finding (messages.ts, messages-ko.ts). */
export const didYouMeanText = (suggestion: string | undefined, language: Language = "en"): string =>
  suggestion === undefined ? "" : unknownNameWords(language).end(suggestion);

/**
 * `unknown environment "prod"; did you mean "dev"? Known: dev, test.` for every name that is not in its list: `head`
 * says which name (unknownNameWords), the sentence ends before `label` begins the list, and the list ends with a
 * period too. In the run's language.
 */
export function unknownNameText(head: string, value: string, known: readonly string[], label: string): string {
  const w = unknownNameWords();
  return `${head}${w.end(didYouMean(value, known))} ${w.list(label, known)}`;
}

/** `fastapi has no environment "prod"; did you mean "dev"? Its environments: dev, test.` */
export function unknownEnvironmentText(service: string, env: string, known: readonly string[]): string {
  const w = unknownNameWords();
  return unknownNameText(w.noEnvironment(service, env), env, known, w.itsEnvironments);
}
