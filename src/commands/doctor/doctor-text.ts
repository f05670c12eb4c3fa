import type { Paint } from "../../render/paint.js";
import type { DoctorAnswer } from "./doctor.js";
import type { DoctorCheck, Evidence } from "../../diagnose/doctor-context.js";
import type { PastedErrorKind } from "../../diagnose/parse-error-text.js";
import { formatLocation, type Finding } from "../../findings/finding.js";
import { doctorWords } from "../../words/doctor-words.js";
import { findingWords } from "../../words/finding-words.js";

type Words = ReturnType<typeof doctorWords>;

function findingLines(f: Finding, paint: Paint, w: Words, observed: readonly Evidence[] = []): string[] {
  const mark = f.severity === "error" ? paint.red("✖") : f.severity === "warning" ? paint.yellow("!") : paint.blue("i");
  const lines = [`${mark} ${paint.bold(f.code)}  ${f.message}`];
  if (f.location.line !== undefined && f.severity !== "info") lines.push(paint.dim(`    ${w.at(formatLocation(f.location))}`));
  for (const said of observed) lines.push(paint.dim(`    ${w.observed(said(w.seen))}`));
  if (f.fix !== undefined) lines.push(`    ${paint.green(findingWords().fix)} ${f.fix}`);
  for (const c of f.commands ?? []) lines.push(`      ${c.startsWith("#") ? paint.dim(c) : `$ ${c}`}`);
  // A port to take instead closes the commands, as a comment: not one to run.
  if (f.data?.suggestion !== undefined) lines.push(`      ${paint.dim(w.instead(Number(f.data.suggestion)))}`);
  return lines;
}

function checkText(c: DoctorCheck, w: Words): string {
  switch (c.check) {
    case "listeners":
    case "holders":
    case "localhost":
      return w.ran[c.check];
    case "docker-ps":
      return w.ran.dockerPs;
    case "connect":
      return w.ran.connect(c);
    case "files":
      return w.ran.files(c);
    case "serve-metrics":
      return w.ran.serveMetrics(c.url);
  }
}

export function renderDoctorText(result: DoctorAnswer, paint: Paint): string {
  const w = doctorWords();
  const t = result.target;
  // Said once: "on macmini (this machine)", "on this machine (macmini)", or "on laptop, from macmini".
  const from = w.from(result.thisNode);
  const where =
    t.host !== null ? w.where.host(t.host, from) : t.node === null ? w.where.here(result.thisNode) : t.local ? w.where.local(t.node) : w.where.remote(t.node, from);
  const out = [paint.bold(w.heading({ input: t.input, subject: t.service ?? w.port(t.port), where }))];
  for (const note of result.notes) out.push(...findingLines(note, paint, w));
  const kinds: Readonly<Record<PastedErrorKind, string>> = w.kind;
  if (result.pastedError !== null) out.push(paint.dim(w.pasted({ kind: kinds[result.pastedError.kind], quote: result.pastedError.quote })));
  // The all-clear is the last line, not a finding line and then the same words again.
  const healthy = result.findings.find((f) => f.code === "doctor-healthy");
  for (const f of result.findings) if (f !== healthy) out.push(...findingLines(f, paint, w, result.observed.get(f)));
  out.push(paint.dim(w.checked(result.checks.map((c) => checkText(c, w)))));
  const warned = result.findings.some((f) => f.severity === "warning");
  if (!result.healthy) out.push(paint.red(`✖ ${w.problem}`));
  else if (warned) out.push(paint.yellow(`! ${w.warned}`));
  else out.push(paint.green(`✔ ${healthy?.message ?? w.healthy}`));
  return `${out.join("\n")}\n`;
}
