import { UsageError } from "../../findings/errors.js";
import type { ChildCommand, ChildOutcome } from "../../io/foreground-child.js";
import { requireThisNode, type OccupancyOptions } from "../../network/network-context.js";
import { identifyLocalNode } from "../../observe/local-node.js";
import { listenHost } from "../../registry/listen-host.js";
import { buildModel } from "../../registry/model.js";
import { openRegistry } from "../../registry/open-registry.js";
import { serviceArgument } from "../../registry/service-argument.js";
import { unusableAddressReason } from "../../rules/registry/invalid-node-address.js";
import { hostPort } from "../../util/host-port.js";
import { runWords } from "../../words/run-words.js";
import { check, type CheckResult } from "../check/check.js";
import { injectPort } from "./inject-port.js";

export interface RunOptions extends OccupancyOptions {
  target: string;
  command: readonly string[];
  /** The variable that carries the port: PORT unless the framework reads another. */
  envName?: string | undefined;
  /** `env` (the default) or `flag`: the program's own port option added too. */
  inject?: string | undefined;
  /** Instead of the address the access scope implies. */
  host?: string | undefined;
  /** The environment the command inherits. */
  baseEnv: NodeJS.ProcessEnv;
  start(child: ChildCommand, starting: string): Promise<ChildOutcome>;
}

export interface RunResult {
  service: string;
  environment: string | null;
  node: string;
  port: number;
  host: string;
  /** What sparkport set; the rest of the environment is inherited. */
  variables: Record<string, string>;
  command: string[];
  /** `started`: ran and ended (exit code or signal); `refused`: the port is not free, nothing ran. */
  outcome: "started" | "refused" | "not-found" | "not-executable";
  /** Why a program that exists could not run (EACCES). */
  detail?: string;
  signal: string | null;
  check: CheckResult;
  exitCode: number;
}

const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Set by run itself: the port would overwrite one of them, or they it. */
const SET_BY_RUN = ["HOST", "SPARKPORT_SERVICE", "SPARKPORT_NODE", "SPARKPORT_ENV"];
/** What the command needs to start at all: a port number in their place breaks it. */
const NEEDED_BY_CHILD = ["PATH", "HOME", "PWD", "SHELL", "PATHEXT", "SYSTEMROOT", "COMSPEC"];
const INJECT = ["env", "flag"] as const;

/** `--host`: an address a server can listen on (any address, 0.0.0.0 and ::, included); `[::1]` is `::1`. */
function listenAddress(given: string | undefined): string | undefined {
  if (given === undefined) return undefined;
  const host = given.replace(/^\[(.*)\]$/, "$1");
  const reason = unusableAddressReason(host);
  if (host === "" || (reason !== undefined && reason !== "unspecified")) throw new UsageError(runWords().badHost(given));
  return host;
}

function readInput(options: RunOptions): { envName: string; flag: boolean } {
  const w = runWords();
  if (options.command.length === 0 || options.command[0] === "") throw new UsageError(w.noCommand(options.target));
  const envName = options.envName ?? "PORT";
  if (!VARIABLE.test(envName)) throw new UsageError(w.badVariable(envName));
  // Windows reads Path as PATH: compared without case everywhere.
  const upper = envName.toUpperCase();
  if (SET_BY_RUN.includes(upper)) throw new UsageError(w.setByRun(envName));
  if (NEEDED_BY_CHILD.includes(upper)) throw new UsageError(w.neededByChild(envName));
  const inject = options.inject ?? "env";
  if (!INJECT.some((i) => i === inject)) throw new UsageError(w.badInject(inject, INJECT));
  return { envName, flag: inject === "flag" };
}

/** `check --service` on the service's own port, then the command with PORT and HOST set; never on another port. */
export async function run(options: RunOptions): Promise<RunResult> {
  const { envName, flag } = readInput(options);
  const chosen = listenAddress(options.host);
  const model = buildModel(await openRegistry(options));
  const target = serviceArgument(model, options.target);
  const { node } = target.allocation;
  // A machine the registry does not recognise is taken to be the service's node: that is where it is being started.
  requireThisNode(model, options.thisNode);
  const here = identifyLocalNode(model.data, { env: options.thisNode, addresses: options.deps.localAddresses() }).node;
  if (here !== undefined && here !== node) throw new UsageError(runWords().otherNode(target.name, node, here));
  const scoped = chosen ?? listenHost(target.allocation.access, model.data.nodes[node]?.address);
  const injected = flag ? injectPort(options.command, target.port, scoped, chosen) : { args: [...options.command], env: {}, host: scoped };
  // What the program binds: a host its own command line names wins, so HOST and the banner say that one.
  const { host } = injected;

  const checked = await check({ ...options, ports: [], service: options.target, thisNode: node, remote: false });
  const environment = target.allocation.environment ?? null;
  const variables: Record<string, string> = {
    ...injected.env,
    [envName]: String(target.port),
    HOST: host,
    SPARKPORT_SERVICE: target.name,
    SPARKPORT_NODE: node,
    SPARKPORT_ENV: environment ?? "",
  };
  const result = { service: target.name, environment, node, port: target.port, host, variables, command: injected.args, check: checked, signal: null };
  if (checked.exitCode !== 0) return { ...result, outcome: "refused", exitCode: checked.exitCode };

  const [program = "", ...args] = injected.args;
  const starting = runWords().starting(target.name, environment, hostPort(host, target.port), target.port, envName);
  const ended = await options.start({ program, args, env: { ...options.baseEnv, ...variables } }, starting);
  if (ended.kind === "exited") return { ...result, outcome: "started", signal: ended.signal ?? null, exitCode: ended.exitCode };
  if (ended.kind === "not-executable") return { ...result, outcome: ended.kind, detail: ended.detail, exitCode: ended.exitCode };
  return { ...result, outcome: ended.kind, exitCode: ended.exitCode };
}
