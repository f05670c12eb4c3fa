import type { Paint } from "../../render/paint.js";
import type { CheckResult, PortCheck } from "./check.js";
import type { Finding } from "../../findings/finding.js";
import { holderText } from "../../observe/local-verdict.js";

function registryLine(c: PortCheck): string {
  const parts: string[] = [];
  for (const a of c.registry.allocations) parts.push(`allocated to ${a.label}, team ${a.team}, on ${a.node} (${a.status})`);
  for (const r of c.registry.reservations) parts.push(`reserved for ${r.label} (${r.priority} priority)`);
  if (parts.length === 0) parts.push("not allocated");
  // A range named as its team (team backend's range backend) is said once: team backend's range 8000-8099.
  const ranges = c.registry.ranges.map((r) =>
    r.range.toLowerCase() === r.team.toLowerCase() ? `team ${r.team}'s range ${r.from}-${r.to}` : `team ${r.team}'s range ${r.range} (${r.from}-${r.to})`,
  );
  parts.push(ranges.length === 0 ? "in no team's range" : `inside ${ranges.join(", ")}`);
  return parts.join("; ");
}

function localLine(c: PortCheck): string | null {
  const local = c.local;
  if (local === null) return null;
  if (local.holders.length > 0) return `held by ${local.holders.map((h) => `${holderText(h)} on ${h.addresses.join(", ")}`).join("; ")}`;
  const inUse = local.binds.filter((b) => b.state === "in-use").map((b) => b.address);
  if (inUse.length > 0) return `in use on ${inUse.join(", ")} by a process whose owner is not visible`;
  const denied = local.binds.filter((b) => b.state === "denied").map((b) => b.address);
  if (denied.length > 0) return `binding is not permitted on ${denied.join(", ")}`;
  const free = local.binds.filter((b) => b.state === "free").map((b) => b.address);
  const absent = local.binds.filter((b) => b.state === "absent").map((b) => b.address);
  return `free on ${free.join(", ")}${absent.length === 0 ? "" : ` (${absent.join(", ")} not configured here)`}`;
}

function remoteLine(c: PortCheck): string | null {
  if (c.host === null) return null;
  const where = `${c.node ?? c.host} (${c.host.includes(":") ? `[${c.host}]` : c.host}:${c.port})`;
  if (c.remote === null) return `not probed on ${where}: offline mode (--no-remote or SPARKPORT_OFFLINE=1)`;
  const words = {
    open: "open: something listens",
    closed: "closed: nothing listens",
    filtered: c.remote.rejected === true ? "filtered: a firewall refused" : "filtered: no answer",
    "open|filtered": "open|filtered: no ICMP refusal (UDP)",
    unreachable: "unreachable",
    "name-error": "name does not resolve",
  };
  return `${words[c.remote.state]} on ${where}${c.protocol === "udp" ? " (UDP)" : ""}, ${Math.round(c.remote.ms)} ms`;
}

function findingLine(f: Finding, paint: Paint): string[] {
  const mark = f.severity === "error" ? paint.red("✖") : f.severity === "warning" ? paint.yellow("!") : paint.blue("i");
  const lines = [`  ${mark} ${f.code}  ${f.message}`];
  if (f.fix !== undefined) lines.push(`      ${paint.green("fix:")} ${f.fix}`);
  return lines;
}

export function renderCheckText(result: CheckResult, paint: Paint): string {
  const out: string[] = [];
  for (const note of result.notes) out.push(...findingLine(note, paint).map((l) => l.slice(2)));
  if (result.notes.length > 0) out.push("");
  for (const c of result.checks) {
    const verdict = c.verdict === "free" ? paint.green("free ✔") : paint.red("conflict ✖");
    out.push(`${paint.bold(String(c.port))}  ${verdict}${c.node === null ? "" : paint.dim(`  node ${c.node}${c.node === result.thisNode ? " (this machine)" : ""}`)}`);
    out.push(`  registry  ${registryLine(c)}`);
    const local = localLine(c);
    if (local !== null) out.push(`  local     ${local}`);
    const remote = remoteLine(c);
    if (remote !== null) out.push(`  remote    ${remote}`);
    // The remote line says the probe was skipped: its finding would say "offline mode" a second time.
    for (const f of c.findings) if (!(f.code === "remote-skipped" && remote !== null)) out.push(...findingLine(f, paint));
    if (c.next.length > 0) out.push(`  ${paint.green("next free:")} ${c.next.join(", ")}`);
    out.push("");
  }
  return out.join("\n");
}
