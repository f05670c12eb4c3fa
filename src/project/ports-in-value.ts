import { isIP } from "node:net";
import { isPortKey } from "./is-port-key.js";
import { portNumber } from "./port-number.js";

/** A port named in a value: where its digits stand in the value, and the host written with it. */
export interface ValuePort {
  index: number;
  length: number;
  port: number;
  /** As written, IPv6 brackets removed. */
  host?: string;
}

const SCHEME_CHAR = /[A-Za-z0-9+.-]/;
const LETTER = /[A-Za-z]/;
/** Where a URL's authority (`user:pw@host:port`) ends: a path, query, fragment, quote, space or list separator. */
const AUTHORITY_END = /[\s/?#"'`<>\\,;()[\]{}]/;
const MAX_AUTHORITY = 1024;
const MAX_SCHEME = 32;
/** `host:port` outside a URL; the look-behind keeps the match from starting inside a word, path or longer name. */
const HOST_PORT = /(?<![\w.:/-])(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)):(\d{1,5})(?![\w-]|[.:]\d)/g;
/** Keys whose `name:tag` values are image references, not hosts (`IMAGE=postgres:16`). */
const IMAGE_KEY = /(?:IMAGE|TAG|VERSION)$/i;
const BARE = /^\s*(["'`]?)(\d{1,5})\1\s*$/;

/** A host worth a reference: an IP address or a name with a letter (not `10:30`, not `1.5:20`). */
function plausibleHost(host: string): boolean {
  return isIP(host) !== 0 || LETTER.test(host);
}

/** `host:port` or `[v6]:port` (the end of a URL's authority): the host and where the port's digits start. */
function splitHostPort(text: string): { host: string; portAt: number; port: number } | undefined {
  const close = text.startsWith("[") ? text.indexOf("]") : -1;
  const colon = close >= 0 ? close + 1 : text.lastIndexOf(":");
  if (colon < 0 || text.charAt(colon) !== ":") return undefined;
  const port = portNumber(text.slice(colon + 1));
  if (port === undefined) return undefined;
  const host = close >= 0 ? text.slice(1, close) : text.slice(0, colon);
  return { host, portAt: colon + 1, port };
}

/** URLs of any scheme with an explicit port: `http://100.123.51.5:8000/x`, `redis://:pw@host:6379/0`. */
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

/**
 * The ports a configuration value names: URLs of any scheme with a port, `host:port` pairs (also inside JSON lists
 * and comma lists; not under an IMAGE, TAG or VERSION key, nor `redis:7-alpine`), and a value that is only a number
 * when `key` names a port (`APP_PORT=8000`). Indexes are into `value`, which may keep its quotes.
 */
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
