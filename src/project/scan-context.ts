import path from "node:path";
import { groupBy } from "../util/group-by.js";
import { maskSecrets } from "../util/mask-secrets.js";
import { capRelated, makeFinding, type Finding, type FindingData, type Location } from "../findings/finding.js";
import type { Code, MessageArgs } from "../findings/messages.js";
import type { Allocation, RegistryModel } from "../registry/model.js";
import type { Reservation, Service } from "../registry/schema.js";
import { isLoopbackHost } from "../util/loopback.js";
import { fileNodeMatcher } from "./file-node.js";
import { isTestPath } from "./is-test-path.js";
import type { PortReference } from "./port-reference.js";
import { shownPath } from "../util/shown-path.js";
import { envLineAfter } from "./env-line-after.js";

/** Hosts that mean the machine the file runs on, besides loopback. */
const OWN_MACHINE_HOSTS = new Set(["0.0.0.0", "::", "host.docker.internal"]);

const bareHost = (host: string): string => host.toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");

/** A host that means the machine the file runs on: loopback, all interfaces, Docker's name for the host. */
export const meansOwnMachine = (host: string): boolean => {
  const bare = bareHost(host);
  return isLoopbackHost(bare) || OWN_MACHINE_HOSTS.has(bare);
};

/** Words of a variable name or URL that name no service: `NEXT_PUBLIC_API_URL` names none. */
export const NAMELESS_WORDS = new Set(
  ["next", "public", "vite", "react", "app", "url", "uri", "host", "port", "api", "base", "endpoint", "server", "service", "http", "https"].concat(
    ["addr", "address", "local", "localhost", "dev", "test", "prod", "www", "tcp", "udp"],
  ),
);
const squash = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, "");

/** The reference's own words (variable name, URL path, label) name the service: COMFY_URL names ComfyUI. */
export function referenceNames(ref: PortReference, service: Service): boolean {
  const words = `${ref.key ?? ""} ${ref.text}`.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 3 && !/^\d+$/.test(w) && !NAMELESS_WORDS.has(w));
  const names = [service.name, service.label ?? "", ...(service.label ?? "").split(/\s+/)].map(squash).filter((n) => n.length >= 3);
  return words.some((w) => names.some((n) => n === w || (w.length >= 4 && n.startsWith(w))));
}

export type ScanEdit = (
  | { ref: PortReference; kind: "port"; port: number }
  | { ref: PortReference; kind: "host"; host: string }
  | { ref: PortReference; kind: "entry"; replacement: string }
) & {
  /** `lint --fix --write` applies certain edits only (project/edit-certainty.ts); the others are suggestions, with the reason. */
  certainty: { certain: true } | { certain: false; reason: string };
};

export interface ScanContext {
  model: RegistryModel;
  references: readonly PortReference[];
  /**
   * The node its host names (address, name, label, Tailscale name); for no host, loopback and 0.0.0.0 the node of its file
   * (scan.nodes), undefined when no glob maps the file.
   */
  targetNode(ref: PortReference): string | undefined;
  fileNode(ref: PortReference): string | undefined;
  /** The node its host names by address or name; undefined for no host, loopback and unknown hosts. */
  namedNode(ref: PortReference): string | undefined;
  /** Neither a node nor loopback: the registry does not speak for it. */
  external(ref: PortReference): boolean;
  /** The allocations on that node only. */
  allocationsAt(node: string, port: number): Allocation[];
  /** The allocations on any node: for naming where a port lives, never for judging a reference. */
  allocationsAnywhere(port: number): Allocation[];
  /** A reservation of the port on that node, or one that names no node. */
  reservationAt(node: string | undefined, port: number): Reservation | undefined;
  location(ref: PortReference): Location;
  report<C extends Code>(
    code: C,
    severity: Finding["severity"],
    args: MessageArgs<C>,
    ref: PortReference,
    related?: readonly PortReference[],
    fix?: ScanEdit,
    data?: FindingData,
  ): void;
  findings: Finding[];
  edits: ScanEdit[];
}

