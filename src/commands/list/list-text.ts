import { language } from "../../findings/language.js";
import type { Paint } from "../../render/paint.js";
import type { ListResult } from "./list.js";
import { WORDS } from "../../render/sections.js";
import { textTable } from "../../render/text-table.js";
import { listWords } from "../../words/list-words.js";

export async function renderListText(result: ListResult, paint: Paint): Promise<string> {
  const w = listWords();
  // The cells' words are the documents' (docs), per language; a value they do not know is shown as written.
  const table = WORDS[language()];
  const cells: Readonly<Record<"access" | "status" | "priority", Readonly<Record<string, string>>>> = table;
  const out: string[] = [];
  for (const section of result.sections) {
    out.push(paint.bold(section.title));
    const rows = section.rows.map((r) => [
      r.label,
      String(r.port),
      r.protocol,
      r.node,
      cells.access[r.access] ?? r.access,
      cells.status[r.status] ?? r.status,
      [r.locked ? w.locked : "", r.note ?? ""].filter((t) => t !== "").join("; "),
    ]);
    out.push(...(await textTable(w.header, rows)).map((l) => `  ${l}`), "");
  }
  if (result.reservations.length > 0) {
    out.push(paint.bold(table.docs.reservations));
    const rows = result.reservations.map((r) => [r.label, String(r.port), cells.priority[r.priority] ?? r.priority, r.purpose]);
    out.push(...(await textTable(w.reservationHeader, rows)).map((l) => `  ${l}`), "");
  }
  if (out.length === 0) out.push(w.noMatch, "");
  return out.join("\n");
}
