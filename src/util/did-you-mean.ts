/** Optimal string alignment: swapping two neighbouring letters counts as one edit. */
export function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (beforePrevious[j - 2] ?? 0) + 1);
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Close enough to be a typo: at most a third of the longer word's letters differ (and one may, in words of three letters or more). */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    let distance = editDistance(needle, lower);
    const longer = Math.max(needle.length, candidate.length);
    // Two short words that share nothing ("X" and "A") are no typo of each other.
    const limit = longer < 3 ? 0 : Math.max(1, Math.floor(longer / 3));
    // A key cut short ("envir" for "environments") is a typo too, ranked just behind a one-letter slip.
    const cutShort = needle.length >= 3 && lower.startsWith(needle);
    if (cutShort) distance = Math.min(distance, 1.5);
    if (distance <= (cutShort ? Math.max(limit, 1.5) : limit) && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
