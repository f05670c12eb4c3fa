import type { Finding } from "./finding.js";

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
/** Could not finish (EX_TEMPFAIL): the output could not be written, or the lock not taken in time; try again. */
export const EXIT_UNFINISHED = 75;
/** A bug in sparkport itself (EX_SOFTWARE). */
export const EXIT_INTERNAL = 70;

/** Bad input and usage are 2, decided before findings exist. */
export function exitCodeFor(findings: readonly Finding[]): number {
  return findings.some((f) => f.severity === "error") ? EXIT_FINDINGS : EXIT_OK;
}
