import { isMap, isScalar, type Document } from "yaml";
import { yamlValueOf } from "../util/yaml-value-of.js";
import type { EnvValues } from "./env-values.js";
import type { PortReference, ScanProblem } from "./port-reference.js";
import type { TextPosition } from "../util/text-position.js";

/** One compose file being scanned: its parsed document, the .env beside it, and what was found so far. */
export interface ComposeContext {
  doc: Document;
  text: string;
  file: string;
  /** Path of the .env beside the file, for messages. */
  envFile: string;
  env: EnvValues;
  position: TextPosition;
  references: PortReference[];
  problems: ScanProblem[];
}

/** The services of a compose file: name and mapping node. */
export function composeServices(ctx: ComposeContext): Array<{ name: string; node: unknown }> {
  const services = yamlValueOf(ctx.doc.contents, "services", ctx.doc);
  if (!isMap(services)) return [];
  return services.items.flatMap((pair) => (isScalar(pair.key) ? [{ name: String(pair.key.value), node: pair.value }] : []));
}
