import { Scalar } from "yaml";
import { alignedMapped, type MappedText } from "../command-line/mapped-text.js";

/** Numbers and booleans as YAML wrote them when plain; undefined for null and other values. */
export function yamlScalarMapped(node: Scalar, text: string): MappedText | undefined {
  const { value, range } = node;
  if (range === undefined || range === null) return undefined;
  const written = typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" || typeof value === "bigint" ? text.slice(range[0], range[1]).trim() : undefined;
  if (written === undefined) return undefined;
  let from = range[0];
  let to = range[1];
  if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) {
    from += 1;
    to -= 1;
  } else if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) {
    from = text.indexOf("\n", from) + 1 || to;
  }
  return alignedMapped(written, text, from, Math.max(from, to));
}
