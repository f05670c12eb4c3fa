const NOT_PORTS = new Set(["REPORT", "SUPPORT", "EXPORT", "IMPORT", "TRANSPORT", "PASSPORT", "AIRPORT", "SPORT", "DEPORT", "PURPORT", "TELEPORT", "VIEWPORT", "RAPPORT"]);

/** `PORT`, `APP_PORT`, `PGPORT`, `apiPort`; not `REPORT`, `VIEWPORT` or `PORT_COUNT`. */
export function isPortKey(key: string): boolean {
  const word = (key.split(/[_.-]/).at(-1) ?? "").toUpperCase();
  return word.endsWith("PORT") && !NOT_PORTS.has(word);
}
