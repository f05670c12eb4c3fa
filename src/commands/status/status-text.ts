import type { Paint } from "../../render/paint.js";
import type { StatusResult } from "./status.js";
import { textTable } from "../../render/text-table.js";
import { plural } from "../../util/plural.js";

export async function renderStatusText(result: StatusResult, paint: Paint): Promise<string> {
  const rows = result.rows.map((r) => [
    r.label,
    String(r.port),
    r.node === result.thisNode ? `${r.node} (this machine)` : r.node,
    r.declared,
    r.addresses.length > 0 ? `${r.observed} on ${r.addresses.join(", ")}` : r.observed,
    r.mismatch ? "MISMATCH" : "",
  ]);
  const lines = (await textTable(["SERVICE", "PORT", "NODE", "DECLARED", "OBSERVED", ""], rows)).map((line, i) =>
    i > 0 && result.rows[i - 1]?.mismatch === true ? paint.red(line) : i === 0 ? paint.bold(line) : line,
  );
  const out = [...result.notes.map((n) => `${n.severity === "warning" ? "!" : "i"} ${n.message}`), ...lines, ""];
  const mismatches = result.rows.filter((r) => r.mismatch).length;
  for (const f of result.findings) out.push(`${f.severity === "error" ? paint.red("✖") : paint.yellow("!")} ${f.message}`, f.fix === undefined ? "" : `    fix: ${f.fix}`);
  out.push(`${plural(result.rows.length, "port")}, ${plural(mismatches, "mismatch", "mismatches")}`, "");
  return out.join("\n");
}
