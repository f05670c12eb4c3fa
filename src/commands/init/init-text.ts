import { textTable } from "../../render/text-table.js";
import { initWords } from "../../words/init-words.js";
import type { TextOutput } from "../define-command.js";
import type { InitResult } from "./init.js";
import { foundIn } from "./proposal-text.js";

/** The services proposed, for the user to confirm; with --dry-run the registry goes to stdout and the rest to stderr. */
export async function initText(result: InitResult): Promise<TextOutput> {
  const w = initWords();
  const out: string[] = [];
  if (result.proposed !== null && result.proposed.length === 0) out.push(w.noPorts);
  if (result.proposed !== null && result.proposed.length > 0) {
    out.push(w.proposed(result.node));
    const rows = result.proposed.map((s) => [s.name, String(s.port), s.protocol, s.team, s.access, foundIn(s.references, 2)]);
    out.push(...(await textTable(w.header, rows)).map((l) => `  ${l}`));
  }
  if (!result.written) {
    out.push(w.dryRun(result.file, result.exists));
    return { out: result.text, err: `${out.join("\n")}\n` };
  }
  out.push(w.written(result.file, result.overwritten, result.proposed?.length ?? 0));
  return `${out.join("\n")}\n`;
}
