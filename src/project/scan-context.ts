import path from "node:path";
import { groupBy } from "../util/group-by.js";
import { maskSecrets } from "../util/mask-secrets.js";
import { capRelated, makeFinding, type Finding, type Location } from "../findings/finding.js";
import type { Code, MessageArgs } from "../findings/messages.js";
import type { Allocation, RegistryModel } from "../registry/model.js";
import { fileNodeMatcher } from "./file-node.js";
import type { PortReference } from "./port-reference.js";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "0.0.0.0", "::1", "::", "host.docker.internal"]);

export type ScanEdit =
  | { ref: PortReference; kind: "port"; port: number }
  | { ref: PortReference; kind: "host"; host: string }
  | { ref: PortReference; kind: "entry"; replacement: string };

export interface ScanContext {
  model: RegistryModel;
  references: readonly PortReference[];
  /** Its host's node, or (no host, or localhost) the node of its file. */
  targetNode(ref: PortReference): string | undefined;
  fileNode(ref: PortReference): string | undefined;
  /** Neither a node nor loopback: the registry does not speak for it. */
  external(ref: PortReference): boolean;
  allocationsAt(node: string | undefined, port: number): Allocation[];
  location(ref: PortReference): Location;
  report<C extends Code>(code: C, severity: Finding["severity"], args: MessageArgs<C>, ref: PortReference, related?: readonly PortReference[], fix?: ScanEdit): void;
  findings: Finding[];
  edits: ScanEdit[];
}

export function createScanContext(model: RegistryModel, references: readonly PortReference[], root: string, cwd: string): ScanContext {
  const nodeOf = fileNodeMatcher(model.data.scan?.nodes);
  const byAddress = new Map<string, string>();
  for (const [name, node] of Object.entries(model.data.nodes)) {
    byAddress.set(name, name);
    byAddress.set(node.address, name);
    if (node.tailscale !== undefined) byAddress.set(node.tailscale, name);
  }
  const byNodePort = groupBy(model.allocations, (a) => `${a.node}\u0000${a.port}`);
  const fileNode = (ref: PortReference): string | undefined => nodeOf(ref.file);
  const findings: Finding[] = [];
  const edits: ScanEdit[] = [];
  const shownPaths = new Map<string, string>();
  const shownPath = (file: string): string => {
    let shown = shownPaths.get(file);
    if (shown === undefined) {
      shown = path.relative(cwd, path.join(root, file)) || file;
      shownPaths.set(file, shown);
    }
    return shown;
  };
  const location = (ref: PortReference): Location => ({ file: shownPath(ref.file), line: ref.line, column: ref.column });
  return {
    model,
    references,
    fileNode,
    targetNode: (ref) => (ref.host === undefined || LOOPBACK_HOSTS.has(ref.host) ? fileNode(ref) : byAddress.get(ref.host)),
    external: (ref) => ref.host !== undefined && !LOOPBACK_HOSTS.has(ref.host) && !byAddress.has(ref.host),
    allocationsAt: (node, port) =>
      node === undefined ? model.allocations.filter((a) => a.port === port) : (byNodePort.get(`${node}\u0000${port}`) ?? []),
    location,
    report(code, severity, args, ref, related, fix) {
      const finding = makeFinding(code, severity, args, location(ref), related === undefined ? undefined : capRelated(related, location));
      findings.push(finding);
      if (fix !== undefined) edits.push(fix);
    },
    findings,
    edits,
  };
}

/** Masked before it is cut, so no cut can leave half a password showing. */
export function refText(ref: PortReference): string {
  const head = maskSecrets(ref.key === undefined ? ref.text : `${ref.key}=${ref.text}`);
  return head.length > 70 ? `${head.slice(0, 67)}...` : head;
}
