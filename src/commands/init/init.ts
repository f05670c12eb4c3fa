import path from "node:path";
import { UsageError } from "../../findings/errors.js";
import type { CommandRunner } from "../../io/command-runner.js";
import { fileError } from "../../io/file-error.js";
import { errorCode, type FileSystem } from "../../io/file-system.js";
import { scanBesideRegistry } from "../../project/scan-project.js";
import { REGISTRY_FILE_NAME } from "../../registry/discover.js";
import type { OperatingSystem } from "../../registry/schema.js";
import { plainStarter, type StarterNode } from "./init-template.js";
import { proposalRegistry } from "./proposal-text.js";
import { proposeServices, type ProposedService } from "./propose-services.js";
import { fileErrorWords } from "../../words/file-error-words.js";

export interface InitOptions {
  file?: string | undefined;
  force?: boolean;
  /** Start from the ports the project's files use. */
  fromScan?: boolean;
  /** Print what would be written; write nothing. */
  dryRun?: boolean;
  cwd: string;
  fs: FileSystem;
  runner?: CommandRunner;
  machine: { hostname: string; os: OperatingSystem };
}

export interface InitResult {
  file: string;
  /** false with --dry-run. */
  written: boolean;
  /** With --dry-run: a file is there already (only --force would replace it). */
  exists: boolean;
  overwritten: boolean;
  /** The registry written, or with --dry-run the one that would be. */
  text: string;
  /** With --from-scan: the services proposed, each with the references it was made from. */
  proposed: ProposedService[] | null;
  node: string;
}

/**
 * --force replaces a regular file (a link to one stays a link) and creates a missing one; anything else (a
 * folder, FIFO, device or socket) is refused: renaming over it would put a file where a device was.
 */
async function replaceable(fs: FileSystem, absolute: string, file: string): Promise<boolean> {
  let kind: string;
  try {
    kind = (await fs.stat(absolute)).kind;
  } catch (error) {
    if (errorCode(error) === "ENOENT") return false;
    throw fileError(error, "create", file);
  }
  if (kind === "file") return true;
  throw new UsageError(fileErrorWords().notReplaceable(file, kind === "folder"));
}

/** The node for this machine: its host name as a key (`Mac-mini.local` → mac-mini), else devbox. */
export function thisMachineNode(machine: InitOptions["machine"], fromScan: boolean): StarterNode {
  if (!fromScan) return { key: "devbox", label: "Development machine", os: machine.os };
  const key = (machine.hostname.split(".")[0] ?? "").toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+|[-._]+$/g, "");
  return { key: key === "" ? "devbox" : key, label: machine.hostname === "" ? "Development machine" : machine.hostname, os: machine.os };
}

export async function init(options: InitOptions): Promise<InitResult> {
  const file = options.file ?? REGISTRY_FILE_NAME;
  const absolute = path.resolve(options.cwd, file);
  const force = options.force === true;
  const fromScan = options.fromScan === true;
  const node = thisMachineNode(options.machine, fromScan);
  let proposed: ProposedService[] | null = null;
  let text = plainStarter(node);
  if (fromScan) {
    // The same scan lint runs over the registry's folder, with no scan settings yet.
    const scanned = await scanBesideRegistry(absolute, undefined, options.fs, options.runner);
    const project = path.basename(path.dirname(absolute)) || "my-project";
    const proposal = proposeServices(scanned.references, project);
    proposed = proposal.services;
    if (proposal.services.length > 0) text = proposalRegistry(proposal, project, node);
  }
  const result = { file, text, proposed, node: node.key };
  if (options.dryRun === true) {
    const exists = await options.fs.stat(absolute).then(
      () => true,
      () => false,
    );
    return { ...result, written: false, exists, overwritten: false };
  }
  const existed = force && (await replaceable(options.fs, absolute, file));
  try {
    await options.fs.writeFile(absolute, text, { exclusive: !force });
  } catch (error) {
    if (errorCode(error) === "EEXIST") throw new UsageError(fileErrorWords().exists(file));
    throw fileError(error, "create", file);
  }
  return { ...result, written: true, exists: existed, overwritten: existed };
}
