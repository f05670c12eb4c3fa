/** `::1` as `[::1]`: an IPv6 address in brackets, as URLs and most servers write it before a port. */
export const bracketHost = (host: string): string => (host.includes(":") ? `[${host}]` : host);

/** `127.0.0.1:8000`, `[::1]:8000`. */
export const hostPort = (host: string, port: number): string => `${bracketHost(host)}:${port}`;
