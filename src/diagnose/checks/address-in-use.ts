import { findNextFree } from "../../network/find-next-free.js";
import { registryVerdict } from "../../observe/registry-verdict.js";
import { holderText, localVerdict, type Holder } from "../../observe/local-verdict.js";
import type { DoctorContext, Evidence } from "../doctor-context.js";
import { excludedPortFix } from "../../fixes/excluded-port-fix.js";
import { privilegedPortFix } from "../../fixes/privileged-port-fix.js";
import { findHolder, stopProcessFix } from "../../fixes/stop-process-fix.js";
import type { Allocation } from "../../registry/model.js";
import { targetOf } from "../../registry/service-target.js";
import { splitCommandLine } from "../../command-line/split-command-line.js";
import { locateProgram } from "../../programs/locate-program.js";
import { programName } from "../../programs/program-name.js";
import { dockerHolder } from "./docker.js";

const DOCKER_PROXIES = /^(docker-proxy|com\.docke|com\.docker\.backend|Docker Desktop|vpnkit|wslrelay)/i;

/** A free port in the range holding this one (its service's team's, else the range's own team), in its environment. */
async function alternative(ctx: DoctorContext): Promise<number | undefined> {
  const { port, allocation } = ctx.target;
  const team = allocation?.service.team ?? registryVerdict(ctx.model, port).ranges[0]?.team;
  if (team === undefined) return undefined;
  const env = allocation !== null && allocation.port !== allocation.service.port ? allocation.environment : undefined;
  const offset = env === undefined ? 0 : (ctx.model.data.environments[env]?.offset ?? 0);
  const query = { team, node: ctx.network.thisNode, env, near: port, count: 1, verifiedOnly: true };
  const [free] = await findNextFree(ctx.model, query, ctx.network);
  return free === undefined ? undefined : free.port + offset;
}

/** Who holds the port, the command to stop it, and a port to take instead; doctor never stops anything itself. */
export async function checkAddressInUse(ctx: DoctorContext, dockerError = false): Promise<void> {
  ctx.ran.push({ check: "holders" });
  const { port } = ctx.target;
  const verdict = await localVerdict(port, ctx.network.local, ctx.network.ownAddresses);
  const owners = ctx.model.allocations.filter((a) => a.port === port && a.node === ctx.network.thisNode);
  const registered = owners.map((a) => a.label);
  const locked = owners.find((a) => a.service.locked === true);
  // A locked port never moves: its service is not offered another one.
  const instead = locked !== undefined && ctx.target.allocation?.service === locked.service ? undefined : await alternative(ctx);
  for (const holder of verdict.holders) {
    const evidence: Evidence[] = [(seen) => seen.listening(`${holder.addresses.map((a) => `${a}:${port}`).join(", ")} (${verdict.source})`)];
    const commandLine = holder.pid === null ? undefined : await ctx.deps.processInfo.commandLine(holder.pid);
    if (commandLine !== undefined) evidence.push(() => `PID ${holder.pid ?? ""}: ${commandLine}`);
    const itself = owners.find((a) => holderIsService(holder.command, commandLine, a));
    if (itself !== undefined) {
      // The registered service is what holds it: it is already up, and stopping it stops it for everyone using it.
      const args = { port, holder: holderText(holder), service: itself.label, target: targetOf(itself), locked: itself.service.locked === true };
      ctx.add("doctor-service-running", "warning", instead === undefined ? args : { ...args, instead }, { evidence, commands: [findHolder(ctx.deps.os, port, false)] });
      continue;
    }
    const fix = holder.pid === null ? undefined : stopProcessFix(ctx.deps.os, holder.pid, port, holder.command ?? undefined);
    const commands = [...(fix?.commands ?? [])];
    const args = { port, holder: holderText(holder), addresses: holder.addresses };
    const owned = registered.length > 0 ? { ...args, service: registered.join(", "), locked: locked !== undefined } : args;
    ctx.add("doctor-port-in-use", "error", owned, { evidence, commands, ...(instead === undefined ? {} : { suggestion: instead }) });
    if (isDockerProxy(holder) && !dockerError) await dockerHolder(ctx, port);
  }
  // Docker may hold a port with no host socket in sight (userland proxy off).
  if (dockerError || (verdict.holders.length === 0 && verdict.held)) await dockerHolder(ctx, port);
  const inUse = verdict.binds.filter((b) => b.state === "in-use").map((b) => b.address);
  if (verdict.holders.length === 0 && inUse.length > 0) {
    ctx.add("port-held-unknown", "error", { port, addresses: inUse }, { evidence: verdict.binds.map((b): Evidence => (seen) => seen.bind({ target: `${b.address}:${port}`, state: b.state })) });
  }
  if (verdict.excluded !== null) {
    const fix = excludedPortFix(port, verdict.excluded, instead);
    ctx.add("port-excluded", "error", { port, from: verdict.excluded.from, to: verdict.excluded.to }, { commands: fix.commands });
  }
  const denied = verdict.binds.filter((b) => b.state === "denied").map((b) => b.address);
  if (verdict.excluded === null && denied.length > 0) {
    const fix = privilegedPortFix(ctx.deps.os, port, instead);
    ctx.add("port-bind-denied", "error", { port, addresses: denied }, { commands: fix.commands });
  }
}

/** The holder runs the registered service: its program is named like the service or like its start command's program. */
function holderIsService(command: string | null, commandLine: string | undefined, allocation: Allocation): boolean {
  const norm = (w: string): string => programName(w).replace(/[^a-z0-9]/g, "");
  const start = allocation.start === undefined ? [] : [locateProgram(splitCommandLine(allocation.start)).name];
  const names = [allocation.service.name, allocation.service.label ?? "", ...start].map(norm).filter((n) => n.length >= 3);
  const words = [command ?? "", ...(commandLine === undefined ? [] : splitCommandLine(commandLine).slice(0, 4))].map(norm).filter((w) => w.length >= 3);
  return words.some((w) => names.some((n) => w.startsWith(n) || n.startsWith(w)));
}

function isDockerProxy(holder: Holder): boolean {
  return holder.command !== null && DOCKER_PROXIES.test(holder.command);
}
