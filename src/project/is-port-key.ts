/** Words that end in "port" without naming one. */
const NOT_PORTS = new Set(["REPORT", "SUPPORT", "EXPORT", "IMPORT", "TRANSPORT", "PASSPORT", "AIRPORT", "SPORT", "DEPORT", "PURPORT", "TELEPORT", "VIEWPORT", "RAPPORT"]);

/**
 * Whether a variable name names a port, so that a bare number as its value is one: `PORT`, `APP_PORT`, `PGPORT`,
 * `REDISPORT`, `apiPort`; not `REPORT`, `VIEWPORT` or `PORT_COUNT`.
 */
export function isPortKey(key: string): boolean {
  const word = (key.split(/[_.-]/).at(-1) ?? "").toUpperCase();
  return word.endsWith("PORT") && !NOT_PORTS.has(word);
}
