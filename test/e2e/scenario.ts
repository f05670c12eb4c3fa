import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { THREE_NODE_SERVICES, writeRegistry } from "./registry.js";
import { startHttpServer, startNodeListeners, startRedis, type RedisStandIn } from "./servers.js";
import { dropIncomingTcp, Topology, type NodeProcess } from "./topology.js";

// The guide's situation, for real:
// - macmini: FastAPI on 0.0.0.0:8000 (python3 -m http.server), Redis on 127.0.0.1:6379 only;
// - desktop: Ollama stopped (nothing on 11434), ComfyUI listening on 8188 behind an nft drop rule;
// - laptop (where sparkport runs): Next.js on 0.0.0.0:3000 (a node child process).

export interface Scenario {
  topology: Topology;
  /** The test's own folder: the registry, redis's dir, the empty folder http.server serves. */
  dir: string;
  registry: string;
  www: string;
  redisDir: string;
  fastapi: NodeProcess;
  redis: RedisStandIn;
  comfyui: NodeProcess;
  nextjs: NodeProcess;
}

/** Builds the topology and starts every server; on failure, everything started so far is torn down. */
export async function startScenario(prefix: string): Promise<Scenario> {
  const dir = await mkdtemp(path.join(tmpdir(), `sparkport-${prefix}-`));
  const www = path.join(dir, "www");
  const redisDir = path.join(dir, "redis");
  await mkdir(www);
  await mkdir(redisDir);
  let topology: Topology | undefined;
  try {
    topology = Topology.create();
    topology.ownDir(dir);
    const fastapi = await startHttpServer(topology, "macmini", 8000, "0.0.0.0", www);
    const redis = await startRedis(topology, "macmini", redisDir);
    dropIncomingTcp(topology, "desktop", 8188);
    const comfyui = await startHttpServer(topology, "desktop", 8188, "0.0.0.0", www);
    const nextjs = await startNodeListeners(topology, "laptop", [3000], "0.0.0.0");
    const registry = await writeRegistry(dir, "ports.yaml", THREE_NODE_SERVICES);
    return { topology, dir, registry, www, redisDir, fastapi, redis, comfyui, nextjs };
  } catch (error) {
    await topology?.teardown();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

export async function stopScenario(scenario: Scenario | undefined): Promise<void> {
  if (scenario === undefined) return;
  await scenario.topology.teardown();
  await rm(scenario.dir, { recursive: true, force: true });
}
