import { errorCode } from "../../io/file-system.js";
import { parseTailscalePing } from "../../observe/parse/tailscale-ping.js";
import type { DoctorContext, Evidence } from "../doctor-context.js";

export async function tailscalePing(ctx: DoctorContext, host: string): Promise<Evidence | undefined> {
  const status = ctx.network.tailscale;
  // Only tailnet peers: only registry addresses are ever contacted.
  if (status === undefined || !status.peers.some((p) => p.ips.includes(host))) return undefined;
  try {
    const run = await ctx.deps.runner.run("tailscale", ["ping", "-c", "1", "--timeout", `${Math.max(1, Math.ceil(ctx.network.timeoutMs / 1000))}s`, host], {
      timeoutMs: ctx.network.timeoutMs + 2000,
    });
    const text = `${run.stdout}${run.stderr}`.trim();
    const parsed = parseTailscalePing(text);
    ctx.add("doctor-tailscale-ping", "info", { node: host, result: parsed.quote || text.split("\n")[0] || "no output" });
    return (seen) => seen.tailscalePing({ host, state: parsed.state });
  } catch (error) {
    return errorCode(error) === "ENOENT" ? undefined : (seen) => seen.tailscalePingFailed(host);
  }
}
