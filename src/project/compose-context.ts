import { isMap, isScalar, type Document } from "yaml";
import { yamlValueOf } from "../util/yaml-value-of.js";
import type { EnvValues } from "./env-values.js";
import type { PortReference, ScanProblem } from "./port-reference.js";
import type { TextPosition } from "../util/text-position.js";

export interface ComposeContext {
  doc: Document;
  text: string;
  file: string;
  envFile: string;
  env: EnvValues;
  position: TextPosition;
  references: PortReference[];
  problems: ScanProblem[];
}

export function composeServices(ctx: ComposeContext): Array<{ name: string; node: unknown }> {
  const services = yamlValueOf(ctx.doc.contents, "services", ctx.doc);
  if (!isMap(services)) return [];
  return services.items.flatMap((pair) => (isScalar(pair.key) ? [{ name: String(pair.key.value), node: pair.value }] : []));
}
