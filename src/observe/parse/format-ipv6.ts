/** RFC 5952: lower case, the longest run of two or more zero groups (first on a tie) as "::", IPv4-mapped as `::ffff:a.b.c.d`. */
export function formatIpv6(groups: readonly number[]): string {
  if (groups.length !== 8) throw new RangeError(`an IPv6 address has 8 groups, got ${groups.length}`);
  const group = (index: number): number => groups[index] ?? 0;
  if ([0, 1, 2, 3, 4].every((index) => group(index) === 0) && group(5) === 0xffff) {
    return `::ffff:${group(6) >> 8}.${group(6) & 0xff}.${group(7) >> 8}.${group(7) & 0xff}`;
  }
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start += 1) {
    let length = 0;
    while (start + length < 8 && group(start + length) === 0) length += 1;
    if (length > bestLength) {
      bestStart = start;
      bestLength = length;
    }
  }
  const hex = (from: number, to: number): string =>
    groups
      .slice(from, to)
      .map((value) => value.toString(16))
      .join(":");
  if (bestStart < 0) return hex(0, 8);
  return `${hex(0, bestStart)}::${hex(bestStart + bestLength, 8)}`;
}
