import { textTable } from "../../render/text-table.js";
import { plural } from "../../util/plural.js";
import type { TextOutput } from "../define-command.js";
import type { InitResult } from "./init.js";
import { foundIn } from "./proposal-text.js";

/** The services proposed, for the user to confirm; with --dry-run the registry goes to stdout and the rest to stderr. */
export async function initText(result: InitResult): Promise<TextOutput> {
  const out: string[] = [];
  if (result.proposed !== null && result.proposed.length === 0) out.push("the project's files use no port on this machine: the plain starter instead");
  if (result.proposed !== null && result.proposed.length > 0) {
    out.push(`proposed from the project's files, on node ${result.node} (this machine):`);
    const rows = result.proposed.map((s) => [s.name, String(s.port), s.protocol, s.team, s.access, foundIn(s.references, 2)]);
    out.push(...(await textTable(["SERVICE", "PORT", "PROTOCOL", "TEAM", "ACCESS", "FOUND IN"], rows)).map((l) => `  ${l}`));
  }
  const what = result.proposed === null || result.proposed.length === 0 ? "" : ` with ${plural(result.proposed.length, "service")}`;
  const next = result.proposed === null || result.proposed.length === 0 ? "edit it" : "check the names, teams and access";
  if (!result.written) {
    const exists = result.exists ? ` (${result.file} exists: --force replaces it)` : "";
    out.push(`dry run: ${result.file} not written${exists}; the registry it would hold is on stdout`);
    return { out: result.text, err: `${out.join("\n")}\n` };
  }
  out.push(`${result.overwritten ? "replaced" : "created"} ${result.file}${what}; ${next}, then run \`sparkport lint\``);
  return `${out.join("\n")}\n`;
}
