import { UsageError } from "../../findings/errors.js";
import { makeFinding, type Finding } from "../../findings/finding.js";
import { buildModel } from "../../registry/model.js";
import { nodeNamed } from "../../network/node-by-host.js";
import { requireKnown } from "../../util/require-known.js";
import { findNextFree } from "../../network/find-next-free.js";
import { openRegistry } from "../../registry/open-registry.js";
import { prepareNetwork, type OccupancyOptions } from "../../network/network-context.js";
import { optionInputWords } from "../../words/option-input-words.js";

export interface NextOptions extends OccupancyOptions {
  team: string;
  node?: string | undefined;
  env?: string | undefined;
  count: number;
}

export interface NextResult {
  registry: string;
  team: string;
  node: string | null;
  thisNode: string | null;
  ports: number[];
  /** Ports the node could not be asked about (listed in ports too): exit 1 unless --no-remote. */
  unverified: number[];
  environments: Record<string, number>[];
  notes: Finding[];
  findings: Finding[];
  exitCode: number;
}

export async function next(given: NextOptions): Promise<NextResult> {
  if (!Number.isInteger(given.count) || given.count < 1 || given.count > 1000) {
    throw new UsageError(optionInputWords().count(String(given.count)));
  }
  const model = buildModel(await openRegistry(given));
  // --node MACMINI is node macmini, as MACMINI:8002 is.
  const options = { ...given, node: given.node === undefined ? undefined : (nodeNamed(model.data.nodes, given.node) ?? given.node) };
  requireKnown("team", options.team, Object.keys(model.data.teams));
  requireKnown("node", options.node, Object.keys(model.data.nodes));
  const envs = options.env === undefined ? [] : options.env.split(",").map((e) => e.trim());
  for (const e of envs) requireKnown("environment", e, Object.keys(model.data.environments));
  // A port for this machine needs nothing from Tailscale; one for another node is probed there.
  const network = await prepareNetwork(model, { ...options, tailscale: "when-asked" });
  const node = options.node ?? network.thisNode;
  if (node !== network.thisNode) await network.readTailscale();
  const free = await findNextFree(model, { team: options.team, node, env: options.env, count: options.count }, network);
  const ports = free.map((f) => f.port);
  const findings = free.flatMap((f) =>
    f.unverified === undefined ? [] : [makeFinding("port-unverified-on-node", "error", { port: f.port, node: node ?? "", state: f.unverified }, { file: model.registry.file })],
  );
  const environments = ports.map((p) =>
    Object.fromEntries((envs.length === 0 ? ["base"] : envs).map((e) => [e, p + (model.data.environments[e]?.offset ?? 0)])),
  );
  const unverified = free.filter((f) => f.unverified !== undefined).map((f) => f.port);
  const exitCode = ports.length < options.count || unverified.length > 0 ? 1 : 0;
  return { registry: model.registry.file, team: options.team, node, thisNode: network.thisNode, ports, unverified, environments, notes: network.notes, findings, exitCode };
}
