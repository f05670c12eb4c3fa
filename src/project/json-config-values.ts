import { plainMapped, type MappedText } from "../command-line/mapped-text.js";
import type { ConfigPlace } from "./config-value-references.js";
import { jsonStringMapped } from "./json-string-mapped.js";
import { mayHoldPort } from "./yaml-config-values.js";

interface Frame {
  /** The key it is the value of; undefined for a list item. */
  name: string | undefined;
  list: boolean;
  expectKey: boolean;
  key: string | undefined;
  /** An object's scalar values, held until it closes so each sees its siblings. */
  scalars: Array<{ key: string; from: number; to: number; string: boolean }>;
}

const NUMBER_OR_WORD = /-?\d[\d.eE+-]*|true|false|null/y;
const SIBLING_MAX = 256;
const NONE: ReadonlyMap<string, string> = new Map();

function stringEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === "\\") i++;
    else if (c === '"') return i + 1;
  }
  return text.length;
}

function decoded(text: string, from: number, to: number): string {
  try {
    return String(JSON.parse(text.slice(from, to)));
  } catch {
    return "";
  }
}

/**
 * Each scalar of a JSON text that JSON.parse accepts, with the keys above it; one pass, no tree, so a 2 MB data file
 * costs what reading it does. An object's scalars are visited when it closes.
 */
export function jsonConfigValues(text: string, visit: (mapped: MappedText, place: ConfigPlace) => void): void {
  const stack: Frame[] = [];
  const pathOf = (): string[] => {
    const path: string[] = [];
    for (const frame of stack) if (frame.name !== undefined) path.push(frame.name);
    return path;
  };
  const emit = (from: number, to: number, string: boolean, place: ConfigPlace): void => {
    const written = text.slice(from, to);
    if (!mayHoldPort(written)) return;
    visit(string ? jsonStringMapped(text, from, to) : plainMapped(written, from), place);
  };
  const close = (): void => {
    const frame = stack.at(-1);
    const path = pathOf();
    stack.pop();
    if (frame === undefined || frame.list) return;
    const siblings = new Map<string, string>();
    for (const s of frame.scalars) if (s.string && s.to - s.from < SIBLING_MAX) siblings.set(s.key.toLowerCase(), decoded(text, s.from, s.to));
    for (const s of frame.scalars) emit(s.from, s.to, s.string, { path: [...path, s.key], siblings });
  };
  const value = (from: number, to: number, string: boolean): void => {
    const top = stack.at(-1);
    if (top === undefined) return;
    if (!top.list) {
      top.scalars.push({ key: top.key ?? "", from, to, string });
      return;
    }
    emit(from, to, string, { path: pathOf(), siblings: NONE, listItem: true });
  };
  const open = (list: boolean): void => {
    const top = stack.at(-1);
    stack.push({ name: top === undefined || top.list ? undefined : top.key, list, expectKey: !list, key: undefined, scalars: [] });
  };
  for (let i = text.startsWith("\uFEFF") ? 1 : 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === "{" || c === "[") open(c === "[");
    else if (c === "}" || c === "]") close();
    else if (c === ",") {
      const top = stack.at(-1);
      if (top !== undefined && !top.list) top.expectKey = true;
    } else if (c === ":") {
      const top = stack.at(-1);
      if (top !== undefined) top.expectKey = false;
    } else if (c === '"') {
      const end = stringEnd(text, i);
      const top = stack.at(-1);
      if (top !== undefined && !top.list && top.expectKey) top.key = decoded(text, i, end);
      else value(i, end, true);
      i = end - 1;
    } else if (c === "-" || (c >= "0" && c <= "9") || c === "t" || c === "f" || c === "n") {
      NUMBER_OR_WORD.lastIndex = i;
      const match = NUMBER_OR_WORD.exec(text);
      const end = match === null ? i + 1 : i + match[0].length;
      if (match !== null && c !== "t" && c !== "f" && c !== "n") value(i, end, false);
      i = end - 1;
    }
  }
}
