import path from "node:path";
import { CLI, REPO_ROOT, type CliRun } from "../helpers/run-cli.js";
import type { NodeName, NodeProcess, Topology } from "./topology.js";

// The built CLI run inside a node's namespace, as a user on that machine would
// run it: `ip netns exec NS node dist/bin.cjs ...`, NO_COLOR=1, SPARKPORT_NODE
// naming that node, and always an explicit --registry written by the test.

export interface InNamespaceOptions {
  /** Extra environment (PATH for a stand-in tool). */
  env?: Record<string, string>;
}

function cliArgs(registry: string, args: readonly string[]): string[] {
  // Safety: never the repository's own ports.yaml, never a registry found by walking up from the cwd.
  if (!path.isAbsolute(registry) || path.resolve(registry) === path.join(REPO_ROOT, "ports.yaml")) {
    throw new Error(`the namespace tests take a registry they wrote themselves, not ${registry}`);
  }
  return [CLI, "--registry", registry, ...args];
}

/** Starts the CLI in `node`'s namespace, after checking that namespace has no default route. */
export function spawnCliIn(topology: Topology, node: NodeName, registry: string, args: readonly string[], options: InNamespaceOptions = {}): NodeProcess {
  topology.assertNoDefaultRoute(node);
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", SPARKPORT_NODE: node, ...options.env };
  for (const name of ["FORCE_COLOR", "SPARKPORT_REGISTRY", "SPARKPORT_OFFLINE"]) delete env[name];
  // The registry's folder is the project: doctor's compose and .env scans see only what the test wrote.
  return topology.spawn(node, process.execPath, cliArgs(registry, args), { cwd: path.dirname(registry), env });
}

/** Runs the CLI in `node`'s namespace to completion. */
export async function runCliIn(topology: Topology, node: NodeName, registry: string, args: readonly string[], options: InNamespaceOptions = {}): Promise<CliRun> {
  const proc = spawnCliIn(topology, node, registry, args, options);
  const { code, signal } = await proc.exited;
  if (code === null) throw new Error(`sparkport ${args.join(" ")} was killed (${String(signal)}): ${proc.stderr()}`);
  return { status: code, stdout: proc.stdout(), stderr: proc.stderr() };
}

/** The CLI's --json output, parsed; throws with what it printed when it is not JSON. */
export function parseJson<T>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`expected JSON on stdout (exit ${run.status}); stdout: ${run.stdout}\nstderr: ${run.stderr}`);
  }
}

/** The text table's row for `label`, split on its column gaps: ["Redis", "6379", "macmini", "running", "closed", "MISMATCH"]. */
export function tableRow(text: string, label: string): string[] | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${label} `));
  return line?.trim().split(/\s{2,}/);
}
