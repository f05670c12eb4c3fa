import { readTextSync } from "../io/read-text-sync.js";
import type { Transport } from "../registry/model.js";
import type { ProbeResult } from "./tcp-prober.js";

export interface ProbeTarget {
  host: string;
  port: number;
  /** tcp when absent. */
  transport?: Transport;
}

/** A TcpProber, or one that also takes the target's transport. */
export interface TargetProber {
  probe(host: string, port: number, timeoutMs: number, transport?: Transport): Promise<ProbeResult>;
}

export interface ProbeManyOptions {
  timeoutMs: number;
  /** Most probes (so sockets) in flight at once; an integer of at least 1. */
  concurrency: number;
  /** Called as each probe finishes, in finishing order, with the target's index. */
  onResult?: (result: ProbeResult, index: number) => void;
}

/**
 * Probe every target with at most `concurrency` probes in flight; results
 * come back in target order. When a probe or `onResult` throws, no new
 * probes start, the running ones finish, and the first error is rethrown.
 */
export async function probeMany(prober: TargetProber, targets: readonly ProbeTarget[], options: ProbeManyOptions): Promise<ProbeResult[]> {
  const { concurrency, timeoutMs, onResult } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be an integer of at least 1, got ${concurrency}`);
  const results = new Array<ProbeResult | undefined>(targets.length);
  let next = 0;
  let failed = false;

  const worker = async (): Promise<void> => {
    while (!failed && next < targets.length) {
      const index = next;
      next += 1;
      const target = targets[index];
      if (target === undefined) continue;
      try {
        const result = await prober.probe(target.host, target.port, timeoutMs, target.transport);
        results[index] = result;
        onResult?.(result, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };

  const settled = await Promise.allSettled(Array.from({ length: Math.min(concurrency, targets.length) }, worker));
  const rejection = settled.find((outcome) => outcome.status === "rejected");
  if (rejection !== undefined) throw rejection.reason;
  return results.filter((result) => result !== undefined);
}

/** Used when the open-file limit cannot be read: macOS's default soft limit. */
const FALLBACK_FILE_LIMIT = 256;
const MAX_CONCURRENCY = 1024;

/** The soft "Max open files" limit from /proc/self/limits text; Infinity for "unlimited"; undefined when absent. */
export function softOpenFileLimit(limits: string): number | undefined {
  const match = /^Max open files\s+(\d+|unlimited)\s/m.exec(limits);
  if (match?.[1] === undefined) return undefined;
  return match[1] === "unlimited" ? Number.POSITIVE_INFINITY : Number(match[1]);
}

/**
 * A quarter of the open-file limit, so probes leave descriptors for everything
 * else, and at most 1024. The limit comes from /proc/self/limits on Linux;
 * elsewhere (or unreadable) 256 is assumed, giving 64.
 */
export function defaultConcurrency(readLimits: () => string | undefined = readProcLimits): number {
  return Math.max(1, Math.min(Math.floor(openFileLimit(readLimits) / 4), MAX_CONCURRENCY));
}

/**
 * The most probes the open-file limit allows: half of it, the rest for what else is open (the registry, pipes,
 * Node's own). Past it, connects fail with EMFILE, which is this process's state, not the network's.
 */
export function concurrencyCap(readLimits: () => string | undefined = readProcLimits): number {
  const limit = openFileLimit(readLimits);
  return Number.isFinite(limit) ? Math.max(1, Math.floor(limit / 2)) : Number.MAX_SAFE_INTEGER;
}

function openFileLimit(readLimits: () => string | undefined): number {
  const text = readLimits();
  return (text === undefined ? undefined : softOpenFileLimit(text)) ?? FALLBACK_FILE_LIMIT;
}

function readProcLimits(): string | undefined {
  if (process.platform !== "linux") return undefined;
  try {
    return readTextSync("/proc/self/limits");
  } catch {
    return undefined;
  }
}
