import type { Finding } from "./finding.js";

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** Bad input and usage are 2, decided before findings exist. */
export function exitCodeFor(findings: readonly Finding[]): number {
  return findings.some((f) => f.severity === "error") ? EXIT_FINDINGS : EXIT_OK;
}
