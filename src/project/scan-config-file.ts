import { parseAllDocuments } from "yaml";
import { configValueReferences } from "./config-value-references.js";
import { jsonConfigValues } from "./json-config-values.js";
import type { PortReference, ScanProblem } from "./port-reference.js";
import type { FileSite } from "./text-references.js";
import { yamlConfigValues } from "./yaml-config-values.js";
import { textPosition } from "../util/text-position.js";

export type ConfigFormat = "yaml" | "json";

/**
 * URLs and `host:port` strings anywhere in a YAML or JSON config (a load test's `target`, an app's settings, a CI
 * workflow); bare numbers only under port keys, so versions, timeouts and image tags stay silent. A `ports:` list's
 * host side is bound, its container side internal. Invalid YAML or JSON is one problem and no references.
 */
export function scanConfigFile(text: string, file: string, format: ConfigFormat): { references: PortReference[]; problems: ScanProblem[] } {
  const position = textPosition(text);
  const site: FileSite = { file, position, kind: "config" };
  const references: PortReference[] = [];
  const collect = (found: readonly PortReference[]): void => {
    for (const ref of found) references.push(ref);
  };
  if (format === "json") {
    const bom = text.startsWith("\uFEFF") ? 1 : 0;
    try {
      JSON.parse(text.slice(bom));
    } catch (error: unknown) {
      const at = error instanceof Error ? /at position (\d+)/.exec(error.message) : null;
      const reason = `invalid JSON: ${error instanceof Error ? error.message : String(error)}`;
      return { references: [], problems: [{ file, ...(at === null ? {} : position(Number(at[1]) + bom)), reason }] };
    }
    jsonConfigValues(text, (mapped, place) => collect(configValueReferences(mapped, place, site)));
    return { references, problems: [] };
  }
  const problems: ScanProblem[] = [];
  for (const doc of parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false })) {
    const error = doc.errors[0];
    if (error !== undefined) {
      problems.push({ file, ...position(error.pos[0]), reason: `invalid YAML: ${error.message.split("\n")[0] ?? error.code}` });
      continue;
    }
    yamlConfigValues(doc, text, (mapped, place) => collect(configValueReferences(mapped, place, site)));
  }
  return { references, problems };
}
