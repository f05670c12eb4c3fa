import { UsageError } from "../../findings/errors.js";
import { makeFinding, type Finding } from "../../findings/finding.js";
import { exitCodeFor } from "../../findings/exit-code.js";
import { applyEdit, type EditResult } from "../../edit/apply-edit.js";
import { blockItem, scalarText, appendService, removeListItem } from "../../edit/splice.js";
import { buildModel, transportOf, type RegistryModel } from "../../registry/model.js";
import { ACCESS_SCOPES, PROTOCOLS, type AccessScope, type Protocol, type Reservation } from "../../registry/schema.js";
import { requireKnown } from "../../util/require-known.js";
import type { NameKind } from "../../words/unknown-name-words.js";
import { findNextFree } from "../../network/find-next-free.js";
import { rememberProbes } from "../../network/remember-probes.js";
import { prepareNetwork, type NetworkContext, type OccupancyOptions } from "../../network/network-context.js";
import { openRegistry } from "../../registry/open-registry.js";
import { commandInputWords } from "../../words/command-input-words.js";
import { optionInputWords } from "../../words/option-input-words.js";
import { checkPorts, type AllocationCheck } from "./check-ports.js";

export type { AllocationCheck } from "./check-ports.js";

export interface AllocateOptions extends OccupancyOptions {
  service: string;
  team: string;
  node: string;
  port?: number | undefined;
  /** Besides the base (dev), e.g. "test,staging". */
  env?: string | undefined;
  protocol?: string | undefined;
  access?: string | undefined;
  note?: string | undefined;
  /** Allows a port outside the team's ranges, with this reason recorded. */
  exception?: string | undefined;
  /** The reservation this service takes over (removed in the same edit); by default the one of the service's name. */
  fromReservation?: string | undefined;
  dryRun?: boolean;
}

export interface AllocationPlan {
  service: string;
  team: string;
  node: string;
  port: number;
  ports: Record<string, number>;
  protocol: Protocol;
  access: AccessScope;
  refusals: Finding[];
  /** For the request form. */
  checks: AllocationCheck[];
  /** Taken over: removed from reservations in the same edit, its label, purpose and exceptions carried over. */
  reservation: Reservation | undefined;
}

export interface AllocateResult {
  plan: AllocationPlan;
  edit: EditResult | null;
  exitCode: number;
}

function oneOf<T extends string>(kind: NameKind, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  requireKnown(kind, value, allowed);
  return value;
}

/** Shared by `allocate` and `request`. */
export async function planAllocation(model: RegistryModel, seen: NetworkContext, options: AllocateOptions): Promise<AllocationPlan> {
  const { data } = model;
  const network = rememberProbes(seen);
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(options.service)) {
    throw new UsageError(commandInputWords().notServiceName(options.service));
  }
  requireKnown("team", options.team, Object.keys(data.teams));
  requireKnown("node", options.node, Object.keys(data.nodes));
  for (const [flag, value] of [["--note", options.note], ["--exception", options.exception]] as const) {
    if (value !== undefined && /[\u0000-\u001f\u007f]/.test(value)) throw new UsageError(optionInputWords().oneLine(flag));
  }
  const envs = options.env === undefined ? [] : options.env.split(",").map((e) => e.trim()).filter((e) => e !== "");
  for (const e of envs) requireKnown("environment", e, Object.keys(data.environments));
  const reservation = reservationTaken(model, options);
  const protocol = oneOf("protocol", options.protocol, PROTOCOLS, reservation?.protocol ?? "http");
  const access = oneOf("access scope", options.access, ACCESS_SCOPES, "all-nodes");
  const file = { file: model.registry.file };
  const refusals: Finding[] = [];
  const checks: AllocationCheck[] = [];

  if (data.services.some((s) => s.name === options.service)) refusals.push(makeFinding("allocate-name-taken", "error", { name: options.service }, file));
  let port = options.port ?? reservation?.port;
  if (reservation !== undefined) checks.push({ check: "reservation", name: reservation.name, port: reservation.port });
  if (port === undefined) {
    const query = { team: options.team, node: options.node, env: envs.join(",") || undefined, count: 1, transport: transportOf(protocol) };
    const [next] = await findNextFree(model, query, network);
    if (next === undefined) throw new UsageError(commandInputWords().noFreePort(options.team));
    port = next.port;
    checks.push({ check: "next-free", team: options.team, port });
  }
  const base = port;
  const ports: Record<string, number> = { dev: base };
  for (const e of envs) ports[e] = base + (data.environments[e]?.offset ?? 0);
  const asked = { service: options.service, team: options.team, node: options.node, ports, transport: transportOf(protocol), outsideRangeAllowed: options.exception !== undefined, reservation };
  const checked = await checkPorts(model, network, asked);
  refusals.push(...checked.refusals);
  checks.push(...checked.checks);
  return { service: options.service, team: options.team, node: options.node, port, ports, protocol, access, refusals, checks, reservation };
}

