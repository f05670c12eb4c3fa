import { UsageError } from "../findings/errors.js";
import type { Allocation, RegistryModel } from "../registry/model.js";
import { allocationIn, serviceTarget } from "../registry/service-target.js";
import { maskSecrets } from "../util/mask-secrets.js";
import { unknownEnvironmentText, unknownNameText } from "../util/unknown-name.js";
import { portInputWords } from "../words/port-input-words.js";
import { unknownNameWords } from "../words/unknown-name-words.js";
import { nodeByHost } from "../network/node-by-host.js";

export interface DoctorTarget {
  input: string;
  port: number;
  allocation: Allocation | null;
  node: string | null;
  /** Given explicitly (URL or host:port) and not a node. */
  host: string | null;
  /** The host as typed in a URL or host:port, a node's name or address or neither. */
  written: string | null;
}

const DEFAULT_PORTS: Record<string, number> = { "http:": 80, "https:": 443, "redis:": 6379, "postgres:": 5432, "postgresql:": 5432 };

function byPort(model: RegistryModel, port: number, node: string | null): Allocation | null {
  const hits = model.allocations.filter((a) => a.port === port && (node === null || a.node === node));
  return hits.length === 1 ? (hits[0] ?? null) : null;
}

/** `fastapi`, `fastapi.test`, a port, `host:port`, `node:port` or a URL. */
export function resolveTarget(model: RegistryModel, input: string): DoctorTarget {
  const text = input.trim();
  if (/^\d+$/.test(text)) {
    const port = Number(text);
    if (port < 1 || port > 65535) throw new UsageError(portInputWords().outOfRange(input));
    const allocation = byPort(model, port, null);
    return { input, port, allocation, node: allocation?.node ?? null, host: null, written: null };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new UsageError(portInputWords().notUrl(maskSecrets(input)));
    }
    const host = url.hostname.replace(/^\[|\]$/g, "");
    const port = url.port === "" ? DEFAULT_PORTS[url.protocol] : Number(url.port);
    if (port === undefined) throw new UsageError(portInputWords().noDefaultPort(maskSecrets(input), url.protocol));
    const node = nodeByHost(model.data.nodes, host);
    return { input, port, allocation: byPort(model, port, node), node, host: node === null ? host : null, written: host };
  }
  const hostPort = /^(?:\[([^\]]+)\]|([^:\s]+)):(\d{1,5})$/.exec(text);
  if (hostPort !== null) {
    const host = hostPort[1] ?? hostPort[2] ?? "";
    const port = Number(hostPort[3]);
    if (port < 1 || port > 65535) throw new UsageError(portInputWords().outOfRange(input));
    const node = nodeByHost(model.data.nodes, host);
    return { input, port, allocation: byPort(model, port, node), node, host: node === null ? host : null, written: host };
  }
  // NAME or NAME.ENV as check and run read it: an exact service name wins, dot or not (`api.v2`).
  const { name, env } = serviceTarget(model.data.services.map((s) => s.name), text);
  const matches = model.allocations.filter((a) => a.service.name === name);
  if (matches.length === 0) {
    const names = [...new Set(model.data.services.map((s) => s.name))];
    const w = unknownNameWords();
    throw new UsageError(unknownNameText(w.noTarget(text), text, names, w.services));
  }
  const allocation = allocationIn(model, name, env);
  if (allocation === undefined) {
    throw new UsageError(unknownEnvironmentText(name, env ?? "", matches.flatMap((a) => a.environment ?? [])));
  }
  return { input, port: allocation.port, allocation, node: allocation.node, host: null, written: null };
}
