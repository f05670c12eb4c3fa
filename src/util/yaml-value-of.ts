import { isAlias, isMap, isPair, isScalar, isSeq, visit, type Alias, type Document, type Node, type Pair } from "yaml";

const MAX_DEPTH = 10;

// As yaml's Alias.resolve finds targets, but walked once per document: resolve walks the whole document every time,
// which made thousands of aliases quadratic.
const aliasTargets = new WeakMap<Document, Map<Alias, Node | undefined>>();

function targetsOf(doc: Document): Map<Alias, Node | undefined> {
  let targets = aliasTargets.get(doc);
  if (targets === undefined) {
    const found = new Map<Alias, Node | undefined>();
    const anchored = new Map<string, Node>();
    visit(doc, {
      Node(_, node) {
        if (isAlias(node)) found.set(node, anchored.get(node.source));
        else if (node.anchor !== undefined && node.anchor !== "") anchored.set(node.anchor, node);
      },
    });
    targets = found;
    aliasTargets.set(doc, targets);
  }
  return targets;
}

export function yamlResolve(node: unknown, doc: Document): unknown {
  return isAlias(node) ? targetsOf(doc).get(node) : node;
}

/** Own keys win over `<<` merges; a mapping merged twice is read once, so a chain of merges (a "merge bomb") stays linear. */
export function yamlPairs(map: unknown, doc: Document, depth = 0, seen = new Set<unknown>()): Pair[] {
  const node = yamlResolve(map, doc);
  if (!isMap(node) || depth > MAX_DEPTH || seen.has(node)) return [];
  seen.add(node);
  const own = node.items.filter((p) => !(isScalar(p.key) && p.key.value === "<<"));
  const merged = node.items
    .filter((p) => isPair(p) && isScalar(p.key) && p.key.value === "<<")
    .flatMap((p) => {
      const sources = yamlResolve(p.value, doc);
      return (isSeq(sources) ? sources.items : [sources]).flatMap((s) => yamlPairs(s, doc, depth + 1, seen));
    });
  const keys = new Set(own.map((p) => (isScalar(p.key) ? String(p.key.value) : "")));
  return [...own, ...merged.filter((p) => !(isScalar(p.key) && keys.has(String(p.key.value))))];
}

export function yamlValueOf(map: unknown, key: string, doc: Document): unknown {
  const pair = yamlPairs(map, doc).find((p) => isScalar(p.key) && p.key.value === key);
  return pair === undefined ? undefined : yamlResolve(pair.value, doc);
}
