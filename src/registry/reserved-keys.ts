import { makeFinding, type Finding } from "../findings/finding.js";
import type { PathSegment, SourceMap } from "./source-map.js";

/** Names of JavaScript's own object machinery: as a key, `__proto__` would vanish (or replace a prototype) on its way to the data. */
const RESERVED = new Set(["__proto__", "constructor", "prototype"]);

/** Every mapping key anywhere in the raw document that is a reserved name, at the key's file:line:column. */
export function reservedKeyFindings(raw: unknown, source: SourceMap): Finding[] {
  const findings: Finding[] = [];
  // A loop, not recursion: a deeply nested document must not overflow the stack; an alias's cycle is walked once.
  const seen = new WeakSet<object>();
  const pending: [unknown, PathSegment[]][] = [[raw, []]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [value, path] = next;
    if (typeof value !== "object" || value === null || seen.has(value)) continue;
    seen.add(value);
    // Own keys, read as descriptors: yaml keeps `__proto__` as an own property, and a getter is never run.
    for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(value))) {
      if (Array.isArray(value) && key === "length") continue;
      const segment = Array.isArray(value) ? Number(key) : key;
      if (!Array.isArray(value) && RESERVED.has(key)) {
        const expected = "a name other than __proto__, constructor or prototype (JavaScript's own object properties)";
        findings.push(makeFinding("schema-invalid", "error", { expected, received: JSON.stringify(key) }, source.keyAt(path, key)));
      } else pending.push([descriptor.value, [...path, segment]]);
    }
  }
  return findings.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0) || (a.location.column ?? 0) - (b.location.column ?? 0));
}
