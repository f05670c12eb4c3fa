import { isMap, isScalar, isSeq, type Document, type Scalar } from "yaml";
import type { MappedText } from "../command-line/mapped-text.js";
import type { ConfigPlace } from "./config-value-references.js";
import { yamlScalarMapped } from "./yaml-scalar-mapped.js";

const MAX_DEPTH = 64;
const NONE: ReadonlyMap<string, string> = new Map();

/** Worth decoding: a colon before a digit (URL, `host:port`), digits alone (under a port key), a flag's number (`--port 8001`). */
export function mayHoldPort(written: string): boolean {
  return /:\d|^\s*["']?\d{1,5}["']?\s*$|[\s=]\d{2,5}\b/.test(written);
}

function plainSiblings(node: unknown): Map<string, string> {
  const siblings = new Map<string, string>();
  if (!isMap(node)) return siblings;
  for (const pair of node.items) {
    if (isScalar(pair.key) && isScalar(pair.value) && typeof pair.value.value === "string") siblings.set(String(pair.key.value).toLowerCase(), pair.value.value);
  }
  return siblings;
}

/**
 * Each scalar of a YAML document with the keys above it; aliases are not followed (their anchor is read where it stands),
 * and a document nested deeper than 64 levels is read to that depth.
 */
export function yamlConfigValues(doc: Document, text: string, visit: (mapped: MappedText, place: ConfigPlace) => void): void {
  const scalar = (node: Scalar, place: ConfigPlace): void => {
    const written = typeof node.value === "string" ? node.value : typeof node.value === "number" ? String(node.value) : undefined;
    if (written === undefined || !mayHoldPort(written)) return;
    const mapped = yamlScalarMapped(node, text);
    if (mapped !== undefined) visit(mapped, place);
  };
  const walk = (node: unknown, path: readonly string[], depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (isMap(node)) {
      const siblings = plainSiblings(node);
      for (const pair of node.items) {
        if (!isScalar(pair.key) || pair.key.value === "<<") continue;
        const inner = [...path, String(pair.key.value)];
        if (isScalar(pair.value)) scalar(pair.value, { path: inner, siblings });
        else walk(pair.value, inner, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        if (isScalar(item)) scalar(item, { path, siblings: NONE, listItem: true });
        else walk(item, path, depth + 1);
      }
    }
  };
  walk(doc.contents, [], 0);
}
