import { findNextFree } from "../../network/find-next-free.js";
import { holderText, localVerdict, type Holder } from "../../observe/local-verdict.js";
import type { DoctorContext } from "../doctor-context.js";
import { excludedPortFix } from "../../fixes/excluded-port-fix.js";
import { privilegedPortFix } from "../../fixes/privileged-port-fix.js";
import { stopProcessFix } from "../../fixes/stop-process-fix.js";
import { dockerHolder } from "./docker.js";

const DOCKER_PROXIES = /^(docker-proxy|com\.docke|com\.docker\.backend|Docker Desktop|vpnkit|wslrelay)/i;

/** The service's own registered port, else the next free in its team's ranges. */
async function alternative(ctx: DoctorContext): Promise<number | undefined> {
  const team = ctx.target.allocation?.service.team ?? ctx.model.data.services.find((s) => s.node === ctx.network.thisNode)?.team;
  if (team === undefined) return undefined;
  const [free] = await findNextFree(ctx.model, { team, node: ctx.network.thisNode, count: 1, verifiedOnly: true }, ctx.network);
  return free?.port;
}

/** Who holds the port, the command to stop it, and a port to take instead; doctor never stops anything itself. */
export async function checkAddressInUse(ctx: DoctorContext, dockerError = false): Promise<void> {
  ctx.ran.push("who holds the port here");
  const { port } = ctx.target;
  const verdict = await localVerdict(port, ctx.network.local, ctx.network.ownAddresses);
  const registered = ctx.model.allocations.filter((a) => a.port === port && a.node === ctx.network.thisNode).map((a) => a.label);
  const instead = await alternative(ctx);
  for (const holder of verdict.holders) {
    const evidence = [`listening: ${holder.addresses.map((a) => `${a}:${port}`).join(", ")} (${verdict.source})`];
    if (holder.pid !== null) {
      const commandLine = await ctx.deps.processInfo.commandLine(holder.pid);
      if (commandLine !== undefined) evidence.push(`PID ${holder.pid}: ${commandLine}`);
    }
    const fix = holder.pid === null ? undefined : stopProcessFix(ctx.deps.os, holder.pid, port, holder.command ?? undefined);
    const commands = [...(fix?.commands ?? [])];
    if (instead !== undefined) commands.push(`# or take a free port instead: ${instead}`);
    const args = { port, holder: holderText(holder), addresses: holder.addresses };
    ctx.add("doctor-port-in-use", "error", registered.length > 0 ? { ...args, service: registered.join(", ") } : args, { evidence, commands });
    if (isDockerProxy(holder) && !dockerError) await dockerHolder(ctx, port);
  }
  // Docker may hold a port with no host socket in sight (userland proxy off).
  if (dockerError || (verdict.holders.length === 0 && verdict.held)) await dockerHolder(ctx, port);
  const inUse = verdict.binds.filter((b) => b.state === "in-use").map((b) => b.address);
  if (verdict.holders.length === 0 && inUse.length > 0) {
    ctx.add("port-held-unknown", "error", { port, addresses: inUse }, { evidence: verdict.binds.map((b) => `bind ${b.address}:${port}: ${b.state}`) });
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

function isDockerProxy(holder: Holder): boolean {
  return holder.command !== null && DOCKER_PROXIES.test(holder.command);
}
