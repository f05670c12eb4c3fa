import { UsageError } from "../../findings/errors.js";
import { exitCodeFor } from "../../findings/exit-code.js";
import type { Finding } from "../../findings/finding.js";
import { checkAddressInUse } from "../../diagnose/checks/address-in-use.js";
import { checkCompose } from "../../diagnose/checks/compose.js";
import { checkDocker } from "../../diagnose/checks/docker.js";
import { checkEnvFiles } from "../../diagnose/checks/env-files.js";
import { checkGivenAddress, checkListening, checkLocalhostFamilies } from "../../diagnose/checks/listening.js";
import { checkRemote } from "../../diagnose/checks/remote.js";
import { createDoctorContext, type DoctorCheck, type DoctorDeps, type Evidence } from "../../diagnose/doctor-context.js";
import { parseErrorText, type PastedError } from "../../diagnose/parse-error-text.js";
import { resolveTarget, type DoctorTarget } from "../../diagnose/resolve-target.js";
import { buildModel } from "../../registry/model.js";
import { requireKnown } from "../../util/require-known.js";
import { openRegistry } from "../../registry/open-registry.js";
import { prepareNetwork, type OccupancyOptions } from "../../network/network-context.js";
import { commandInputWords } from "../../words/command-input-words.js";
import { hostPort } from "../../util/host-port.js";

export interface DoctorOptions extends OccupancyOptions {
  deps: DoctorDeps;
  /** Optional when --error names the port. */
  target?: string | undefined;
  /** Defaults to the interface match. */
  from?: string | undefined;
  error?: string | undefined;
}

export interface DoctorResult {
  registry: string;
  thisNode: string | null;
  target: { input: string; port: number; service: string | null; node: string | null; host: string | null; local: boolean };
  pastedError: PastedError | null;
  checks: DoctorCheck[];
  notes: Finding[];
  findings: Finding[];
  healthy: boolean;
  exitCode: number;
}

/** What doctor found: its JSON (DoctorResult), and each finding's evidence for the text to say in the run's language. */
export interface DoctorAnswer extends DoctorResult {
  observed: ReadonlyMap<Finding, readonly Evidence[]>;
}

function targetFromError(error: PastedError | null, target: string | undefined): string {
  const connecting = error !== null && error.kind !== "address-in-use" && error.kind !== "permission-denied";
  // A refused or timed-out connection names the address the client used: diagnose that one.
  const fromError =
    error?.port === undefined
      ? undefined
      : connecting && error.address !== undefined
        ? hostPort(error.address, error.port)
        : String(error.port);
  if (target !== undefined) {
    const named = /(\d+)\/?$/.exec(target.replace(/\/.*$/, ""))?.[1];
    if (error?.port !== undefined && named !== undefined && /^\d+$/.test(target.trim()) && Number(named) !== error.port) {
      throw new UsageError(commandInputWords().portsDisagree(named, error.port));
    }
    return target;
  }
  if (fromError !== undefined) return fromError;
  if (error !== null) throw new UsageError(commandInputWords().pastedNoPort(error.quote));
  throw new UsageError(commandInputWords().nothingToDiagnose);
}

export async function doctor(options: DoctorOptions): Promise<DoctorAnswer> {
  const pasted = options.error === undefined ? null : parseErrorText(options.error);
  if (options.error !== undefined && pasted === null) {
    throw new UsageError(commandInputWords().errorNotRecognised);
  }
  const model = buildModel(await openRegistry(options));
  requireKnown("node", options.from, Object.keys(model.data.nodes));
  const target: DoctorTarget = resolveTarget(model, targetFromError(pasted, options.target));
  const network = await prepareNetwork(model, { ...options, thisNode: options.from ?? options.thisNode });
  const ctx = createDoctorContext(model, network, options.deps, target, options.cwd);

  // An "address in use" error, or a bare port here, asks: who holds it, and how do I free it?
  const barePort = /^\d+$/.test(target.input.trim());
  const wantsPort =
    pasted?.kind === "address-in-use" || pasted?.kind === "permission-denied" || (pasted === null && barePort && ctx.local && target.allocation === null);
  if (wantsPort) {
    await checkAddressInUse(ctx, pasted?.program === "docker");
  } else if (ctx.local) {
    await checkListening(ctx);
    await checkLocalhostFamilies(ctx);
    await checkGivenAddress(ctx);
    // Listening everywhere here: probe the address other nodes use, which a firewall may still drop.
    const diagnosed = ctx.findings.some((f) => f.severity === "error");
    if (!diagnosed && target.node !== null && target.node === network.thisNode && target.host === null) await checkRemote(ctx);
  } else {
    await checkRemote(ctx);
  }
  if (!wantsPort) {
    if (ctx.local) await checkDocker(ctx);
    await checkCompose(ctx);
    await checkEnvFiles(ctx);
  }

  const healthy = !ctx.findings.some((f) => f.severity === "error");
  if (healthy && !wantsPort) {
    const host = target.host ?? (target.node === null ? "localhost" : network.hostOf(target.node));
    ctx.add("doctor-healthy", "info", { owner: ctx.owner, host, port: target.port });
  }
  return {
    registry: model.registry.file,
    thisNode: network.thisNode,
    target: {
      input: target.input,
      port: target.port,
      service: target.allocation?.service.name ?? null,
      node: target.node,
      host: target.host,
      local: ctx.local,
    },
    pastedError: pasted,
    checks: ctx.ran,
    notes: network.notes,
    findings: ctx.findings,
    observed: ctx.observed,
    healthy,
    exitCode: exitCodeFor(ctx.findings),
  };
}
