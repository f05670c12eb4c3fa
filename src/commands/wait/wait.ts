import { resolveTarget } from "../../diagnose/resolve-target.js";
import { UsageError } from "../../findings/errors.js";
import type { ChildCommand, ChildOutcome } from "../../io/foreground-child.js";
import { prepareNetwork, type NetworkContext, type OccupancyOptions } from "../../network/network-context.js";
import { nodeNamed } from "../../network/node-by-host.js";
import { httpGet, withCredentials, type HttpRequest } from "../../observe/http-prober.js";
import { FAILURE_RANK, now, type ProbeResult, type ProbeState, type TcpProber } from "../../observe/tcp-prober.js";
import type { ProbeProgress } from "../../network/probe-progress.js";
import { buildModel, type RegistryModel } from "../../registry/model.js";
import { openRegistry } from "../../registry/open-registry.js";
import { hostPort } from "../../util/host-port.js";
import { maskSecrets } from "../../util/mask-secrets.js";
import { parseDuration } from "../../util/parse-duration.js";
import { waitWords } from "../../words/wait-words.js";

export interface WaitOptions extends OccupancyOptions {
  targets: readonly string[];
  /** In all, for every target at once. */
  timeout: string;
  /** Between two looks at a target that is not ready. */
  interval: string;
  /** Until nothing listens, instead of until something does. */
  free: boolean;
  /** Run once all are ready; undefined without `--`. */
  command: readonly string[] | undefined;
  baseEnv: NodeJS.ProcessEnv;
  start(child: ChildCommand, starting: string): Promise<ChildOutcome>;
}

interface Target {
  input: string;
  /** `redis (localhost:6379)`, a URL as given. */
  label: string;
  kind: "tcp" | "http";
  host: string;
  port: number;
  url: string | null;
}

export interface WaitedTarget extends Target {
  ready: boolean;
  /** Since the start of the wait, when it became ready. */
  readyAfterMs: number | null;
  /** The last look: a probe state (closed, filtered...), an HTTP status or a connection error. */
  last: string | null;
}

export interface WaitResult {
  targets: WaitedTarget[];
  free: boolean;
  timeoutMs: number;
  elapsedMs: number;
  command: string[] | null;
  /** `started`: all were ready and the command ran to its end. */
  outcome: "ready" | "timed-out" | "started" | "not-found" | "not-executable";
  signal: string | null;
  detail?: string;
  exitCode: number;
}

