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
  const where = t.host ?? t.node ?? "this machine";
  const out = [
    paint.bold(`doctor ${t.input}: ${t.service ?? `port ${t.port}`} on ${where}${t.local ? " (this machine)" : ""}, from ${result.thisNode ?? "an unregistered machine"}`),
  ];
  for (const note of result.notes) out.push(...findingLines(note, paint));
  if (result.pastedError !== null) out.push(paint.dim(`pasted error: ${result.pastedError.kind} (${result.pastedError.quote})`));
  for (const f of result.findings) out.push(...findingLines(f, paint));
  out.push(paint.dim(`checked: ${result.checks.join("; ")}`));
  const warned = result.findings.some((f) => f.severity === "warning");
  if (!result.healthy) out.push(paint.red("✖ problem diagnosed; doctor changed nothing"));
  else out.push(warned ? paint.yellow("! nothing broken, but read the warning above; doctor changed nothing") : paint.green("✔ no problem found"));
  return `${out.join("\n")}\n`;
}
