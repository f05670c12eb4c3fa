import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type YAMLMap } from "yaml";

/**
 * A YAML scalar as it would be written in a block mapping, on one line: quoted only when it must be, never a
 * block scalar (`---` or `... x` would be written as `|-` and a line the splice would have to indent).
 */
export function scalarText(value: string | number | boolean): string {
  const text = stringify(value, { lineWidth: 0, blockQuote: false }).trimEnd();
  return text.includes("\n") ? JSON.stringify(value) : text;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function servicesSeq(doc: Document) {
  const seq = doc.get("services", true);
  return isSeq(seq) ? seq : undefined;
}

/** The block text of one new sequence item at `indent`, from ordered key/value lines. */
export function blockItem(indent: string, fields: readonly (readonly [string, string])[]): string {
  return fields.map(([key, value], i) => `${indent}${i === 0 ? "- " : "  "}${key}:${value.startsWith("\n") ? value : ` ${value}`}`).join("\n");
}

/**
 * Append an item to `services:`, touching no other byte: the item goes right
 * after the last one, at the same indentation.
 */
export function appendService(text: string, render: (indent: string) => string): string {
  const doc = parseDocument(text);
  const seq = servicesSeq(doc);
  if (seq === undefined || seq.range === undefined || seq.range === null) throw new Error("the registry has no services list");
  const last = seq.items.at(-1);
  if (seq.flow === true || last === undefined || !isMap(last) || last.range === undefined || last.range === null) {
    // `services: []` or a flow list: rewrite that value as a block list.
    const itemIndent = "  ";
    const existing = seq.items.map((item) => (isMap(item) ? item.toJSON() : item));
    const rendered = existing.map((value) => `${itemIndent}- ${stringify(value, { collectionStyle: "flow", lineWidth: 0 }).trimEnd()}`);
    const block = `\n${[...rendered, render(itemIndent)].join("\n")}\n`;
    const [start, end] = seq.range;
    const after = text.slice(end).replace(/^[ \t]*\n/, "");
    return `${text.slice(0, start).trimEnd()}${block}${after}`;
  }
  const itemStart = lineStart(text, last.range[0]);
  const indent = /^[ \t]*/.exec(text.slice(itemStart))?.[0] ?? "";
  let at = last.range[1];
  // Comments and blank lines after the last item belong to what follows it.
  const tail = text.slice(lineStart(text, at), at);
  if (tail.trim() === "" && at > 0) at = lineStart(text, at);
  // An item that ends inside its last line (a flow map, a CR before the newline): the new one goes after that line.
  else at = text.indexOf("\n", at) + 1 || text.length;
  const prefix = text.slice(0, at);
  const needsNewline = prefix.length > 0 && !prefix.endsWith("\n");
  return `${prefix}${needsNewline ? "\n" : ""}${render(indent)}\n${text.slice(at)}`;
}

/** Remove the item named `name` of a top-level list (services, reservations), from its "- " line to its last line; the last one leaves `KEY: []`. */
export function removeListItem(text: string, list: "services" | "reservations", name: string): string {
  const doc = parseDocument(text);
  const found = doc.get(list, true);
  const seq = isSeq(found) ? found : undefined;
  const item = seq?.items.find((i): i is YAMLMap => isMap(i) && i.get("name") === name);
  if (item?.range === undefined || item.range === null) throw new Error(`no ${list} item ${name}`);
  const start = lineStart(text, item.range[0]);
  let end = item.range[1];
  if (end < text.length && text[end - 1] !== "\n") end = text.indexOf("\n", end) + 1 || text.length;
  if (seq?.flow === true) {
    doc.deleteIn([list, seq.items.indexOf(item)]);
    return doc.toString();
  }
  const rest = text.slice(0, start) + text.slice(end);
  if (seq?.items.length !== 1) return rest;
  // `KEY:` with nothing under it is null, not an empty list.
  const key = isMap(doc.contents) ? doc.contents.items.find((pair) => isScalar(pair.key) && pair.key.value === list)?.key : undefined;
  const colon = isScalar(key) && key.range !== undefined && key.range !== null ? rest.indexOf(":", key.range[1]) : -1;
  if (colon < 0 || colon >= start) throw new Error(`the ${list} list has no key to write [] after`);
  return `${rest.slice(0, colon + 1)} []${rest.slice(colon + 1)}`;
}

/** Replace one scalar's text (status of a service or of one of its environments, a port). */
export function replaceScalar(text: string, path: readonly (string | number)[], value: string | number): string | undefined {
  const doc = parseDocument(text);
  const node = doc.getIn(path, true);
  if (!isScalar(node) || node.range === undefined || node.range === null) return undefined;
  return text.slice(0, node.range[0]) + scalarText(value) + text.slice(node.range[1]);
}

/**
 * Add `key: value` to the mapping at `path` when it has no such key, as a
 * splice: `{}` becomes `{ status: stopped }`, a flow map gets `, key: value`
 * before its brace, a block map a new line at its keys' indentation.
 */
export function insertKey(text: string, path: readonly (string | number)[], key: string, value: string | number): string | undefined {
  const doc = parseDocument(text);
  const node = doc.getIn(path, true);
  if (!isMap(node) || node.range === undefined || node.range === null) return undefined;
  const pair = `${key}: ${scalarText(value)}`;
  if (node.flow === true) {
    // range[1] is one past the brace: searching from it would find an enclosing map's brace right after it.
    const close = text.lastIndexOf("}", node.range[1] - 1);
    if (close < node.range[0]) return undefined;
    const inner = text.slice(node.range[0] + 1, close);
    if (inner.trim() === "") return `${text.slice(0, node.range[0])}{ ${pair} }${text.slice(close + 1)}`;
    // `{a: 1}` stays tight, `{ a: 1 }` keeps its space before the brace.
    const space = /\s$/.test(text.slice(0, close)) ? " " : "";
    return `${text.slice(0, close).trimEnd()}, ${pair}${space}${text.slice(close)}`;
  }
  const first = node.items[0];
  const last = node.items.at(-1);
  if (!isScalar(first?.key) || first.key.range === undefined || first.key.range === null || last === undefined) return undefined;
  const indent = " ".repeat(first.key.range[0] - lineStart(text, first.key.range[0]));
  let at = node.range[1];
  if (text[at - 1] !== "\n") at = text.indexOf("\n", at) + 1 || text.length;
  const prefix = text.slice(0, at);
  return `${prefix}${prefix.endsWith("\n") ? "" : "\n"}${indent}${pair}\n${text.slice(at)}`;
}

/** Set a value through the Document API (may re-render the file): for shapes a splice cannot reach. */
export function setThroughDocument(text: string, path: readonly (string | number)[], value: string | number): string {
  const doc = parseDocument(text);
  doc.setIn(path, value);
  return doc.toString();
}

/** An empty mapping written as nothing or null (`test:`, `test: ~`) becomes `{ key: value }`, as a splice. */
function fillNull(text: string, path: readonly (string | number)[], key: string, value: string | number): string | undefined {
  const node = parseDocument(text).getIn(path, true);
  if (!isScalar(node) || node.value !== null || node.range === undefined || node.range === null) return undefined;
  const [start, end] = node.range;
  const map = `{ ${key}: ${scalarText(value)} }`;
  // `test:` with nothing written: right after its colon, any space and comment after it kept.
  const colon = text.lastIndexOf(":", start - 1);
  if (start === end && colon >= 0 && text.slice(colon + 1, start).trim() === "") return `${text.slice(0, colon + 1)} ${map}${text.slice(colon + 1)}`;
  return `${text.slice(0, start)}${map}${text.slice(end)}`;
}

/**
 * Set the value at `path` (its last segment a key) touching as few bytes as a splice can: the scalar replaced, else the
 * key added to its mapping, else an empty mapping filled; the Document API only for shapes no splice reaches.
 */
export function setValue(text: string, path: readonly (string | number)[], value: string | number): string {
  const key = path.at(-1);
  const parent = path.slice(0, -1);
  if (typeof key !== "string") throw new Error("setValue needs a key at the end of its path");
  return replaceScalar(text, path, value) ?? insertKey(text, parent, key, value) ?? fillNull(text, parent, key, value) ?? setThroughDocument(text, path, value);
}
