import { isIP } from "node:net";
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from "yaml";
import { textPosition } from "../../util/text-position.js";
import { yamlResolve, yamlValueOf } from "../../util/yaml-value-of.js";
import { isRecord } from "../../util/is-record.js";

export interface ComposePortMapping {
  /** null publishes on every interface. */
  hostIp: string | null;
  /** null when the engine picks the host port (none, empty as in `127.0.0.1::5000`, or a range). */
  published: number | null;
  publishedRange?: { from: number; to: number };
  target: number;
  protocol: "tcp" | "udp";
}

/** An item still holding `${VAR}`: compose substitutes it at run time. */
export interface UnresolvedComposePort {
  unresolved: string;
}

export type ComposePort = ComposePortMapping | UnresolvedComposePort;

export interface ComposePortLine {
  file: string;
  service: string;
  entry: string;
  /** Of the item, or of the first key of a long-syntax item. */
  line: number;
  column: number;
  /** Long syntax only: the `host_ip` value, the line to change for a loopback bind. */
  hostIpAt?: { line: number; column: number };
  ports: ComposePort[];
}

const VARIABLE = /\$(?:\{|[A-Za-z_])/;
const PORT_RANGE = /^(\d{1,5})(?:-(\d{1,5}))?$/;

function parseRange(text: string): { from: number; to: number } | null {
  const match = PORT_RANGE.exec(text.trim());
  if (match === null) return null;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  // Port 0 is no port: compose rejects it as a target, and it must not come out as a published port.
  return from >= 1 && from <= to && to <= 65_535 ? { from, to } : null;
}

function parseProtocol(value: unknown): "tcp" | "udp" | null {
  if (value === undefined || value === null) return "tcp";
  const text = typeof value === "string" ? value.trim().toLowerCase() : "";
  return text === "tcp" || text === "udp" ? text : null;
}

function parseHostIp(text: string): string | undefined {
  const bare = text.replace(/^\[(.*)\]$/, "$1");
  return isIP(bare) === 0 ? undefined : bare;
}

/** As compose (go-connections' ParsePortSpec) expands it: equal ranges pair up; a host range against one port is a pool. */
function expand(hostIp: string | null, host: string, container: string, protocol: "tcp" | "udp"): ComposePortMapping[] {
  const targets = parseRange(container);
  if (targets === null) return [];
  const count = targets.to - targets.from + 1;
  if (host === "") {
    return Array.from({ length: count }, (_, i) => ({ hostIp, published: null, target: targets.from + i, protocol }));
  }
  const published = parseRange(host);
  if (published === null) return [];
  const hostCount = published.to - published.from + 1;
  if (hostCount !== count) {
    return count === 1 ? [{ hostIp, published: null, publishedRange: published, target: targets.from, protocol }] : [];
  }
  return Array.from({ length: count }, (_, i) => ({ hostIp, published: published.from + i, target: targets.from + i, protocol }));
}

/** The IP may be bracketed or bare IPv6 (`::1:6000:6000`). */
function parseShort(text: string): ComposePort[] {
  const entry = text.trim();
  if (VARIABLE.test(entry)) return [{ unresolved: entry }];
  const slash = entry.lastIndexOf("/");
  const protocol = parseProtocol(slash < 0 ? undefined : entry.slice(slash + 1));
  if (protocol === null) return [];
  const parts = (slash < 0 ? entry : entry.slice(0, slash)).split(":");
  const container = parts.at(-1) ?? "";
  const host = parts.length >= 2 ? (parts.at(-2) ?? "") : "";
  const ipText = parts.slice(0, -2).join(":");
  if (ipText === "") return expand(null, host, container, protocol);
  const hostIp = parseHostIp(ipText);
  return hostIp === undefined ? [] : expand(hostIp, host, container, protocol);
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return String(value);
  return typeof value === "string" ? value.trim() : undefined;
}

function parseLong(entry: Record<string, unknown>): ComposePort[] {
  for (const key of ["target", "published", "host_ip", "protocol"]) {
    const value = entry[key];
    if (typeof value === "string" && VARIABLE.test(value)) return [{ unresolved: value }];
  }
  const target = scalarText(entry.target);
  const protocol = parseProtocol(entry.protocol);
  if (target === undefined || !/^\d{1,5}$/.test(target) || protocol === null) return [];
  const hostIpText = entry.host_ip === undefined || entry.host_ip === null ? undefined : scalarText(entry.host_ip);
  const hostIp = hostIpText === undefined ? null : parseHostIp(hostIpText);
  if (hostIp === undefined) return [];
  const published = entry.published === undefined || entry.published === null ? "" : scalarText(entry.published);
  return published === undefined ? [] : expand(hostIp, published, target, protocol);
}

/** Every form the Compose specification shows; `${VAR}` items come back unresolved, anything else unreadable (sctp) as []. */
export function parseComposePorts(entry: unknown): ComposePort[] {
  if (typeof entry === "number") return Number.isInteger(entry) && entry > 0 && entry <= 65_535 ? [{ hostIp: null, published: null, target: entry, protocol: "tcp" }] : [];
  if (typeof entry === "string") return parseShort(entry);
  if (isRecord(entry) && !Array.isArray(entry)) return parseLong(entry);
  return [];
}

function toJs(node: Node, doc: Document): unknown {
  try {
    return node.toJS(doc, { maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}

// Converted key by key with aliases followed here: yaml's toJS walks the whole document for each aliased item,
// which made thousands of `- {target: *t}` items quadratic.
function itemValue(item: Node, doc: Document): unknown {
  if (!isMap(item)) return toJs(item, doc);
  const entries: Array<[string, unknown]> = [];
  for (const pair of item.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    const node = yamlResolve(pair.value, doc);
    if (!(key === null || typeof key === "string" || typeof key === "number" || typeof key === "boolean")) return toJs(item, doc);
    if (node === undefined && pair.value !== null) return toJs(item, doc);
    const value = node === null || node === undefined ? null : isScalar(node) ? node.value : isMap(node) || isSeq(node) ? toJs(node, doc) : undefined;
    entries.push([key === null ? "" : String(key), value]);
  }
  // fromEntries defines each key, so a `__proto__` key is a key, as in yaml's toJS.
  return Object.fromEntries(entries);
}

/** A value holding itself (`- &p {target: 80, x: *p}`) cannot be JSON. */
function jsonText(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return "[circular]";
  }
}

function entryText(value: unknown): string {
  if (typeof value === "string") return value;
  if (isRecord(value)) return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${typeof v === "string" || typeof v === "number" ? String(v) : jsonText(v)}`).join(", ")} }`;
  return String(value);
}

/** Aliases point at their anchor, which is the text to change. */
export function findComposePortLines(yamlText: string, fileName: string): ComposePortLine[] {
  let doc: Document;
  try {
    doc = parseDocument(yamlText, { uniqueKeys: false });
  } catch {
    return [];
  }
  const position = textPosition(yamlText);
  // yamlValueOf resolves aliases and `<<` merges without re-walking (chained merges once took exponential time).
  const services = yamlValueOf(doc.contents, "services", doc);
  if (!isMap(services)) return [];
  const found: ComposePortLine[] = [];
  for (const pair of services.items) {
    if (!isScalar(pair.key)) continue;
    const service = String(pair.key.value);
    const ports = yamlValueOf(pair.value, "ports", doc);
    if (!isSeq(ports)) continue;
    for (const raw of ports.items) {
      const item = yamlResolve(raw, doc);
      if (!(isScalar(item) || isMap(item)) || item.range === undefined || item.range === null) continue;
      const value = itemValue(item, doc);
      const hostIpNode = isMap(item) ? yamlValueOf(item, "host_ip", doc) : undefined;
      const hostIpRange = isScalar(hostIpNode) ? hostIpNode.range : undefined;
      found.push({
        file: fileName,
        service,
        entry: entryText(value),
        ...position(item.range[0]),
        ...(hostIpRange === undefined || hostIpRange === null ? {} : { hostIpAt: position(hostIpRange[0]) }),
        ports: parseComposePorts(value),
      });
    }
  }
  return found;
}
