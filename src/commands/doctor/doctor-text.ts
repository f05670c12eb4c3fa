import type { Paint } from "../../render/paint.js";
import type { DoctorResult } from "./doctor.js";
import { formatLocation, type Finding } from "../../findings/finding.js";

function findingLines(f: Finding, paint: Paint): string[] {
  const mark = f.severity === "error" ? paint.red("✖") : f.severity === "warning" ? paint.yellow("!") : paint.blue("i");
  const lines = [`${mark} ${paint.bold(f.code)}  ${f.message}`];
  if (f.location.line !== undefined && f.severity !== "info") lines.push(paint.dim(`    at ${formatLocation(f.location)}`));
  for (const e of f.evidence ?? []) lines.push(paint.dim(`    observed: ${e}`));
  if (f.fix !== undefined) lines.push(`    ${paint.green("fix:")} ${f.fix}`);
  for (const c of f.commands ?? []) lines.push(`      ${c.startsWith("#") ? paint.dim(c) : `$ ${c}`}`);
  return lines;
}

export function renderDoctorText(result: DoctorResult, paint: Paint): string {
  const t = result.target;
  // Said once: "on macmini (this machine)", "on this machine (macmini)", or "on laptop, from macmini".
  const from = result.thisNode ?? "an unregistered machine";
  const where =
    t.host !== null ? `${t.host}, from ${from}` : t.node === null ? `this machine${result.thisNode === null ? "" : ` (${result.thisNode})`}` : t.local ? `${t.node} (this machine)` : `${t.node}, from ${from}`;
  const out = [paint.bold(`doctor ${t.input}: ${t.service ?? `port ${t.port}`} on ${where}`)];
  for (const note of result.notes) out.push(...findingLines(note, paint));
  if (result.pastedError !== null) out.push(paint.dim(`pasted error: ${result.pastedError.kind} (${result.pastedError.quote})`));
  // The all-clear is the last line, not a finding line and then the same words again.
  const healthy = result.findings.find((f) => f.code === "doctor-healthy");
  for (const f of result.findings) if (f !== healthy) out.push(...findingLines(f, paint));
  out.push(paint.dim(`checked: ${result.checks.join("; ")}`));
  const warned = result.findings.some((f) => f.severity === "warning");
  if (!result.healthy) out.push(paint.red("✖ problem diagnosed; doctor changed nothing"));
  else if (warned) out.push(paint.yellow(`! nothing broken, but read the warning above; doctor changed nothing`));
  else out.push(paint.green(`✔ ${healthy?.message ?? "no problem found"}`));
  return `${out.join("\n")}\n`;
}