/** --from-reservation's, else the reservation of the service's own name; on another node it cannot be taken over. */
function reservationTaken(model: RegistryModel, options: AllocateOptions): Reservation | undefined {
  const reservations = model.data.reservations ?? [];
  if (options.fromReservation !== undefined) requireKnown("reservation", options.fromReservation, reservations.map((r) => r.name));
  const found = reservations.find((r) => r.name === (options.fromReservation ?? options.service));
  if (found?.node !== undefined && found.node !== options.node) {
    throw new UsageError(commandInputWords().reservationElsewhere(found.name, found.node, options.node));
  }
  return found;
}

function renderService(options: AllocateOptions, plan: AllocationPlan) {
  return (indent: string): string => {
    const fields: [string, string][] = [
      ["name", scalarText(plan.service)],
      ...(plan.reservation?.label === undefined ? [] : [["label", scalarText(plan.reservation.label)] as [string, string]]),
      ["team", scalarText(plan.team)],
      ["node", scalarText(plan.node)],
      ["port", String(plan.port)],
      ["protocol", plan.protocol],
      ["access", plan.access],
      ["status", "planned"],
    ];
    const note = options.note ?? plan.reservation?.purpose;
    if (note !== undefined) fields.push(["note", scalarText(note)]);
    const envs = Object.keys(plan.ports).filter((e) => e !== "dev");
    if (envs.length > 0) fields.push(["environments", `{ dev: {}, ${envs.map((e) => `${e}: {}`).join(", ")} }`]);
    // A reservation's exceptions still hold for the service, but outside-every-range, which only a team's range answers.
    const carried = (plan.reservation?.exceptions ?? []).filter((e) => e.rule !== "outside-every-range");
    const exceptions = [...(options.exception === undefined ? [] : [{ rule: "outside-team-range", reason: options.exception }]), ...carried];
    if (exceptions.length > 0) {
      fields.push(["exceptions", exceptions.map((e) => `\n${indent}    - rule: ${scalarText(e.rule)}\n${indent}      reason: ${scalarText(e.reason)}`).join("")]);
    }
    return blockItem(indent, fields);
  };
}

export async function allocate(options: AllocateOptions): Promise<AllocateResult> {
  const loaded = await openRegistry(options);
  const network = await prepareNetwork(buildModel(loaded), options);
  let planned: AllocationPlan | undefined;
  // Planned under the lock, on the file as it is then: two runs at once take two different ports.
  const edit = await applyEdit(
    loaded,
    async (current) => {
      const plan = await planAllocation(buildModel(current), network, options);
      planned = plan;
      if (plan.refusals.length > 0) return null;
      const text = plan.reservation === undefined ? current.text : removeListItem(current.text, "reservations", plan.reservation.name);
      return appendService(text, renderService(options, plan));
    },
    { dryRun: options.dryRun === true, fs: options.fs },
  );
  if (planned === undefined) throw new Error("allocate made no plan");
  if (planned.refusals.length > 0) return { plan: planned, edit: null, exitCode: exitCodeFor(planned.refusals) };
  return { plan: planned, edit, exitCode: 0 };
}
