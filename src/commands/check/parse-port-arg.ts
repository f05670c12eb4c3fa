import { UsageError } from "../../findings/errors.js";
import { portInputWords } from "../../words/port-input-words.js";

export interface PortArg {
  port: number;
  /** `macmini:8000`, `10.0.0.5:8000`, `[::1]:8000`. */
  host?: string;
  raw: string;
}

export function parsePortArg(raw: string): PortArg {
  const text = raw.trim();
  const match = /^(?:(?:\[([^\]]+)\]|([^:\s[\]]*)):)?(\d{1,5})$/.exec(text);
  const port = match === null ? Number.NaN : Number(match[3]);
  if (match === null || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UsageError(portInputWords().notPort(raw));
  }
  // 08002 is 8002 here and may be octal to a YAML reader: refused rather than guessed, as --port is.
  if (/^0+[1-9]/.test(match[3] ?? "")) throw new UsageError(portInputWords().leadingZeroArg(raw, port));
  const host = match[1] ?? match[2];
  return host === undefined || host === "" ? { port, raw } : { port, host, raw };
}

/** A range checked port by port stays short enough to read. */
export const MAX_PORTS_PER_ARGUMENT = 256;

/**
 * One argument as the ports it names: a port in any form parsePortArg takes, a range (`8000-8005`) or a list
 * (`8002,8003`, `macmini:8000-8002,8010`); a host before the first item holds for the items without one.
 */
export function parsePortArgs(raw: string): PortArg[] {
  const items = raw.split(",").map((item) => item.trim());
  if (items.length === 1 && !/^[^-]*\d-\d+$/.test(items[0] ?? "")) return [parsePortArg(raw)];
  const out: PortArg[] = [];
  let carried: string | undefined;
  for (const item of items) {
    const hosted = /^(\[[^\]]+\]|[^:\s[\]]*):([^:]*)$/.exec(item);
    const host = hosted?.[1] || carried;
    carried ??= hosted?.[1] || undefined;
    const ports = hosted?.[2] ?? item;
    const range = /^(\d{1,5})-(\d{1,5})$/.exec(ports);
    const at = (port: string): PortArg => parsePortArg(host === undefined ? port : `${host}:${port}`);
    if (range === null) {
      out.push(at(ports));
      continue;
    }
    const from = at(range[1] ?? "").port;
    const to = at(range[2] ?? "").port;
    if (to < from) throw new UsageError(portInputWords().notRange(item, from, to));
    if (to - from + 1 > MAX_PORTS_PER_ARGUMENT) throw new UsageError(portInputWords().tooManyPorts(item, to - from + 1, MAX_PORTS_PER_ARGUMENT));
    for (let port = from; port <= to; port += 1) out.push(at(String(port)));
  }
  if (out.length > MAX_PORTS_PER_ARGUMENT) throw new UsageError(portInputWords().tooManyPorts(raw, out.length, MAX_PORTS_PER_ARGUMENT));
  return out;
}
