import { UsageError } from "../../findings/errors.js";

export interface PortArg {
  port: number;
  /** `macmini:8000`, `10.0.0.5:8000`, `[::1]:8000`. */
  host?: string;
  raw: string;
}

const PORT_FORMS = "a port 1-65535, written 8002, :8002, host:8002 or node:8002";

export function parsePortArg(raw: string): PortArg {
  const text = raw.trim();
  const match = /^(?:(?:\[([^\]]+)\]|([^:\s[\]]*)):)?(\d{1,5})$/.exec(text);
  const port = match === null ? Number.NaN : Number(match[3]);
  if (match === null || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UsageError(`"${raw}" is not a port; expected ${PORT_FORMS}`);
  }
  const host = match[1] ?? match[2];
  return host === undefined || host === "" ? { port, raw } : { port, host, raw };
}
