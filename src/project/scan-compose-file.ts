import { parseDocument } from "yaml";
import type { ComposeContext } from "./compose-context.js";
import { composeCommandReferences } from "./compose-command-references.js";
import { composeEnvReferences } from "./compose-env-references.js";
import { composeHealthcheckReferences } from "./compose-healthcheck-references.js";
import { composePortReferences } from "./compose-port-references.js";
import type { EnvValues } from "./env-values.js";
import type { PortReference, ScanProblem } from "./port-reference.js";
import { textPosition } from "../util/text-position.js";

/** An anchor merged into two services is reported once per service, not twice. */
function unique(references: readonly PortReference[]): PortReference[] {
  const seen = new Set<string>();
  return references.filter((r) => {
    const id = `${r.kind}\u0000${r.key ?? ""}\u0000${r.offset}\u0000${r.port}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** `${VAR}` is substituted from `envBeside`, the `.env` beside the file; invalid YAML is one problem and no references. */
export function scanComposeFile(text: string, file: string, envBeside: EnvValues): { references: PortReference[]; problems: ScanProblem[] } {
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  const position = textPosition(text);
  const error = doc.errors[0];
  if (error !== undefined) {
    const reason = `invalid YAML: ${error.message.split("\n")[0] ?? error.code}`;
    return { references: [], problems: [{ file, ...position(error.pos[0]), reason }] };
  }
  const slash = file.lastIndexOf("/");
  const ctx: ComposeContext = {
    doc,
    text,
    file,
    envFile: `${slash < 0 ? "" : file.slice(0, slash + 1)}.env`,
    env: envBeside,
    position,
    references: [],
    problems: [],
  };
  composePortReferences(ctx);
  composeEnvReferences(ctx);
  composeCommandReferences(ctx);
  composeHealthcheckReferences(ctx);
  const references = unique(ctx.references).sort((a, b) => a.offset - b.offset || (a.key ?? "").localeCompare(b.key ?? "") || a.port - b.port);
  const problems = ctx.problems.filter((p, i) => ctx.problems.findIndex((q) => q.line === p.line && q.column === p.column && q.reason === p.reason) === i);
  return { references, problems };
}
