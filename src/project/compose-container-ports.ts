import { isMap, isScalar, isSeq } from "yaml";
import { parseComposePorts } from "../observe/parse/compose-ports.js";
import type { ComposeContext } from "./compose-context.js";
import { interpolateCompose } from "./interpolate-compose.js";
import { yamlPairs, yamlResolve, yamlValueOf } from "../util/yaml-value-of.js";
import { yamlScalarMapped } from "./yaml-scalar-mapped.js";

/** What a value is after `${VAR}` substitution: a string, a number, or a long-syntax mapping. */
function entryOf(ctx: ComposeContext, node: unknown): unknown {
  const item = yamlResolve(node, ctx.doc);
  if (isScalar(item)) {
    if (typeof item.value !== "string") return item.value;
    const mapped = yamlScalarMapped(item, ctx.text);
    return mapped === undefined ? undefined : interpolateCompose(mapped, ctx.env).text.text;
  }
  if (!isMap(item)) return undefined;
  const entry: Record<string, unknown> = {};
  for (const pair of yamlPairs(item, ctx.doc)) {
    if (isScalar(pair.key)) entry[String(pair.key.value)] = entryOf(ctx, pair.value);
  }
  return entry;
}

/** The ports a service's container listens on by its own account: the container side of `ports:`, and `expose:`. */
export function composeContainerPorts(ctx: ComposeContext, service: unknown): Set<number> {
  const ports = new Set<number>();
  const mappings = yamlValueOf(service, "ports", ctx.doc);
  if (isSeq(mappings)) {
    for (const item of mappings.items) {
      for (const port of parseComposePorts(entryOf(ctx, item))) if ("target" in port) ports.add(port.target);
    }
  }
  const exposed = yamlValueOf(service, "expose", ctx.doc);
  if (isSeq(exposed)) {
    for (const item of exposed.items) {
      const value = entryOf(ctx, item);
      const match = /^(\d{1,5})(?:-(\d{1,5}))?(?:\/\w+)?$/.exec(String(value ?? ""));
      if (match !== null) ports.add(Number(match[1]));
    }
  }
  return ports;
}

/** `network_mode: host`: the container's ports are the host's. */
export function usesHostNetwork(ctx: ComposeContext, service: unknown): boolean {
  const mode = yamlValueOf(service, "network_mode", ctx.doc);
  return isScalar(mode) && mode.value === "host";
}
