import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { allocate } from "../src/commands/allocate/allocate.js";
import type { CommandResult, CommandRunner } from "../src/io/command-runner.js";
import { nodeFileSystem } from "../src/io/file-system.js";
import type { SocketTable } from "../src/observe/listener.js";
import type { ProbeResult, TcpProber } from "../src/observe/tcp-prober.js";

/** A node that drops every packet: each probe answers `filtered`, and is counted. */
class DroppingProber implements TcpProber {
  readonly asked: string[] = [];
  probe(host: string, port: number): Promise<ProbeResult> {
    this.asked.push(`${host}:${port}`);
    return Promise.resolve({ host, port, state: "filtered", ms: 200 });
  }
}

const noPrograms: CommandRunner = {
  run(file: string): Promise<CommandResult> {
    return Promise.reject(Object.assign(new Error(`spawn ${file} ENOENT`), { code: "ENOENT" }));
  },
};
const emptyTable: SocketTable = { snapshot: () => Promise.resolve({ listeners: [], excluded: [], source: "fake", ownersComplete: true }) };

let dir: string | undefined;
afterEach(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe("allocate on a node that drops packets", () => {
  it("probes each port once: the one the search picked is not asked again, and every environment's port once", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "sparkport-allocate-once-"));
    const registry = path.join(dir, "ports.yaml");
    const text = [
      "version: 1",
      "nodes:",
      "  laptop: {address: 127.0.0.1, os: linux}",
      "  desktop: {address: 127.0.0.3, os: windows}",
      "teams:",
      "  A: {name: AI, ranges: [{name: ai, from: 11000, to: 11999}]}",
      "environments:",
      "  dev: {offset: 0}",
      "  test: {offset: 1}",
      "services: []",
      "",
    ].join("\n");
    await writeFile(registry, text);
    const prober = new DroppingProber();
    const result = await allocate({
      service: "worker",
      team: "A",
      node: "desktop",
      env: "test",
      registry,
      processEnv: {},
      cwd: dir,
      fs: nodeFileSystem,
      timeoutMs: 200,
      remote: true,
      thisNode: "laptop",
      deps: { socketTable: emptyTable, prober, runner: noPrograms, localAddresses: () => ["127.0.0.1"] },
    });
    expect(result.exitCode).toBe(1);
    expect(result.plan.refusals.map((f) => f.code)).toEqual(["port-unverified-on-node", "port-unverified-on-node"]);
    expect(prober.asked.length).toBeGreaterThan(0);
    expect(new Set(prober.asked).size, prober.asked.join(" ")).toBe(prober.asked.length);
    expect(prober.asked).toEqual(expect.arrayContaining(["127.0.0.3:11000", "127.0.0.3:11001"]));
    expect(await readFile(registry, "utf8")).toBe(text);
  });
});
