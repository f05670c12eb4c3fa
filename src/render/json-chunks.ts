/** Exactly JSON.stringify(value, null, 2), one top-level array element at a time, so a large result never becomes one string. */
export function* prettyJsonChunks(value: unknown): Generator<string> {
  const entries = isPlainObject(value) ? Object.entries(value) : undefined;
  // A toJSON at the top decides what is written (and is called with its key): left to JSON.stringify.
  if (entries === undefined || entries.some(([, v]) => typeof v === "object" && v !== null && "toJSON" in v)) {
    yield JSON.stringify(value, null, 2) ?? "undefined";
    return;
  }
  const written = entries.filter(([, v]) => v !== undefined && typeof v !== "function" && typeof v !== "symbol");
  if (written.length === 0) {
    yield "{}";
    return;
  }
  yield "{\n";
  for (const [i, [key, v]] of written.entries()) {
    yield `  ${JSON.stringify(key)}: `;
    if (Array.isArray(v) && v.length > 0) {
      yield "[\n";
      for (let k = 0; k < v.length; k += 1) {
        yield `    ${indented(v[k], 2)}${k < v.length - 1 ? ",\n" : "\n"}`;
      }
      yield "  ]";
    } else {
      yield indented(v, 1);
    }
    yield i < written.length - 1 ? ",\n" : "\n";
  }
  yield "}";
}

// Stringified inside `depth` one-element arrays it comes out indented, and the wrapper is sliced off: re-indenting with
// replaceAll copied every row once more. In an array, what JSON cannot write is null.
function indented(value: unknown, depth: number): string {
  let wrapped: unknown = value;
  for (let d = 0; d < depth; d += 1) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  const before = depth * 2 + depth * (depth + 1);
  const after = depth * (depth + 1);
  return text.slice(before, text.length - after);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype && !("toJSON" in value);
}
