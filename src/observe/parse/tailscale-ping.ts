export interface TailscalePing {
  /** derp: pongs came only through a relay; stopped: Tailscale is stopped here, or tailscaled is not running. */
  state: "direct" | "derp" | "timeout" | "stopped" | "unknown";
  via?: string;
  latencyMs?: number;
  /** The line that decided the state, or the first line otherwise. */
  quote: string;
}

// `pong from windows (100.105.106.81) via 192.168.2.228:41641 in 4ms`, `... via DERP(fra) in 1.023s`.
const PONG = /pong from .+ \([^)]*\) via (\S+) in ((?:\d+(?:\.\d+)?(?:ms|us|µs|ns|h|m|s))+)\s*$/;
const TIMED_OUT = /^ping ".*" timed out\s*$/;
const NO_REPLY = /^no reply\s*$/;
// tailscaled not running at all; "failed to connect to local tailscaled (which appears to be running ...)" is not this.
const STOPPED = /^Tailscale is stopped\.?\s*$|failed to connect to local tailscaled; it doesn't appear to be running/;
const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, µs: 0.001, ns: 0.000_001 };

/** A Go duration ("1m2.5s"). */
function durationMs(text: string): number | undefined {
  let total = 0;
  for (const [, amount = "0", unit = ""] of text.matchAll(/(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/g)) total += Number(amount) * (UNIT_MS[unit] ?? 0);
  const ms = Math.round(total * 1000) / 1000;
  return Number.isFinite(ms) ? ms : undefined;
}

/** Stdout and stderr together; never throws. */
export function parseTailscalePing(text: string): TailscalePing {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  let direct: TailscalePing | undefined;
  let derp: TailscalePing | undefined;
  let timedOut: string | undefined;
  let stopped: string | undefined;
  for (const line of lines) {
    const pong = PONG.exec(line);
    if (pong !== null) {
      const via = pong[1] ?? "";
      const latencyMs = durationMs(pong[2] ?? "");
      const result: TailscalePing = { state: /^DERP\(/.test(via) ? "derp" : "direct", via, ...(latencyMs === undefined ? {} : { latencyMs }), quote: line };
      if (result.state === "direct") direct = result;
      else derp = result;
    } else if (TIMED_OUT.test(line) || (NO_REPLY.test(line) && timedOut === undefined)) {
      timedOut = line;
    } else if (STOPPED.test(line)) {
      stopped ??= line;
    }
  }
  if (direct !== undefined) return direct;
  if (derp !== undefined) return derp;
  if (stopped !== undefined) return { state: "stopped", quote: stopped };
  if (timedOut !== undefined) return { state: "timeout", quote: timedOut };
  return { state: "unknown", quote: lines[0] ?? "" };
}
