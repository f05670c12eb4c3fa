import { compareRegistries, type PortChange } from "../../changes/compare-registries.js";
import { impactMarkdown } from "../../changes/impact.js";
import { applyEdit, type EditResult } from "../../edit/apply-edit.js";
import { setValue } from "../../edit/splice.js";
import { UsageError } from "../../findings/errors.js";
import { exitCodeFor } from "../../findings/exit-code.js";
import { makeFinding, type Finding } from "../../findings/finding.js";
import type { CommandRunner } from "../../io/command-runner.js";
import { prepareNetwork, type NetworkContext, type OccupancyOptions } from "../../network/network-context.js";
import type { FileFix } from "../../project/apply-scan-edits.js";
import type { LoadedRegistry } from "../../registry/loaded-registry.js";
import { buildModel, transportOf, type Allocation, type RegistryModel } from "../../registry/model.js";
import { openRegistry } from "../../registry/open-registry.js";
import { parseRegistry } from "../../registry/parse-registry.js";
import { serviceTarget } from "../../registry/service-target.js";
import { unknownEnvironmentText } from "../../util/unknown-name.js";
import { moveWords } from "../../words/move-words.js";
import { portInputWords } from "../../words/port-input-words.js";
import { checkPorts, type AllocationCheck } from "../allocate/check-ports.js";
import { serviceIndex } from "../release/release.js";
import { staleReferences, type StaleReference } from "./stale-references.js";

export interface MoveOptions extends OccupancyOptions {
  /** NAME, or NAME.ENV for that environment's own port. */
  target: string;
  port: number;
  /** Also rewrite the project's certain references to an old port. */
  write?: boolean;
  /** Move a locked service too. */
  force?: boolean;
  runner?: CommandRunner | undefined;
}

export interface MovePlan {
  service: string;
  /** Null: the base port, which the environments derived from it follow. */
  environment: string | null;
  node: string;
  from: number;
  to: number;
  /** Each moving environment's new port (`dev` for the base, as allocate says it). */
  ports: Record<string, number>;
  refusals: Finding[];
  /** The checks allocate makes, as its JSON says them. */
  checks: AllocationCheck[];
}

export interface MoveResult {
  plan: MovePlan;
  /** ports.yaml's change; null when refused. */
  edit: EditResult | null;
  /** Every port that moved, as `diff` compares registries. */
  changes: PortChange[];
  /** With --write, the project's files rewritten. */
  fixes: FileFix[];
  /** The references still using an old port: with --write, those left for a person. */
  references: StaleReference[];
  /** What `sparkport diff` would print for this change (Markdown); "" when refused. */
  announcement: string;
  exitCode: number;
}

interface Moving {
  index: number;
  environment: string | null;
  /** The allocation whose written port is asked for, and those that follow it. */
  own: Allocation;
  leaving: Allocation[];
}

/**
 * What the target names in this registry: the base port (NAME, or an environment at offset 0, which is the base), with
 * the environments derived from it; or one environment's own port. Bad input otherwise.
 */
function resolveTarget(model: RegistryModel, target: string, port: number): Moving {
  const { name, env } = serviceTarget(
    model.data.services.map((s) => s.name),
    target,
  );
  const index = serviceIndex(model.registry, name);
  const mine = model.allocations.filter((a) => a.serviceIndex === index);
  const isBase = (a: Allocation): boolean => a.path.length === 3;
  const base = mine.find(isBase);
  if (base === undefined) throw new Error(`no base allocation for ${name}`);
  const atBase = env === undefined || model.data.environments[env]?.offset === 0;
  // An environment has an allocation of its own only where the service lists it and the registry declares it.
  const own = atBase ? base : mine.find((a) => a.environment === env);
  if (own === undefined) {
    const known = mine.flatMap((a) => (a.environment === undefined ? [] : [a.environment]));
    throw new UsageError(unknownEnvironmentText(name, env ?? "", known));
  }
  if (own.port === port) throw new UsageError(moveWords().samePort(target, port));
  const leaving = atBase ? mine.filter((a) => isBase(a) || a.derived) : [own];
  return { index, environment: atBase ? null : (own.environment ?? null), own, leaving };
}

