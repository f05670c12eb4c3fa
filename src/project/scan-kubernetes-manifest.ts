import { isPair, isScalar, parseAllDocuments, visit, type Node } from "yaml";
import type { PortReference, ReferenceRole, ScanProblem } from "./port-reference.js";
import { portNumber } from "./port-number.js";
import { textPosition } from "../util/text-position.js";

const PORT_KEYS: Readonly<Record<string, ReferenceRole>> = { containerPort: "listen", hostPort: "listen", nodePort: "listen", port: "listen", targetPort: "internal" };
const PROBES = new Set(["livenessProbe", "readinessProbe", "startupProbe"]);

/** A YAML file is a manifest when some document starts a line with both `apiVersion:` and `kind:`. */
export function isKubernetesManifest(text: string): boolean {
  return /^apiVersion:/m.test(text) && /^kind:/m.test(text);
}

/** `containerPort`, `hostPort`, `nodePort` and a Service's `port` are bound; `targetPort` and probe ports are the pod's own side. */
export function scanKubernetesManifest(text: string, file: string): { references: PortReference[]; problems: ScanProblem[] } {
  const position = textPosition(text);
  const references: PortReference[] = [];
  const problems: ScanProblem[] = [];
  for (const doc of parseAllDocuments(text, { prettyErrors: false })) {
    const error = doc.errors[0];
    if (error !== undefined) {
      problems.push({ file, ...position(error.pos[0]), reason: `invalid YAML: ${error.message.split("\n")[0] ?? error.code}` });
      continue;
    }
    visit(doc, {
      Pair: (_, pair, path) => {
        if (!isScalar(pair.key) || !isScalar(pair.value)) return;
        const key = String(pair.key.value);
        const fixed = PORT_KEYS[key];
        const value: Node = pair.value;
        const range = value.range;
        const port = portNumber(String(isScalar(value) ? value.value : ""));
        if (fixed === undefined || port === undefined || range === undefined || range === null) return;
        const inProbe = path.some((step) => isPair(step) && isScalar(step.key) && PROBES.has(String(step.key.value)));
        const digits = text.slice(range[0], range[1]).search(/\d/);
        const offset = range[0] + Math.max(digits, 0);
        const role: ReferenceRole = inProbe ? "internal" : fixed;
        references.push({ file, ...position(offset), offset, length: String(port).length, port, kind: "kubernetes", key, text: `${key}: ${port}`, role });
      },
    });
  }
  return { references, problems };
}
