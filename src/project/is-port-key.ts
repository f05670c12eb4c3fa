const NOT_PORTS = new Set(["REPORT", "SUPPORT", "EXPORT", "IMPORT", "TRANSPORT", "PASSPORT", "AIRPORT", "SPORT", "DEPORT", "PURPORT", "TELEPORT", "VIEWPORT", "RAPPORT"]);

/** `PORT`, `APP_PORT`, `PGPORT`, `apiPort`; not `REPORT`, `VIEWPORT` or `PORT_COUNT`. */
export function isPortKey(key: string): boolean {
  const word = (key.split(/[_.-]/).at(-1) ?? "").toUpperCase();
  return word.endsWith("PORT") && !NOT_PORTS.has(word);
}

/** A host-less port the file's own service binds (`PORT`, `APP_PORT`, `UVICORN_PORT`); any other `*_PORT` is a client's. */
export const OWN_PORT_KEY = /^(?:PORT|(?:APP|SERVER|HTTP|WEB|LISTEN|UVICORN|GUNICORN|NEXT|VITE_DEV)_PORT|\w*_LISTEN_PORT)$/i;
