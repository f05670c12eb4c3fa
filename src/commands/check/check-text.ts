import type { Paint } from "../../render/paint.js";
import type { CheckResult, PortCheck } from "./check.js";
import type { Finding } from "../../findings/finding.js";
import { holderText } from "../../observe/local-verdict.js";
import { widthFor } from "../../render/display-width.js";
import { checkWords } from "../../words/check-words.js";
import { findingWords } from "../../words/finding-words.js";
import { hostPort } from "../../util/host-port.js";

type Words = ReturnType<typeof checkWords>;

function registryLine(c: PortCheck, w: Words): string {
  const parts: string[] = [];
  for (const a of c.registry.allocations) parts.push(w.allocated(a));
  for (const r of c.registry.reservations) parts.push(w.reserved(r));
  if (parts.length === 0) parts.push(w.notAllocated);
  // A range named as its team (team backend's range backend) is said once: team backend's range 8000-8099.
  const ranges = c.registry.ranges.map((r) => w.range({ ...r, named: r.range.toLowerCase() !== r.team.toLowerCase() }));
  parts.push(ranges.length === 0 ? w.inNoRange : w.inside(ranges));
  return parts.join("; ");
}

function localLine(c: PortCheck, w: Words): string | null {
  const local = c.local;
  if (local === null) return null;
  if (local.holders.length > 0) return w.heldBy(local.holders.map((h) => ({ holder: holderText(h), addresses: h.addresses })));
  const inUse = local.binds.filter((b) => b.state === "in-use").map((b) => b.address);
  if (inUse.length > 0) return w.inUseUnseen(inUse);
  const denied = local.binds.filter((b) => b.state === "denied").map((b) => b.address);
  if (denied.length > 0) return w.denied(denied);
  const free = local.binds.filter((b) => b.state === "free").map((b) => b.address);
  const absent = local.binds.filter((b) => b.state === "absent").map((b) => b.address);
  return w.free(free, absent);
}

function remoteLine(c: PortCheck, w: Words): string | null {
  if (c.host === null) return null;
  const where = `${c.node ?? c.host} (${hostPort(c.host, c.port)})`;
  if (c.remote === null) return w.notProbed(where);
  const state = c.remote.state === "filtered" && c.remote.rejected === true ? w.probed.rejected : w.probed[c.remote.state];
  return w.remote({ state, where, udp: c.protocol === "udp", ms: Math.round(c.remote.ms) });
}

function findingLine(f: Finding, paint: Paint): string[] {
  const mark = f.severity === "error" ? paint.red("✖") : f.severity === "warning" ? paint.yellow("!") : paint.blue("i");
  const lines = [`  ${mark} ${f.code}  ${f.message}`];
  if (f.fix !== undefined) lines.push(`      ${paint.green(findingWords().fix)} ${f.fix}`);
  return lines;
}

export async function renderCheckText(result: CheckResult, paint: Paint): Promise<string> {
  const w = checkWords();
  // The three labels line up by display width: a Korean syllable takes two columns.
  const widthOf = await widthFor(Object.values(w.label));
  const column = Math.max(...Object.values(w.label).map(widthOf)) + 2;
  const label = (text: string): string => `  ${text}${" ".repeat(column - widthOf(text))}`;
  const out: string[] = [];
  for (const note of result.notes) out.push(...findingLine(note, paint).map((l) => l.slice(2)));
  if (result.notes.length > 0) out.push("");
  for (const c of result.checks) {
    const verdict = c.verdict === "free" ? paint.green(w.verdict.free) : paint.red(w.verdict.conflict);
    out.push(`${paint.bold(String(c.port))}  ${verdict}${c.node === null ? "" : paint.dim(`  ${w.node(c.node, c.node === result.thisNode)}`)}`);
    out.push(`${label(w.label.registry)}${registryLine(c, w)}`);
    const local = localLine(c, w);
    if (local !== null) out.push(`${label(w.label.local)}${local}`);
    const remote = remoteLine(c, w);
    if (remote !== null) out.push(`${label(w.label.remote)}${remote}`);
    // The remote line says the probe was skipped: its finding would say "offline mode" a second time.
    for (const f of c.findings) if (!(f.code === "remote-skipped" && remote !== null)) out.push(...findingLine(f, paint));
    if (c.next.length > 0) out.push(`  ${paint.green(w.nextFree)} ${c.next.join(", ")}`);
    out.push("");
  }
  return out.join("\n");
}
