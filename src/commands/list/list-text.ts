import type { Paint } from "../../render/paint.js";
import type { ListResult } from "./list.js";
import { ACCESS_TEXT, STATUS_TEXT } from "../../render/sections.js";
import { textTable } from "../../render/text-table.js";

export async function renderListText(result: ListResult, paint: Paint): Promise<string> {
  const out: string[] = [];
  for (const section of result.sections) {
    out.push(paint.bold(section.title));
    const rows = section.rows.map((r) => [
      r.label,
      String(r.port),
      r.protocol,
      r.node,
      ACCESS_TEXT[r.access] ?? r.access,
      STATUS_TEXT[r.status] ?? r.status,
      [r.locked ? "fixed" : "", r.note ?? ""].filter((t) => t !== "").join("; "),
    ]);
    out.push(...(await textTable(["SERVICE", "PORT", "PROTO", "NODE", "ACCESS", "STATUS", "NOTE"], rows)).map((l) => `  ${l}`), "");
  }
  if (result.reservations.length > 0) {
    out.push(paint.bold("Reserved for later"));
    const rows = result.reservations.map((r) => [r.label, String(r.port), r.priority, r.purpose]);
    out.push(...(await textTable(["SERVICE", "PORT", "PRIORITY", "PURPOSE"], rows)).map((l) => `  ${l}`), "");
  }
  if (out.length === 0) out.push("no allocation matches these filters", "");
  return out.join("\n");
}
