// Shared by the bench scripts: run commands as child processes, interleaved
// (one run of each in turn, so a busy machine slows all of them alike),
// after a warm-up, and print median, min, max and the ratio to a baseline
// measured in the same run.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const CLI = fileURLToPath(new URL("../dist/bin.cjs", import.meta.url));

/** One environment for every command: no colour, and no NODE_EXTRA_CA_CERTS (a fixed per-start cost that hides ours). */
export function benchEnv(extra = {}) {
  const env = { ...process.env, NO_COLOR: "1", ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

export function runs(fallback) {
  return Number(process.env.RUNS ?? fallback);
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), samples: sorted.length };
}

/**
 * Time each `{name, file, args, env?, cwd?, expect?}` `runs` times after `warmup`
 * runs, interleaved. `expect(result)` may throw: a bench of a command that
 * failed measures nothing.
 */
export function measure(commands, { runs: count, warmup = 3 }) {
  const samples = commands.map(() => []);
  for (let round = 0; round < warmup + count; round += 1) {
    commands.forEach((command, i) => {
      const start = process.hrtime.bigint();
      const result = spawnSync(command.file, command.args, { env: command.env ?? benchEnv(), cwd: command.cwd, encoding: "utf8", maxBuffer: 64 << 20 });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (result.error) throw new Error(`${command.name}: ${result.error.message}`);
      command.expect?.(result);
      if (round >= warmup) samples[i].push(ms);
    });
  }
  return commands.map((command, i) => ({ name: command.name, ...stats(samples[i]) }));
}

const fmt = (ms) => ms.toFixed(1).padStart(8);

/** Print rows with their ratio to the row named `baseline`; returns the ratios by name. */
export function report(title, rows, baseline) {
  const base = rows.find((r) => r.name === baseline);
  if (base === undefined) throw new Error(`no baseline row ${baseline}`);
  const width = Math.max(...rows.map((r) => r.name.length)) + 2;
  console.log(`\n${title}`);
  console.log(`${"".padEnd(width)}  median ms      min      max   × ${baseline}`);
  const ratios = {};
  for (const row of rows) {
    ratios[row.name] = row.median / base.median;
    console.log(`${row.name.padEnd(width)}${fmt(row.median)} ${fmt(row.min)} ${fmt(row.max)}   ${ratios[row.name].toFixed(2)}`);
  }
  return ratios;
}

/** A target line: `label: value (target op limit) ok|MISSED`. */
export function target(label, value, limit, unit = "×") {
  const ok = value <= limit;
  console.log(`${ok ? "ok    " : "MISSED"} ${label}: ${value.toFixed(2)}${unit} (target <= ${limit}${unit})`);
  return ok;
}

export function has(command) {
  return spawnSync(command, ["--version"], { stdio: "ignore" }).error === undefined;
}

export function header() {
  console.log(`node ${process.version}, ${process.platform} ${process.arch}, ${runs(15)} runs per command (RUNS=...), interleaved, after a warm-up`);
}
