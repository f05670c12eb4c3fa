import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { isIP } from "node:net";
import { UsageError } from "../../findings/errors.js";
import { errorCode } from "../../io/file-system.js";
import { prepareNetwork, type OccupancyOptions } from "../../network/network-context.js";
import { localVerdict, type Holder } from "../../observe/local-verdict.js";
import { prometheusTargets, targetsJson } from "../../render/prometheus-targets.js";
import { serveWords } from "../../words/serve-words.js";
import { parsePortArg } from "../check/parse-port-arg.js";
import { metricsText } from "./metrics-text.js";
import { observeNode } from "./node-observation.js";
import { ownService } from "../../registry/own-service.js";
import { servePage } from "./serve-page.js";
import { watchedRegistry, type RegistryState } from "./watched-registry.js";
import { hostPort } from "../../util/host-port.js";
import type { Allocation } from "../../registry/model.js";

export interface ServeOptions extends OccupancyOptions {
  listen?: string | undefined;
  /** Said once listening. */
  tell: (line: string) => void;
  /** Resolves when the server is to stop. */
  stopped: () => Promise<string>;
}

export interface ListenAddress {
  host: string;
  port: number;
}

export type ServeResult =
  | { outcome: "stopped"; node: string; listen: ListenAddress; signal: string; scrapes: number; exitCode: 0 }
  | { outcome: "held"; node: string; listen: ListenAddress; holders: Holder[]; exitCode: 1 }
  | { outcome: "registered"; node: string; listen: ListenAddress; owner: string; ownerNode: string; exitCode: 1 };

export const urlOf = ({ host, port }: ListenAddress): string => `http://${hostPort(host, port)}/`;

/** --listen as given (an IP address, never a name that could resolve wider), else 127.0.0.1 and serve's registered port. */
function listenAddress(raw: string | undefined, ownPort: number | undefined, node: string): ListenAddress {
  const w = serveWords();
  if (raw === undefined) {
    if (ownPort === undefined) throw new UsageError(w.noOwnPort(node));
    return { host: "127.0.0.1", port: ownPort };
  }
  const parsed = parsePortArg(raw);
  const host = parsed.host ?? "127.0.0.1";
  if (isIP(host) === 0) throw new UsageError(w.notAddress(raw));
  return { host, port: parsed.port };
}

function listen(server: Server, at: ListenAddress): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host: at.host, port: at.port, exclusive: true }, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

function handler(node: string, current: () => Promise<RegistryState>, options: ServeOptions, counted: () => void): Handler {
  const send = (response: ServerResponse, status: number, type: string, body: string): void => {
    response.writeHead(status, { "Content-Type": type, "Content-Length": Buffer.byteLength(body) });
    response.end(body);
  };
  return async (request, response) => {
    const path = new URL(request.url ?? "/", "http://serve").pathname;
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.setHeader("Allow", "GET, HEAD");
      send(response, 405, "text/plain; charset=utf-8", "method not allowed\n");
      return;
    }
    if (path !== "/metrics" && path !== "/targets" && path !== "/") {
      send(response, 404, "text/plain; charset=utf-8", "not found\n");
      return;
    }
    const state = await current();
    if (path === "/targets") {
      send(response, 200, "application/json", targetsJson(prometheusTargets(state.model).groups));
      return;
    }
    const observation = await observeNode(state.model, node, options.deps.socketTable);
    if (path === "/metrics") {
      counted();
      const metrics = await metricsText(observation, state.sha);
      send(response, 200, metrics.contentType, metrics.text);
      return;
    }
    const page = servePage({ node, registryFile: state.model.registry.file, sha: state.sha, reloadError: state.reloadError, observation });
    send(response, 200, "text/html; charset=utf-8", page);
  };
}

/**
 * Answers Prometheus on this node until stopped: /metrics from the socket table, /targets from the registry. It
 * refuses a port in use (named as check names its holder) and a port the registry gives to another service.
 */
export async function serve(options: ServeOptions): Promise<ServeResult> {
  const w = serveWords();
  const current = await watchedRegistry(options, (state) =>
    options.tell(state.reloadError === null ? w.reloaded(state.model.registry.file) : w.reloadFailed(state.model.registry.file, state.reloadError)),
  );
  const { model } = await current();
  const network = await prepareNetwork(model, { ...options, remote: false, tailscale: "when-asked" });
  const node = network.thisNode;
  if (node === null) throw new UsageError(w.noNode);
  const own = ownService(model, node);
  const at = listenAddress(options.listen, own?.port, node);
  // This node's services, and those of a node whose address --listen names (a second loopback address standing in for it).
  const mine = (a: Allocation): boolean => a.node === node || model.data.nodes[a.node]?.address === at.host;
  const other = model.allocations.find((a) => mine(a) && a.transport === "tcp" && a.port === at.port && a.service !== own?.service);
  if (other !== undefined) return { outcome: "registered", node, listen: at, owner: other.label, ownerNode: other.node, exitCode: 1 };
  const verdict = await localVerdict(at.port, network.local, network.ownAddresses);
  if (verdict.held) return { outcome: "held", node, listen: at, holders: verdict.holders, exitCode: 1 };
  let scrapes = 0;
  const answer = handler(node, current, options, () => (scrapes += 1));
  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      response.end(`${error instanceof Error ? error.message : String(error)}\n`);
    });
  });
  try {
    await listen(server, at);
  } catch (error) {
    // Taken between the check and the bind: named as the check would have.
    if (errorCode(error) === "EADDRINUSE") return { outcome: "held", node, listen: at, holders: (await localVerdict(at.port, network.local)).holders, exitCode: 1 };
    throw new UsageError(w.cannotListen(urlOf(at), error instanceof Error ? error.message : String(error)));
  }
  options.tell(w.listening(urlOf(at), node));
  const signal = await options.stopped();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  return { outcome: "stopped", node, listen: at, signal, scrapes, exitCode: 0 };
}
