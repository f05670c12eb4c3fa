import { chmod, mkdir, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DoctorResult } from "../../src/commands/doctor/doctor.js";
import type { StatusResult } from "../../src/commands/status/status.js";
import type { CliRun } from "../helpers/run-cli.js";
import { parseJson, runCliIn, spawnCliIn, tableRow } from "./cli-in-namespace.js";
import { THREE_NODE_SERVICES, writeRegistry, type ServiceSpec } from "./registry.js";
import { startScenario, stopScenario, type Scenario } from "./scenario.js";
import { startHttpServer, startNodeListeners } from "./servers.js";
import { NODE_ADDRESSES, topologySkipReason } from "./topology.js";

// Faults on the real three-node network: a server killed between two
// commands, two hundred services on one node, and a node vanishing while
// `status` runs. The tests run in this order; the last one removes the
// desktop for good.

const skip = topologySkipReason();
if (skip !== undefined) console.warn(`skipping the namespace fault e2e suite: ${skip}`);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(skip !== undefined)("three nodes in network namespaces: faults", () => {
  let s: Scenario | undefined;
  const scenario = (): Scenario => {
    if (s === undefined) throw new Error("the scenario did not start");
    return s;
  };
  const laptop = (registry: string, args: string[]): Promise<CliRun> => runCliIn(scenario().topology, "laptop", registry, args);
  const observedOf = (result: StatusResult, service: string): string | undefined => result.rows.find((r) => r.service === service)?.observed;

  beforeAll(async () => {
    s = await startScenario("faults");
  }, 60_000);
  afterAll(async () => {
    await stopScenario(s);
  });

  it("200 services on macmini, 100 of them listening: status reports exactly those 100 open and the other 100 closed", async () => {
    const { topology, dir } = scenario();
    const ports = Array.from({ length: 200 }, (_, i) => 20_000 + i);
    // Every other port, so open and closed interleave.
    const open = ports.filter((_, i) => i % 2 === 0);
    const listeners = await startNodeListeners(topology, "macmini", open, "0.0.0.0");
    try {
      const services: ServiceSpec[] = ports.map((port) => ({
        name: `svc-${port}`,
        label: `Svc ${port}`,
        team: "L",
        node: "macmini",
        port,
        protocol: "tcp",
        access: "all-nodes",
        status: "in-development",
      }));
      const registry = await writeRegistry(dir, "load.yaml", services, { L: { name: "Load", ranges: [{ name: "load", from: 20_000, to: 20_199 }] } });
      const json = await laptop(registry, ["--timeout", "1s", "status", "--json"]);
      const result = parseJson<StatusResult>(json);
      expect(result.rows).toHaveLength(200);
      const byState = (state: string): number[] => result.rows.filter((r) => r.observed === state).map((r) => r.port);
      expect(byState("open")).toEqual(open);
      expect(byState("closed")).toEqual(ports.filter((_, i) => i % 2 === 1));
      expect(result.rows.every((r) => r.host === NODE_ADDRESSES.macmini)).toBe(true);
      expect(result.findings).toEqual([]);
      expect(json.status).toBe(0);
      const text = await laptop(registry, ["--timeout", "1s", "status"]);
      expect(tableRow(text.stdout, "Svc 20000")).toEqual(["Svc 20000", "20000", "macmini", "in-development", "open"]);
      expect(tableRow(text.stdout, "Svc 20199")).toEqual(["Svc 20199", "20199", "macmini", "in-development", "closed"]);
      expect(text.stdout).toContain("200 ports, 0 mismatches");
    } finally {
      await listeners.kill();
    }
  });

  it("a server killed between two commands: FastAPI open, then closed, and doctor turns from healthy to refused", async () => {
    const { topology, registry, www } = scenario();
    const args = ["--timeout", "500ms", "status", "--node", "macmini", "--json"];
    const before = parseJson<StatusResult>(await laptop(registry, args));
    expect(observedOf(before, "fastapi")).toBe("open");
    expect((await laptop(registry, ["--timeout", "500ms", "doctor", "fastapi"])).status).toBe(0);

    await scenario().fastapi.kill();
    expect(topology.listening("macmini").map((l) => l.port)).not.toContain(8000);

    const after = parseJson<StatusResult>(await laptop(registry, args));
    expect(observedOf(after, "fastapi")).toBe("closed");
    expect(observedOf(after, "redis")).toBe("closed");
    const doctorRun = await laptop(registry, ["--timeout", "500ms", "doctor", "fastapi", "--json"]);
    expect(doctorRun.status).toBe(1);
    expect(parseJson<DoctorResult>(doctorRun).findings.map((f) => f.code)).toEqual(["doctor-refused-remote"]);

    // Back as it was, for the next test.
    scenario().fastapi = await startHttpServer(topology, "macmini", 8000, "0.0.0.0", www);
  });

  it("the desktop vanishes while status runs: status still ends within its timeout, the desktop's services filtered, exit 1", async () => {
    const { topology, dir } = scenario();
    // Ollama and ComfyUI declared running, as the team believes before the desktop drops off the network.
    const services = THREE_NODE_SERVICES.map((svc) => (svc.node === "desktop" ? { ...svc, status: "running" } : svc));
    const registry = await writeRegistry(dir, "vanish.yaml", services);

    // A stand-in `tailscale` holds status at a known point of its run (reading Tailscale, before any probe)
    // until the desktop is gone; then it reports a running tailnet without peers. Addresses are IPs, so
    // nothing is resolved through it.
    const gate = path.join(dir, "gate");
    const bin = path.join(dir, "bin");
    await mkdir(gate);
    await mkdir(bin);
    const entered = path.join(gate, "entered");
    const release = path.join(gate, "release");
    await writeFile(
      path.join(bin, "tailscale"),
      [
        "#!/bin/sh",
        `: > '${entered}'`,
        "i=0",
        `while [ ! -e '${release}' ] && [ $i -lt 400 ]; do sleep 0.025; i=$((i+1)); done`,
        `echo '{"BackendState":"Running","TUN":true,"Self":null,"Peer":{}}'`,
        "",
      ].join("\n"),
    );
    await chmod(path.join(bin, "tailscale"), 0o755);

    const timeoutMs = 2000;
    const started = performance.now();
    const status = spawnCliIn(topology, "laptop", registry, ["--timeout", `${timeoutMs}ms`, "status", "--json"], {
      env: { PATH: `${bin}:${process.env.PATH ?? ""}` },
    });
    while (!existsSync(entered)) {
      if (status.hasExited()) throw new Error(`status ended before reading Tailscale: ${status.stderr()}`);
      if (performance.now() - started > 10_000) throw new Error("status never reached its Tailscale read");
      await sleep(10);
    }
    expect(status.hasExited()).toBe(false);
    await topology.removeNode("desktop");
    expect(topology.isRemoved("desktop")).toBe(true);
    await writeFile(release, "");
    const released = performance.now();
    const { code } = await status.exited;
    const afterRelease = performance.now() - released;

    // One deadline for every probe: the run ends about one timeout after probing starts, whatever vanished.
    expect(afterRelease).toBeLessThan(timeoutMs + 3000);
    const result = parseJson<StatusResult>({ status: code ?? -1, stdout: status.stdout(), stderr: status.stderr() });
    // The stand-in answered in time: no Tailscale problem noted, so the rows are the network's doing.
    expect(result.notes).toEqual([]);
    const observed = Object.fromEntries(result.rows.map((r) => [r.service, r.observed]));
    // Nothing answers for the vanished node within the timeout; sparkport cannot tell that from a firewall, and says filtered.
    expect(observed).toEqual({ fastapi: "open", redis: "closed", ollama: "filtered", comfyui: "filtered", nextjs: "listening" });
    expect(result.findings.map((f) => f.message)).toEqual([
      "Redis on macmini is declared running but is closed",
      "Ollama on desktop is declared running but is filtered",
      "ComfyUI on desktop is declared running but is filtered",
    ]);
    // Error findings: exit 1, as for every sparkport command (README: 0 none, 1 error findings, 2 bad input).
    expect(code).toBe(1);

    // Afterwards the text view says the same on the desktop's rows.
    const text = await laptop(registry, ["--timeout", "500ms", "status", "--node", "desktop"]);
    expect(text.status).toBe(1);
    expect(tableRow(text.stdout, "Ollama")).toEqual(["Ollama", "11434", "desktop", "running", "filtered", "MISMATCH"]);
    expect(tableRow(text.stdout, "ComfyUI")).toEqual(["ComfyUI", "8188", "desktop", "running", "filtered", "MISMATCH"]);
  });
});
