import type { PortReference } from "./port-reference.js";

/** Text from `start` to `end` replaced by `value`. */
export interface Span {
  start: number;
  end: number;
  value: string;
}

/** What separates the entries of a list, or the words of a line: `a, b`, `["a", "b"]`, `X=a Y=b`. */
const SEPARATOR = /[\s,;'"`=()[\]{}<>|]/;
const REACH = 4096;

function lineAround(text: string, at: number): [number, number] {
  const start = text.lastIndexOf("\n", at - 1) + 1;
  const end = text.indexOf("\n", at);
  return [start, end < 0 ? text.length : end];
}

/** The `[...]` around `at` when it closes within reach (a list over several lines), else its line. */
function listAround(text: string, at: number): [number, number] {
  let depth = 0;
  let open = -1;
  for (let i = at - 1; i >= Math.max(0, at - REACH); i -= 1) {
    const c = text[i];
    if (c === "]") depth += 1;
    else if (c === "[" && depth-- === 0) {
      open = i;
      break;
    }
  }
  if (open >= 0) {
    depth = 0;
    for (let i = at; i < Math.min(text.length, at + REACH); i += 1) {
      const c = text[i];
      if (c === "[") depth += 1;
      else if (c === "]" && depth-- === 0) return [open + 1, i];
    }
  }
  return yamlItemsAround(text, at) ?? lineAround(text, at);
}

/** The run of `- item` lines at one indentation around `at`: a YAML block list. */
function yamlItemsAround(text: string, at: number): [number, number] | undefined {
  const [start, end] = lineAround(text, at);
  const indent = /^([ \t]*)- /.exec(text.slice(start, end))?.[1];
  if (indent === undefined) return undefined;
  const item = `${indent}- `;
  let from = start;
  while (from > 0 && from - start < REACH) {
    const [s] = lineAround(text, from - 1);
    if (!text.startsWith(item, s)) break;
    from = s;
  }
  let to = end;
  while (to < text.length && to - end < REACH) {
    const [s, e] = lineAround(text, to + 1);
    if (!text.startsWith(item, s)) break;
    to = e;
  }
  return [from, to];
}

function entryAround(text: string, start: number, end: number): string {
  let from = start;
  let to = end;
  while (from > 0 && !SEPARATOR.test(text.charAt(from - 1))) from -= 1;
  while (to < text.length && !SEPARATOR.test(text.charAt(to))) to += 1;
  return text.slice(from, to);
}

const count = (text: string, [from, to]: [number, number], entry: string): number => text.slice(from, to).split(SEPARATOR).filter((e) => e === entry).length;

/**
 * True when `edit`, made with the others of `made`, makes its entry equal to another of its list or line where it
 * was not: a CORS allow-list of 3000 and 3001 must not become 3000 twice.
 */
export function collapsesList(before: string, after: string, made: readonly Span[], edit: Span): boolean {
  const shift = made.filter((s) => s.start < edit.start).reduce((sum, s) => sum + s.value.length - (s.end - s.start), 0);
  const start = edit.start + shift;
  const entry = entryAround(after, start, start + edit.value.length);
  const now = count(after, listAround(after, start), entry);
  return now >= 2 && now > count(before, listAround(before, edit.start), entry);
}

const protocolOf = (ref: PortReference): string => (/udp/i.test(ref.text) ? "udp" : "tcp");
const sameAddress = (a: PortReference, b: PortReference): boolean => a.hostIp === undefined || a.hostIp === null || b.hostIp === undefined || b.hostIp === null || a.hostIp === b.hostIp;

/** True when the compose file would publish `ref`'s new host port (`ports` by offset) in another entry too. */
export function publishesTwice(ref: PortReference, published: readonly PortReference[], ports: ReadonlyMap<number, number>): boolean {
  const port = ports.get(ref.offset);
  if (ref.kind !== "compose-port" || port === undefined) return false;
  return published.some((other) => other.offset !== ref.offset && (ports.get(other.offset) ?? other.port) === port && protocolOf(other) === protocolOf(ref) && sameAddress(other, ref));
}
