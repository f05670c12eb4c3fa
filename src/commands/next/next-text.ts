import { nextWords } from "../../words/next-words.js";
import type { NextResult } from "./next.js";

/** A shortfall is said on stderr. */
export function renderNextText(result: NextResult, count: number): { out: string; err: string } {
  const w = nextWords();
  if (result.ports.length === 0) return { out: "", err: `sparkport: ${w.noneLeft(result.team)}\n` };
  const err = result.ports.length < count ? `sparkport: ${w.onlySome(result.ports.length, count, result.team)}\n` : "";
  const lines = result.environments.map((e, i) => {
    const ports = Object.entries(e).map(([k, v]) => (k === "base" ? String(v) : `${k}=${v}`)).join(" ");
    // stdout is what a script reads: the same in every language (the finding on stderr says why, in the run's).
    return result.unverified.includes(result.ports[i] ?? 0) ? `${ports} (unverified)` : ports;
  });
  const unverified = result.findings.map((f) => `sparkport: ${f.message}\n`).join("");
  return { out: `${lines.join("\n")}\n`, err: err + unverified };
}
