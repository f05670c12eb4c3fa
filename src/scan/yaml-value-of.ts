import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Pair } from "yaml";

const MAX_DEPTH = 10;

/** A node, or the node an alias points at. */
export function yamlResolve(node: unknown, doc: Document): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

/** The pairs of a mapping node, those of `<<` merge keys after its own (own keys win, as YAML merges). */
export function yamlPairs(map: unknown, doc: Document, depth = 0): Pair[] {
  const node = yamlResolve(map, doc);
  if (!isMap(node) || depth > MAX_DEPTH) return [];
  const own = node.items.filter((p) => !(isScalar(p.key) && p.key.value === "<<"));
  const merged = node.items
    .filter((p) => isPair(p) && isScalar(p.key) && p.key.value === "<<")
    .flatMap((p) => {
      const sources = yamlResolve(p.value, doc);
      return (isSeq(sources) ? sources.items : [sources]).flatMap((s) => yamlPairs(s, doc, depth + 1));
    });
  const keys = new Set(own.map((p) => (isScalar(p.key) ? String(p.key.value) : "")));
  return [...own, ...merged.filter((p) => !(isScalar(p.key) && keys.has(String(p.key.value))))];
}

/** The value under `key` in a mapping node, following aliases and `<<` merge keys. */
export function yamlValueOf(map: unknown, key: string, doc: Document): unknown {
  const pair = yamlPairs(map, doc).find((p) => isScalar(p.key) && p.key.value === key);
  return pair === undefined ? undefined : yamlResolve(pair.value, doc);
}
