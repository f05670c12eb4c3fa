import { isIP } from "node:net";
import { isPortKey } from "./is-port-key.js";
import { portNumber } from "./port-number.js";

export interface ValuePort {
  index: number;
  length: number;
  port: number;
  host?: string;
}

const SCHEME_CHAR = /[A-Za-z0-9+.-]/;
const LETTER = /[A-Za-z]/;
const AUTHORITY_END = /[\s/?#"'`<>\\,;()[\]{}]/;
const MAX_AUTHORITY = 1024;
const MAX_SCHEME = 32;
/** The look-behind keeps a match from starting inside a word, path or longer name. */
const HOST_PORT = /(?<![\w.:/-])(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)):(\d{1,5})(?![\w-]|[.:]\d)/g;
/** `IMAGE=postgres:16` is an image reference, not a host. */
const IMAGE_KEY = /(?:IMAGE|TAG|VERSION)$/i;
const BARE = /^\s*(["'`]?)(\d{1,5})\1\s*$/;

/** Not `10:30`, not `1.5:20`. */
function plausibleHost(host: string): boolean {
  return isIP(host) !== 0 || LETTER.test(host);
}

function splitHostPort(text: string): { host: string; portAt: number; port: number } | undefined {
  const close = text.startsWith("[") ? text.indexOf("]") : -1;
  const colon = close >= 0 ? close + 1 : text.lastIndexOf(":");
  if (colon < 0 || text.charAt(colon) !== ":") return undefined;
  const port = portNumber(text.slice(colon + 1));
  if (port === undefined) return undefined;
  const host = close >= 0 ? text.slice(1, close) : text.slice(0, colon);
  return { host, portAt: colon + 1, port };
}

function urlPorts(value: string, found: ValuePort[]): Array<[number, number]> {
  const taken: Array<[number, number]> = [];
  for (let i = value.indexOf("://"); i >= 0; i = value.indexOf("://", i + 3)) {
    let s = i;
    while (s > 0 && i - s < MAX_SCHEME && SCHEME_CHAR.test(value.charAt(s - 1))) s--;
    while (s < i && !LETTER.test(value.charAt(s))) s++;
    if (s === i) continue;
    const from = i + 3;
    let end = from;
    let bracket = false;
    while (end < value.length && end - from < MAX_AUTHORITY) {
      const c = value.charAt(end);
      if (c === "[" && !bracket && value.charAt(end - 1) !== "@" && end !== from) break;
      if (c === "[") bracket = true;
      else if (c === "]" && bracket) bracket = false;
      else if (!bracket && AUTHORITY_END.test(c)) break;
      end++;
    }
    taken.push([s, end]);
    const authority = value.slice(from, end);
    const at = authority.lastIndexOf("@") + 1;
    const split = splitHostPort(authority.slice(at));
    if (split === undefined) continue;
    const index = from + at + split.portAt;
    found.push({ index, length: end - index, port: split.port, ...(split.host === "" ? {} : { host: split.host }) });
  }
  return taken;
}

/** URLs with a port, `host:port` pairs (not under IMAGE/TAG/VERSION keys), and a bare number when `key` names a port. */
export function portsInValue(value: string, key?: string): ValuePort[] {
  const bare = BARE.exec(value);
  if (bare !== null) {
    const digits = bare[2] ?? "";
    const port = portNumber(digits);
    if (port === undefined || key === undefined || !isPortKey(key)) return [];
    return [{ index: value.indexOf(digits), length: digits.length, port }];
  }
  const found: ValuePort[] = [];
  const taken = urlPorts(value, found);
  if (key !== undefined && IMAGE_KEY.test(key)) return found.sort((a, b) => a.index - b.index);
  for (const match of value.matchAll(HOST_PORT)) {
    const start = match.index;
    if (taken.some(([from, to]) => start < to && start + match[0].length > from)) continue;
    const bracketed = match[1];
    const host = bracketed ?? match[2] ?? "";
    const port = portNumber(match[3] ?? "");
    if (port === undefined || (bracketed === undefined ? !plausibleHost(host) : isIP(host) !== 6)) continue;
    const digits = match[3] ?? "";
    found.push({ index: start + match[0].length - digits.length, length: digits.length, port, host });
  }
  return found.sort((a, b) => a.index - b.index);
}
