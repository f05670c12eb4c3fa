import type { TextOutput } from "../define-command.js";
import { exportWords } from "../../words/export-words.js";
import type { ExportResult } from "./export.js";

/** The JSON on stdout, or with --write a line on stderr; left-out UDP ports are said on stderr either way. */
export function renderExportText(result: ExportResult): TextOutput {
  const w = exportWords();
  const notes: string[] = [];
  const count = result.groups.length;
  const file = result.written ?? "";
  if (result.outcome === "created") notes.push(w.created(file, count));
  else if (result.outcome === "updated") notes.push(w.updated(file, count));
  else if (result.outcome === "unchanged") notes.push(w.unchanged(file, count));
  if (result.skipped.length > 0) {
    notes.push(w.udpSkipped(result.skipped.map((s) => `${s.service}${s.environment === "" ? "" : `.${s.environment}`}@${s.node}:${s.port}/udp`).join(", ")));
  }
  const err = notes.map((n) => `${n}\n`).join("");
  return { out: result.written === null ? result.json : "", err };
}
