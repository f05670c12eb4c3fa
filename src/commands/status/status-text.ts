import { language } from "../../findings/language.js";
import type { Paint } from "../../render/paint.js";
import { WORDS } from "../../render/sections.js";
import type { Observed, StatusResult, StatusRow } from "./status.js";
import { prometheusWords } from "../../words/prometheus-words.js";
import { textTable } from "../../render/text-table.js";
import { reportWords } from "../../words/report-words.js";
import { statusWords } from "../../words/status-words.js";

export async function renderStatusText(result: StatusResult, paint: Paint): Promise<string> {
  const w = statusWords();
  const observed: Record<Observed, string> = w.observed;
  const statusWord: Readonly<Record<string, string>> = WORDS[language()].status;
  const p = prometheusWords();
  const seen = (r: StatusRow): string => {
    if (r.sample === undefined) return r.addresses.length > 0 ? w.listeningOn(observed[r.observed], r.addresses) : observed[r.observed];
    const { ageMs, stale, staleAfterMs } = r.sample;
    if (stale && ageMs !== null && staleAfterMs !== null) return w.stale(p.age(ageMs), p.age(staleAfterMs));
    return w.fromPrometheus(observed[r.observed], ageMs === null ? undefined : p.age(ageMs));
  };
  const rows = result.rows.map((r) => [
    r.label,
    String(r.port),
    r.node === result.thisNode ? w.thisMachine(r.node) : r.node,
    w.declared(r.declared, statusWord[r.declared] ?? r.declared),
    seen(r),
    r.mismatch ? w.mismatch : "",
  ]);
  const lines = (await textTable(w.header, rows)).map((line, i) =>
    i > 0 && result.rows[i - 1]?.mismatch === true ? paint.red(line) : i === 0 ? paint.bold(line) : line,
  );
  const out = [...result.notes.map((n) => `${n.severity === "warning" ? "!" : "i"} ${n.message}`), ...lines, ""];
  const mismatches = result.rows.filter((r) => r.mismatch).length;
  const fix = reportWords().fix;
  for (const f of result.findings) out.push(`${f.severity === "error" ? paint.red("✖") : paint.yellow("!")} ${f.message}`, f.fix === undefined ? "" : `    ${fix} ${f.fix}`);
  out.push(w.summary(result.rows.length, mismatches), "");
  return out.join("\n");
}
