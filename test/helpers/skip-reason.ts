/** True when the test must be skipped, after saying which and why: a skip is never silent. */
export function skipping(skip: boolean, what: string, why: string): boolean {
  if (skip) console.warn(`skipping ${what}: ${why}`);
  return skip;
}
