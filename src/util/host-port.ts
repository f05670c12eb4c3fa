/** `127.0.0.1:8000`, `[::1]:8000`: an IPv6 address in brackets, as URLs and most servers write it. */
export const hostPort = (host: string, port: number): string => `${host.includes(":") ? `[${host}]` : host}:${port}`;
