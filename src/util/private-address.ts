/** The four octets of a dotted IPv4 address, or undefined. */
export function ipv4Octets(address: string): number[] | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (match === null) return undefined;
  const octets = match.slice(1).map(Number);
  return octets.every((o) => o <= 255) ? octets : undefined;
}

/** The tailnet's CGNAT range 100.64.0.0/10, or a private range (10/8, 172.16/12, 192.168/16): a team machine, never the internet. */
export function isTailnetOrPrivate(address: string): boolean {
  const o = ipv4Octets(address);
  if (o === undefined) return false;
  const [a = -1, b = -1] = o;
  return a === 10 || (a === 100 && b >= 64 && b <= 127) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/** The one candidate that differs from `address` in exactly one octet, the nearest when several do; undefined on a tie or none. */
export function oneOctetOff<T extends { address: string }>(address: string, candidates: readonly T[]): T | undefined {
  const o = ipv4Octets(address);
  if (o === undefined) return undefined;
  const near: { candidate: T; distance: number }[] = [];
  for (const candidate of candidates) {
    const c = ipv4Octets(candidate.address);
    if (c === undefined) continue;
    const differing = c.map((v, i) => Math.abs(v - (o[i] ?? -1))).filter((d) => d !== 0);
    if (differing.length === 1) near.push({ candidate, distance: differing[0] ?? 0 });
  }
  near.sort((x, y) => x.distance - y.distance);
  const [first, second] = near;
  return first === undefined || second?.distance === first.distance ? undefined : first.candidate;
}