export function createScanContext(model: RegistryModel, references: readonly PortReference[], root: string, cwd: string): ScanContext {
  const nodeOf = fileNodeMatcher(model.data.scan?.nodes);
  const byHost = new Map<string, string>();
  for (const [name, node] of Object.entries(model.data.nodes)) {
    const names = [name, node.address, node.tailscale, node.tailscale?.split(".")[0], node.label, node.label?.replace(/\s+/g, "-")];
    for (const host of names) if (host !== undefined && host !== "") byHost.set(bareHost(host), name);
  }
  const byNodePort = groupBy(model.allocations, (a) => `${a.node}\u0000${a.port}`);
  const byPort = groupBy(model.allocations, (a) => a.port);
  const reservations = model.data.reservations ?? [];
  const fileNode = (ref: PortReference): string | undefined => nodeOf(ref.file);
  // A node's own address wins over loopback: test registries put nodes on 127.0.0.2.
  const hostNode = (host: string): { node: string } | "own-machine" | "none" => {
    const bare = bareHost(host);
    const node = byHost.get(bare);
    if (node !== undefined) return { node };
    return meansOwnMachine(bare) ? "own-machine" : "none";
  };
  const targetNode = (ref: PortReference): string | undefined => {
    if (ref.host === undefined) return fileNode(ref);
    const target = hostNode(ref.host);
    return target === "own-machine" ? fileNode(ref) : target === "none" ? undefined : target.node;
  };
  const namedNode = (ref: PortReference): string | undefined => {
    const target = ref.host === undefined ? "none" : hostNode(ref.host);
    return typeof target === "object" ? target.node : undefined;
  };
  const judgeTests = model.data.scan?.tests === "judge";
  // Test trees and guides record what was tried, not what runs: info unless ports.yaml says to judge tests.
  const quieter = (ref: PortReference, severity: Finding["severity"]): Finding["severity"] =>
    (!judgeTests && isTestPath(ref.file)) || ref.informational === true ? "info" : severity;
  const findings: Finding[] = [];
  const edits: ScanEdit[] = [];
  const shownPaths = new Map<string, string>();
  const displayed = (file: string): string => {
    let shown = shownPaths.get(file);
    if (shown === undefined) {
      shown = shownPath(path.join(root, file), cwd, root);
      shownPaths.set(file, shown);
    }
    return shown;
  };
  const location = (ref: PortReference): Location => ({ file: displayed(ref.file), line: ref.line, column: ref.column });
  return {
    model,
    references,
    fileNode,
    targetNode,
    namedNode,
    external: (ref) => ref.host !== undefined && hostNode(ref.host) === "none",
    allocationsAt: (node, port) => byNodePort.get(`${node}\u0000${port}`) ?? [],
    allocationsAnywhere: (port) => byPort.get(port) ?? [],
    reservationAt: (node, port) => reservations.find((r) => r.port === port && (r.node === undefined || r.node === node)),
    location,
    report(code, severity, args, ref, related, fix, data) {
      // A .env fix is shown as the line to write, where the edit's place in it is certain.
      const after = fix === undefined || fix.kind === "entry" ? undefined : envLineAfter(ref, fix);
      const withLine: MessageArgs<typeof code> = after === undefined ? args : Object.assign({}, args, { write: { ...after, file: location(ref).file } });
      const finding = makeFinding(code, quieter(ref, severity), withLine, location(ref), related === undefined ? undefined : capRelated(related, location));
      // An origin's localhost is the browser's machine, not the file's node.
      const node = data?.node ?? (ref.role === "origin" ? namedNode(ref) : targetNode(ref));
      finding.data = {
        port: ref.port,
        ...(ref.host === undefined ? {} : { host: ref.host }),
        ...(node === undefined ? {} : { node }),
        ...data,
        ...(ref.role === undefined ? {} : { role: ref.role }),
      };
      findings.push(finding);
      if (fix !== undefined) edits.push(fix);
    },
    findings,
    edits,
  };
}

/** A reference as its file writes it: `KEY=value`, `"dev": "next dev -p 3001"`, `port: 8003` (not a bare `8003`). */
function asWritten(ref: PortReference): string {
  if (ref.key === undefined) return ref.text;
  if (ref.kind === "env") return `${ref.key}=${ref.text}`;
  if (ref.kind === "script") return `${JSON.stringify(ref.key)}: ${JSON.stringify(ref.text)}`;
  const key = ref.key.split(".").at(-1) ?? "";
  if (ref.kind !== "config" || !/^\d+$/.test(ref.text) || !/^[\w-]+$/.test(key)) return ref.text;
  if (ref.file.endsWith(".json")) return `"${key}": ${ref.text}`;
  return /\.(toml|ini|cfg|conf)$/.test(ref.file) ? `${key} = ${ref.text}` : `${key}: ${ref.text}`;
}

/** What stands in the file, so it can be searched for; masked before it is cut, so no cut leaves half a password showing. */
export function refText(ref: PortReference): string {
  const head = maskSecrets(asWritten(ref));
  return head.length > 70 ? `${head.slice(0, 67)}...` : head;
}
