import type { CommandResult, CommandRunner } from "../io/command-runner.js";
import { errorCode } from "../io/file-system.js";
import type { Peer, TailscaleStatus } from "./parse/tailscale-status.js";

/** `--json` exits 0 even when Tailscale is stopped or logged out: check isTailscaleRunning before trusting a status. */
export type TailscaleStatusRead =
  | { available: false; reason: "not-installed" }
  | { available: true; status: TailscaleStatus }
  | { available: true; error: string };

export async function readTailscaleStatus(runner: CommandRunner, options: { timeoutMs?: number } = {}): Promise<TailscaleStatusRead> {
  let result: CommandResult;
  try {
    result = await runner.run("tailscale", ["status", "--json"], { timeoutMs: options.timeoutMs ?? 5_000 });
  } catch (error) {
    if (errorCode(error) === "ENOENT") return { available: false, reason: "not-installed" };
    return { available: true, error: `could not run tailscale: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (result.code === null) return { available: true, error: "tailscale status --json did not finish (timed out or killed)" };
  if (result.code !== 0) {
    const said = firstLine(result.stderr) ?? firstLine(result.stdout);
    return { available: true, error: `tailscale status --json failed with exit code ${result.code}${said === undefined ? "" : `: ${said}`}` };
  }
  // The parser's schema is built when it loads: only runs that have an output to parse pay for it.
  const { parseTailscaleStatus, TailscaleStatusError } = await import("./parse/tailscale-status.js");
  try {
    return { available: true, status: parseTailscaleStatus(result.stdout) };
  } catch (error) {
    if (error instanceof TailscaleStatusError) return { available: true, error: error.message };
    throw error;
  }
}

function firstLine(text: string): string | undefined {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line !== "");
}

export function isTailscaleRunning(status: TailscaleStatus): boolean {
  return status.backendState === "Running";
}

export type TailscaleNodeMatch =
  | { kind: "found"; node: Peer; isSelf: boolean }
  | { kind: "ambiguous"; candidates: Peer[] }
  | { kind: "not-found" };

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, "");
}

/** MagicDNS name first, in full or without the tailnet suffix; then the host name only when unique (iOS devices are all "localhost"). */
export function findTailscaleNode(status: TailscaleStatus, name: string): TailscaleNodeMatch {
  const wanted = normalise(name);
  if (wanted === "") return { kind: "not-found" };
  const suffix = status.magicDnsSuffix === undefined ? undefined : `.${normalise(status.magicDnsSuffix)}`;
  const nodes = [...(status.self === undefined ? [] : [{ node: status.self, isSelf: true }]), ...status.peers.map((node) => ({ node, isSelf: false }))];

  const byDnsName = nodes.filter(({ node }) => {
    const full = normalise(node.dnsName);
    if (full === "") return false;
    const short = suffix !== undefined && full.endsWith(suffix) ? full.slice(0, -suffix.length) : undefined;
    return wanted === full || wanted === short;
  });
  const matches = byDnsName.length > 0 ? byDnsName : nodes.filter(({ node }) => node.hostName !== "" && normalise(node.hostName) === wanted);

  const [only, ...others] = matches;
  if (only === undefined) return { kind: "not-found" };
  if (others.length > 0) return { kind: "ambiguous", candidates: matches.map(({ node }) => node) };
  return { kind: "found", node: only.node, isSelf: only.isSelf };
}

export function resolveTailscaleName(status: TailscaleStatus, name: string): string[] {
  const match = findTailscaleNode(status, name);
  return match.kind === "found" ? [...match.node.ips] : [];
}
