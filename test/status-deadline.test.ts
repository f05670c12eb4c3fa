import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { status } from "../src/commands/status/status.js";
import { nodeFileSystem } from "../src/io/file-system.js";
import type { ProbeResult, TcpProber } from "../src/observe/tcp-prober.js";

/** A registry with `count` services on node "far" (127.0.0.2); nothing here is probed for real. */
function registry(count: number): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "sparkport-status-")), "ports.yaml");
  const services = Array.from({ length: count }, (_, i) => `  - {name: s${i}, team: B, node: far, port: ${28000 + i}, protocol: tcp, access: all-nodes, status: running}`);
  writeFileSync(
    file,
    ["version: 1", "nodes:", "  here: {address: 127.0.0.1, os: linux}", "  far: {address: 127.0.0.2, os: linux}", "teams:", "  B: {name: B, ranges: [{name: b, from: 28000, to: 28999}]}", "environments:", "  dev: {offset: 0}", "services:", ...services, ""].join("\n"),
  );
  return file;
}

/** A prober whose every probe times out (after `takesMs`, or the timeout it was given when honest), counting those in flight. */
function blackhole(takesMs?: number): TcpProber & { started: number; maxInFlight: number } {
  let inFlight = 0;
  const prober = {
    started: 0,
    maxInFlight: 0,
    probe: async (host: string, port: number, timeoutMs: number): Promise<ProbeResult> => {
      prober.started += 1;
      inFlight += 1;
      prober.maxInFlight = Math.max(prober.maxInFlight, inFlight);
      const ms = takesMs ?? timeoutMs;
      await new Promise((resolve) => setTimeout(resolve, ms));
      inFlight -= 1;
      return { host, port, state: "filtered", ms };
    },
  };
  return prober;
}

function run(file: string, prober: TcpProber, concurrency: number, timeoutMs: number) {
  return status({
    registry: file,
    processEnv: {},
    cwd: path.dirname(file),
    fs: nodeFileSystem,
    deps: {
      socketTable: { snapshot: async () => ({ listeners: [], excluded: [], source: "fake", ownersComplete: true }) },
      prober,
      runner: { run: async () => Promise.reject(Object.assign(new Error("spawn tailscale ENOENT"), { code: "ENOENT" })) },
      localAddresses: () => [],
    },
    timeoutMs,
    remote: true,
    thisNode: "here",
    concurrency,
  });
}

describe("status: one deadline for the run, one --timeout per round of --concurrency probes", () => {
  it("probes every service when they need more than one round, never more than --concurrency at once", async () => {
    const prober = blackhole();
    const result = await run(registry(10), prober, 3, 60);
    expect(prober.started).toBe(10);
    expect(prober.maxInFlight).toBe(3);
    expect(result.rows.map((r) => r.observed)).toEqual(Array.from({ length: 10 }, () => "filtered"));
    expect(result.findings.map((f) => f.code)).not.toContain("probes-skipped");
  });

  it("services that fit in one round share one --timeout", async () => {
    const prober = blackhole();
    const result = await run(registry(20), prober, 64, 150);
    // All 20 in flight together: the run is one --timeout, not twenty.
    expect(prober.maxInFlight).toBe(20);
    expect(result.rows.every((r) => r.observed === "filtered")).toBe(true);
  });

  it("a prober that overruns its timeout cannot stretch the run: the rest are skipped and said so", async () => {
    const prober = blackhole(120);
    const result = await run(registry(6), prober, 2, 50);
    const skipped = result.rows.filter((r) => r.observed === "skipped").length;
    expect(skipped).toBeGreaterThan(0);
    expect(prober.started).toBe(6 - skipped);
    expect(result.findings.map((f) => f.code)).toContain("probes-skipped");
    expect(result.exitCode).toBe(1);
  });
});
