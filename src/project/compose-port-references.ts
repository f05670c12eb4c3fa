import { isMap, isScalar, visit, type Node } from "yaml";
import { findComposePortLines, parseComposePorts, type ComposePortLine } from "../observe/parse/compose-ports.js";
import type { ComposeContext } from "./compose-context.js";
import { interpolateCompose, type MissingVariable } from "./interpolate-compose.js";
import { locateMapped, type MappedText } from "../command-line/mapped-text.js";
import { yamlResolve } from "../util/yaml-value-of.js";
import { yamlScalarMapped } from "./yaml-scalar-mapped.js";

const LONG_FIELDS = ["target", "published", "host_ip", "protocol"];

/** Keyed as findComposePortLines reports items; a mapping wins over its first key, which starts where it does. */
function nodesByPosition(ctx: ComposeContext): Map<string, Node> {
  const nodes = new Map<string, Node>();
  const add = (node: Node): void => {
    if (node.range === undefined || node.range === null) return;
    const { line, column } = ctx.position(node.range[0]);
    const key = `${line}:${column}`;
    if (!nodes.has(key)) nodes.set(key, node);
  };
  visit(ctx.doc, { Map: (_, map) => add(map), Scalar: (_, scalar) => add(scalar) });
  return nodes;
}

/** Between the last two colons before the protocol. */
function publishedSpan(entry: string): [number, number] | undefined {
  const slash = entry.lastIndexOf("/");
  const end = slash < 0 ? entry.length : slash;
  const last = entry.lastIndexOf(":", end - 1);
  if (last < 0) return undefined;
  let from = entry.lastIndexOf(":", last - 1) + 1;
  let to = last;
  while (from < to && /\s/.test(entry.charAt(from))) from++;
  while (to > from && /\s/.test(entry.charAt(to - 1))) to--;
  return [from, to];
}

function reportMissing(ctx: ComposeContext, line: ComposePortLine, missing: readonly MissingVariable[]): void {
  for (const m of missing) {
    ctx.problems.push({
      file: ctx.file,
      ...ctx.position(m.offset),
      reason: `\${${m.variable}} in the ports of service ${line.service} ("${line.entry}") is not set in ${ctx.envFile} and has no default: the published port is unknown`,
    });
  }
}

function longField(ctx: ComposeContext, line: ComposePortLine, value: unknown): MappedText | undefined {
  const node = yamlResolve(value, ctx.doc);
  const mapped = isScalar(node) ? yamlScalarMapped(node, ctx.text) : undefined;
  if (mapped === undefined) return undefined;
  const interpolated = interpolateCompose(mapped, ctx.env);
  reportMissing(ctx, line, interpolated.missing);
  return interpolated.text;
}

function readItem(ctx: ComposeContext, line: ComposePortLine, node: Node): { entry: unknown; published?: { mapped: MappedText; from: number; to: number } } | undefined {
  if (isScalar(node)) {
    if (typeof node.value !== "string") return { entry: node.value };
    const mapped = longField(ctx, line, node);
    if (mapped === undefined) return undefined;
    const span = publishedSpan(mapped.text);
    return { entry: mapped.text, ...(span === undefined ? {} : { published: { mapped, from: span[0], to: span[1] } }) };
  }
  if (!isMap(node)) return undefined;
  const entry: Record<string, unknown> = {};
  let published: { mapped: MappedText; from: number; to: number } | undefined;
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const value = yamlResolve(pair.value, ctx.doc);
    const substituted = LONG_FIELDS.includes(key) && isScalar(value) && typeof value.value === "string";
    const mapped = substituted ? longField(ctx, line, value) : isScalar(value) ? yamlScalarMapped(value, ctx.text) : undefined;
    entry[key] = substituted ? mapped?.text : isScalar(value) ? value.value : value;
    if (key === "published" && mapped !== undefined) {
      const from = mapped.text.length - mapped.text.trimStart().length;
      published = { mapped, from, to: Math.max(from, mapped.text.trimEnd().length) };
    }
  }
  return { entry, ...(published === undefined ? {} : { published }) };
}

/** A port the engine picks (`"3000"`, `"8000-9000:80"`) gives no reference; each port of a range gives one, at the whole range. */
export function composePortReferences(ctx: ComposeContext): void {
  const items = nodesByPosition(ctx);
  for (const line of findComposePortLines(ctx.text, ctx.file)) {
    const node = items.get(`${line.line}:${line.column}`);
    const item = node === undefined ? undefined : readItem(ctx, line, node);
    if (item?.published === undefined) continue;
    const { mapped, from, to } = item.published;
    const at = locateMapped(mapped, from, to);
    for (const port of parseComposePorts(item.entry)) {
      if (!("target" in port) || port.published === null) continue;
      ctx.references.push({
        file: ctx.file,
        ...ctx.position(at.offset),
        offset: at.offset,
        length: at.length,
        port: port.published,
        kind: "compose-port",
        // The host side: the container's own side is internal and gives no reference.
        role: "listen",
        key: line.service,
        text: line.entry,
        hostIp: port.hostIp,
        ...(at.resolvedFrom === undefined ? {} : { resolvedFrom: at.resolvedFrom }),
      });
    }
  }
}
