import type { NextResult } from "./next.js";

/** A shortfall is said on stderr. */
export function renderNextText(result: NextResult, count: number): { out: string; err: string } {
  if (result.ports.length === 0) return { out: "", err: `sparkport: no free port left in team ${result.team}'s ranges\n` };
  const err = result.ports.length < count ? `sparkport: only ${result.ports.length} of ${count} free ports left in team ${result.team}'s ranges\n` : "";
  const lines = result.environments.map((e, i) => {
    const ports = Object.entries(e).map(([k, v]) => (k === "base" ? String(v) : `${k}=${v}`)).join(" ");
    return result.unverified.includes(result.ports[i] ?? 0) ? `${ports} (unverified)` : ports;
  });
  const unverified = result.findings.map((f) => `sparkport: ${f.message}\n`).join("");
  return { out: `${lines.join("\n")}\n`, err: err + unverified };
}