/** Refused when locked (without --force); otherwise the new ports checked as allocate checks them. */
async function planMove(model: RegistryModel, network: NetworkContext, moving: Moving, options: MoveOptions): Promise<MovePlan> {
  const service = moving.own.service;
  const newPort = (a: Allocation): number => (a === moving.own ? options.port : options.port + (model.data.environments[a.environment ?? ""]?.offset ?? 0));
  const ports = Object.fromEntries(moving.leaving.map((a) => [a.environment ?? "dev", newPort(a)]));
  const plan = { service: service.name, environment: moving.environment, node: service.node, from: moving.own.port, to: options.port, ports };
  if (service.locked === true && options.force !== true) {
    const refusal = makeFinding("move-locked", "error", { service: service.name, port: moving.own.port }, model.at(["services", moving.index, "locked"]));
    return { ...plan, refusals: [refusal], checks: [] };
  }
  const { refusals, checks } = await checkPorts(model, network, {
    service: service.name,
    team: service.team,
    node: service.node,
    ports,
    transport: transportOf(service.protocol),
    // The service's own recorded exception holds wherever its port goes, as lint reads it.
    outsideRangeAllowed: (service.exceptions ?? []).some((e) => e.rule === "outside-team-range"),
    leaving: (a) => moving.leaving.includes(a),
    moving: true,
  });
  return { ...plan, refusals, checks };
}

/** The port written: the base's `port:`, or the environment's own `port:` (added when it had none). */
function movedText(text: string, moving: Moving, port: number): string {
  const at = moving.environment === null ? ["services", moving.index, "port"] : ["services", moving.index, "environments", moving.environment, "port"];
  return setValue(text, at, port);
}

/**
 * The change protocol in one command: refuse a locked service without --force, check the new port as allocate does,
 * rewrite ports.yaml under its lock (every other byte kept), then find the project's references to an old port (with
 * --write, rewrite the certain ones) and write the announcement `diff` would print.
 */
export async function move(options: MoveOptions): Promise<MoveResult> {
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) throw new UsageError(portInputWords().portOption(String(options.port)));
  const loaded = await openRegistry(options);
  const model = buildModel(loaded);
  // Bad input is said before anything is probed or locked.
  resolveTarget(model, options.target, options.port);
  const network = await prepareNetwork(model, options);
  let planned: MovePlan | undefined;
  let before: LoadedRegistry = loaded;
  let written: string | undefined;
  // Planned under the lock, on the file as it is then.
  const edit = await applyEdit(
    loaded,
    async (current) => {
      const now = buildModel(current);
      const moving = resolveTarget(now, options.target, options.port);
      planned = await planMove(now, network, moving, options);
      if (planned.refusals.length > 0) return null;
      before = current;
      written = movedText(current.text, moving, options.port);
      return written;
    },
    { dryRun: false, fs: options.fs },
  );
  if (planned === undefined) throw new Error("move made no plan");
  if (written === undefined) return { plan: planned, edit: null, changes: [], fixes: [], references: [], announcement: "", exitCode: exitCodeFor(planned.refusals) };
  const after = buildModel(parseRegistry(written, loaded.file, loaded.absolutePath));
  const changes = compareRegistries(buildModel(before), after);
  const stale = await staleReferences(after, changes, { cwd: options.cwd, fs: options.fs, runner: options.runner, write: options.write === true });
  const title = moveWords().title(options.target, planned.from, planned.to);
  const announcement = impactMarkdown(after, stale.impacts, [], title);
  return { plan: planned, edit, changes, fixes: stale.fixes, references: stale.references, announcement, exitCode: 0 };
}
