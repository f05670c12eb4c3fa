import type { Finding } from "./finding.js";

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** 1 when any finding is an error, else 0; bad input and usage are 2 and decided before findings exist. */
export function exitCodeFor(findings: readonly Finding[]): number {
  return findings.some((f) => f.severity === "error") ? EXIT_FINDINGS : EXIT_OK;
}
