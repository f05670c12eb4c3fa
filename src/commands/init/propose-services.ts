import { isTestPath } from "../../project/is-test-path.js";
import type { PortReference } from "../../project/port-reference.js";
import { meansOwnMachine, NAMELESS_WORDS } from "../../project/scan-context.js";
import type { AccessScope, Protocol } from "../../registry/schema.js";
import { isLoopbackHost } from "../../util/loopback.js";
import { groupBy } from "../../util/group-by.js";

export type ProposedTeam = "backend" | "frontend";

export interface ProposedService {
  name: string;
  port: number;
  protocol: Protocol;
  access: AccessScope;
  team: ProposedTeam;
  /** The references it was made from, listen ones first. */
  references: PortReference[];
}

export interface ProposedRange {
  team: ProposedTeam;
  name: string;
  from: number;
  to: number;
}

export interface Proposal {
  services: ProposedService[];
  ranges: ProposedRange[];
}

/** Programs that serve pages to a browser: their services are the frontend team's. */
const PAGE_SERVERS = new Set(["next", "vite", "nuxt", "astro", "ng", "storybook", "webpack-dev-server"]);
/** Known servers that speak their own protocol, not HTTP. */
const TCP_SERVERS = new Set(["redis", "postgres"]);
/** Words of an env key that only say it is a port or an address. */
const ADDRESS_WORDS = new Set(["port", "url", "uri", "host", "addr", "address", "endpoint"]);

/** What this machine runs: a reference to no host, or to one that means this machine; not a test's, a guide's or a container's own side. */
function isOwnService(ref: PortReference): boolean {
  if (ref.role === "internal" || ref.informational === true || isTestPath(ref.file)) return false;
  return ref.host === undefined || meansOwnMachine(ref.host);
}

const idOf = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[^a-z0-9]+|[-._]+$/g, "");

/** FASTAPI_PORT → fastapi; NEXT_PUBLIC_API_URL names none, unless nothing better does (next-public-api). */
function nameOfKey(key: string): { name: string; strong: boolean } | undefined {
  const words = key.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== "");
  const naming = words.filter((w) => !NAMELESS_WORDS.has(w));
  if (naming.length > 0) return { name: naming.join("-"), strong: true };
  const rest = words.filter((w) => !ADDRESS_WORDS.has(w));
  return rest.length === 0 ? undefined : { name: rest.join("-"), strong: false };
}

/** The folder a file sits in, or the project's for a file at the top. */
const folderOf = (file: string, project: string): string => file.split("/").at(-2) ?? project;

/** The compose service, else the env key that names something, else the script (with its package's folder), else the program. */
function nameOf(refs: readonly PortReference[], project: string): string {
  const compose = refs.find((r) => r.kind === "compose-port" && r.key !== undefined);
  if (compose?.key !== undefined) return compose.key;
  const keys = refs.filter((r) => (r.kind === "env" || r.kind === "compose-env") && r.key !== undefined).map((r) => nameOfKey(r.key ?? ""));
  const strong = keys.find((k) => k?.strong === true);
  if (strong !== undefined) return strong.name;
  const script = refs.find((r) => r.kind === "script" && r.key !== undefined);
  if (script?.key !== undefined) return `${folderOf(script.file, project)}-${script.key}`;
  const weak = keys.find((k) => k !== undefined);
  if (weak !== undefined) return weak.name;
  const program = refs.find((r) => r.program !== undefined)?.program;
  return program ?? folderOf(refs[0]?.file ?? "", project);
}

function protocolOf(refs: readonly PortReference[]): Protocol {
  if (refs.some((r) => r.kind === "compose-port" && /\/udp$/i.test(r.text))) return "udp";
  if (refs.some((r) => /\bhttps:\/\//i.test(r.text))) return "https";
  if (refs.some((r) => /\bhttp:\/\//i.test(r.text) || (r.program !== undefined && !TCP_SERVERS.has(r.program)))) return "http";
  return "tcp";
}

/** Pages for browsers; a service bound to loopback only is not for other nodes, so it is not all-nodes (lint would say so). */
function accessOf(refs: readonly PortReference[], team: ProposedTeam): AccessScope {
  if (team === "frontend") return "developers-browser";
  const loopbackOnly = refs.some((r) => {
    const bound = r.host ?? r.hostIp ?? undefined;
    return r.role === "listen" && bound !== undefined && isLoopbackHost(bound);
  });
  if (!loopbackOnly) return "all-nodes";
  return refs.some((r) => r.role === "browser" || r.role === "origin") ? "developers-browser" : "backend-only";
}

/** The hundred a port lies in: 8020 → 8000-8099 (never port 0). */
const blockOf = (port: number): { from: number; to: number } => ({ from: Math.max(1, port - (port % 100)), to: Math.min(65535, port - (port % 100) + 99) });

/** Listen references first: the service's own word about itself. */
const ownFirst = (a: PortReference, b: PortReference): number => Number(b.role === "listen") - Number(a.role === "listen");

/**
 * init --from-scan: one service per port the project's files use on this machine, named from what the files call it,
 * and for each team the hundreds its ports lie in as ranges, so the proposal lints without a range error.
 */
export function proposeServices(references: readonly PortReference[], project: string): Proposal {
  const byPort = [...groupBy(references.filter(isOwnService), (r) => r.port)].sort(([a], [b]) => a - b);
  const drafts = byPort.map(([port, refs]) => {
    const sorted = [...refs].sort(ownFirst);
    const pages = sorted.some((r) => r.program !== undefined && PAGE_SERVERS.has(r.program));
    return { port, refs: sorted, pages };
  });
  // A hundred with a page server in it is the frontend's, and so is every service in it: ranges never overlap.
  const blocks = groupBy(drafts, (d) => blockOf(d.port).from);
  const teamOfBlock = new Map([...blocks].map(([from, list]) => [from, list.some((d) => d.pages) ? ("frontend" as const) : ("backend" as const)]));
  const taken = new Set<string>();
  const services = drafts.map(({ port, refs }): ProposedService => {
    const team = teamOfBlock.get(blockOf(port).from) ?? "backend";
    const base = idOf(nameOf(refs, project)) || "service";
    const name = taken.has(base) ? `${base}-${port}` : base;
    taken.add(name);
    return { name, port, protocol: protocolOf(refs), access: accessOf(refs, team), team, references: refs };
  });
  const words = new Map<string, number>();
  const ranges = [...blocks.keys()].map((from): ProposedRange => {
    const team = teamOfBlock.get(from) ?? "backend";
    const inBlock = services.filter((s) => blockOf(s.port).from === from);
    const http = inBlock.some((s) => s.protocol === "http" || s.protocol === "https");
    const word = team === "frontend" ? "web" : http ? "apis" : inBlock.length === 1 ? (inBlock[0]?.name ?? "data") : "data";
    const seen = words.get(word) ?? 0;
    words.set(word, seen + 1);
    return { team, name: seen === 0 ? word : `${word}-${from}`, ...blockOf(from) };
  });
  return { services, ranges };
}