/** One look never outlasts this, so a host that drops packets is asked again rather than waited on once. */
const LOOK_MS = 2_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** What is shown (a URL's password masked) and, for a URL, what is asked (the password in a header). */
interface Asked {
  target: Target;
  request: HttpRequest | null;
  /** Asked beside localhost: this node's own address when it is on this machine (127.0.0.2, where `run` binds). */
  also: string[];
}

function targetOf(model: RegistryModel, given: string, network: NetworkContext, free: boolean): Asked {
  // Only an HTTP answer is waited for: ftp://, redis://... would be a bare connect that looks like more.
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(given.trim())?.[1];
  if (scheme !== undefined && !/^https?$/i.test(scheme)) throw new UsageError(waitWords().notHttp(maskSecrets(given), scheme));
  const resolved = resolveTarget(model, given);
  const request = /^https?:\/\//i.test(given.trim()) ? withCredentials(given.trim()) : null;
  // From here on the input is shown only masked: labels, JSON, errors, the progress line.
  const input = maskSecrets(given);
  const url = request === null ? null : input.trim();
  if (url !== null && free) throw new UsageError(waitWords().freeUrl(input));
  const local = resolved.host === null && (resolved.node === null || resolved.node === network.thisNode);
  // An address written out is asked as written: this node's own 100.x is not its loopback (a server may bind one only).
  const asWritten = resolved.written !== null && nodeNamed(model.data.nodes, resolved.written) === null ? resolved.written : null;
  // Otherwise this machine's ports are asked on localhost: both address families, as check asks them.
  const host = asWritten ?? resolved.host ?? (local ? "localhost" : network.hostOf(resolved.node ?? ""));
  if (!local && !network.remote && !network.isLocalHost(host)) throw new UsageError(waitWords().remoteOff(input));
  // A service or a bare port is shown with where it is asked (a port registered on another node is asked there, as
  // check asks it); anything else as it was typed.
  const service = resolved.allocation !== null && resolved.host === null && !/^\d/.test(input) && !input.includes(":");
  const bare = /^:?\d+$/.test(input.trim());
  const address = hostPort(host, resolved.port);
  const label = service || bare ? `${input.trim()} (${address})` : input.trim();
  const own = local && resolved.node !== null ? network.hostOf(resolved.node) : undefined;
  const also = host === "localhost" && own !== undefined && !LOCALHOST.includes(own) && network.isLocalHost(own) ? [own] : [];
  return { target: { input, label, kind: url === null ? "tcp" : "http", host, port: resolved.port, url }, request, also };
}

function isReady(target: Target, look: { state?: ProbeState; status?: number }, free: boolean): boolean {
  if (target.kind === "http") return look.status !== undefined && look.status >= 200 && look.status < 400;
  return free ? look.state === "closed" : look.state === "open";
}

interface Looking {
  free: boolean;
  deadline: number;
  intervalMs: number;
  started: number;
  /** Each look goes straight to the prober: the progress line counts targets, not looks. */
  prober: TcpProber;
  progress: ProbeProgress | undefined;
}

/** RFC 6761: localhost is loopback. Asked on both families at once, with no name lookup (a child process) per look. */
const LOCALHOST = ["127.0.0.1", "::1"];

async function lookAt(host: string, port: number, lookMs: number, prober: TcpProber, also: readonly string[]): Promise<ProbeResult> {
  if (host.toLowerCase() !== "localhost") return prober.probe(host, port, lookMs);
  const answers = await Promise.all([...LOCALHOST, ...also].map((address) => prober.probe(address, port, lookMs)));
  return answers.reduce((best, answer) => (FAILURE_RANK[answer.state] > FAILURE_RANK[best.state] ? answer : best));
}

async function waitFor({ target, request, also }: Asked, options: Looking): Promise<WaitedTarget> {
  const answered = options.progress?.waitingOn(target.label);
  let last: string | null = null;
  for (;;) {
    const left = options.deadline - now();
    if (left <= 0) return { ...target, ready: false, readyAfterMs: null, last };
    const lookMs = Math.max(1, Math.floor(Math.min(LOOK_MS, left)));
    let look: { state?: ProbeState; status?: number };
    let said: string;
    let unanswered: boolean;
    if (request !== null) {
      const answer = await httpGet(request, lookMs);
      look = "status" in answer ? { status: answer.status } : {};
      said = "status" in answer ? `HTTP ${answer.status}` : answer.error;
      unanswered = "error" in answer && answer.error === "TimeoutError";
    } else {
      const probe = await lookAt(target.host, target.port, lookMs, options.prober, also);
      look = { state: probe.state };
      said = probe.state === "open" || probe.state === "closed" || probe.errorCode === undefined ? probe.state : `${probe.state} (${probe.errorCode})`;
      unanswered = probe.state === "filtered" && probe.errorCode === undefined;
    }
    // A look the deadline cut short says nothing new: the report keeps the last real answer (HTTP 503, ECONNREFUSED).
    if (!(unanswered && lookMs < LOOK_MS && last !== null)) last = said;
    if (isReady(target, look, options.free)) {
      answered?.();
      return { ...target, ready: true, readyAfterMs: Math.round(now() - options.started), last };
    }
    await sleep(Math.max(0, Math.min(options.intervalMs, options.deadline - now())));
  }
}

/** Every target at once until each is ready (or free), or the time is up; then the command, as `run` starts one. */
export async function wait(options: WaitOptions): Promise<WaitResult> {
  const w = waitWords();
  const timeoutMs = parseDuration(options.timeout, "--timeout");
  const intervalMs = parseDuration(options.interval, "--interval");
  if (options.targets.length === 0) throw new UsageError(w.noTarget);
  if (options.command !== undefined && (options.command.length === 0 || options.command[0] === "")) throw new UsageError(w.noCommand);
  const model = buildModel(await openRegistry(options));
  const network = await prepareNetwork(model, { ...options, tailscale: "when-asked" });
  const targets = options.targets.map((input) => targetOf(model, input, network, options.free));
  const started = now();
  options.progress?.expect(targets.length);
  const waited = await Promise.all(targets.map((t) => waitFor(t, { free: options.free, deadline: started + timeoutMs, intervalMs, started, prober: options.deps.prober, progress: options.progress })));
  const elapsedMs = Math.round(now() - started);
  const base = { targets: waited, free: options.free, timeoutMs, elapsedMs, command: options.command === undefined ? null : [...options.command], signal: null };
  if (waited.some((t) => !t.ready)) return { ...base, outcome: "timed-out", exitCode: 1 };
  const [program, ...args] = options.command ?? [];
  if (program === undefined) return { ...base, outcome: "ready", exitCode: 0 };
  const ended = await options.start({ program, args, env: options.baseEnv }, w.starting(waited.length, elapsedMs, program));
  if (ended.kind === "exited") return { ...base, outcome: "started", signal: ended.signal ?? null, exitCode: ended.exitCode };
  if (ended.kind === "not-executable") return { ...base, outcome: ended.kind, detail: ended.detail, exitCode: ended.exitCode };
  return { ...base, outcome: ended.kind, exitCode: ended.exitCode };
}
