import type { DoctorContext, Evidence } from "../doctor-context.js";
import { firewallFix } from "../../fixes/firewall-fix.js";
import { tailscaleFix } from "../../fixes/tailscale-fix.js";
import { servedBind } from "./served-bind.js";
import { tailscalePing } from "./tailscale-ping.js";
import { doctorWords } from "../../words/doctor-words.js";
import { hostPort } from "../../util/host-port.js";

/** Refused means not running or localhost-only there; no answer, or an ICMP REJECT, means a firewall, an ACL or Tailscale. */
export async function checkRemote(ctx: DoctorContext): Promise<void> {
  const { port } = ctx.target;
  const node = ctx.target.node ?? ctx.target.host ?? "";
  const host = ctx.target.host ?? ctx.network.hostOf(node);
  if (!ctx.network.remote) {
    const { skipped } = doctorWords();
    ctx.add("doctor-check-skipped", "info", { check: skipped.remote, reason: skipped.offline });
    return;
  }
  ctx.ran.push({ check: "connect", target: `${host}:${port}`, fromHere: true });
  const probe = await ctx.network.probe(host, port, undefined, ctx.target.allocation?.transport);
  const target = hostPort(host, port);
  const evidence: Evidence[] = [(seen) => seen.probeTimed({ target, state: probe.state, ms: Math.round(probe.ms), code: probe.errorCode })];
  const service = ctx.target.allocation?.service.name ?? String(port);
  // A UDP port without a refusal is all a datagram can show of a healthy service.
  if (probe.state === "open" || probe.state === "open|filtered") return;
  if (probe.state === "closed") {
    // Refused: the node's own serve, where it runs, tells a loopback-only bind from nothing listening.
    const allocation = ctx.target.allocation;
    const served = allocation === null ? undefined : await servedBind(ctx, allocation, host);
    if (served !== undefined && served.scopes.join() === "loopback") {
      const holder = served.pid === undefined ? (served.program ?? "") : `PID ${served.pid}${served.program === undefined ? "" : `, ${served.program}`}`;
      evidence.push((seen) => seen.served({ url: served.url, scopes: served.scopes, holder }));
      ctx.add("doctor-localhost-only-remote", "error", { owner: ctx.owner, node, port, holder }, { evidence });
      return;
    }
    ctx.add("doctor-refused-remote", "error", { owner: ctx.owner, service, host, port, node }, { evidence });
    return;
  }
  const tailscale = tailscaleEvidence(ctx, host);
  evidence.push(...tailscale.evidence);
  const commands = [...tailscale.commands];
  const ping = await tailscalePing(ctx, host);
  if (ping !== undefined) evidence.push(ping);
  if (probe.state === "filtered" && probe.rejected === true) {
    commands.push(...firewallFix(ctx.targetOs, port).commands);
    ctx.add("doctor-firewall-refused", "error", { owner: ctx.owner, host, port, node, detail: probe.errorCode ?? "refused" }, { evidence, commands });
  } else if (probe.state === "filtered") {
    commands.push(...firewallFix(ctx.targetOs, port).commands);
    ctx.add("doctor-filtered", "error", { owner: ctx.owner, host, port, node, timeoutMs: ctx.network.timeoutMs }, { evidence, commands });
  } else {
    ctx.add("doctor-unreachable", "error", { host, node, detail: probe.errorCode ?? probe.state }, { evidence, commands });
  }
}

function tailscaleEvidence(ctx: DoctorContext, host: string): { evidence: Evidence[]; commands: string[] } {
  const status = ctx.network.tailscale;
  if (status === undefined) return { evidence: [], commands: [] };
  const evidence: Evidence[] = [(seen) => seen.tailscaleHere({ backendState: status.backendState, userspace: status.tun === false })];
  const commands: string[] = [];
  if (status.backendState !== "Running") commands.push(...tailscaleFix(status.backendState === "NeedsLogin" ? "needs-login" : "stopped", ctx.deps.os).commands);
  else if (status.tun === false) commands.push(...tailscaleFix("userspace", ctx.deps.os).commands);
  const peer = status.peers.find((p) => p.ips.includes(host));
  if (peer !== undefined) {
    evidence.push((seen) => seen.tailscalePeer({ peer: peer.hostName, online: peer.online }));
    if (!peer.online) commands.push(...tailscaleFix("peer-offline", ctx.targetOs, peer.hostName).commands);
  }
  return { evidence, commands };
}
