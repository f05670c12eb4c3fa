import path from "node:path";
import type { CommandRunner } from "../io/command-runner.js";
import type { FileSystem } from "../io/file-system.js";
import type { RegistryModel } from "../registry/model.js";
import type { RegistryData } from "../registry/schema.js";
import { fileNodeMatcher } from "./file-node.js";
import type { ScanResult, SkippedFile } from "./port-reference.js";
import { scanTree } from "./scan-tree.js";
import { createScanContext, type ScanContext } from "./scan-context.js";

/** What the scan read and what it left out: lint's summary (JSON and text). */
export interface ScanSummary {
  /** Files read. */
  read: number;
  /** Port references found in them. */
  references: number;
  /** Files not read, with the reason. */
  skipped: SkippedFile[];
  /** Files read that no `scan.nodes` glob maps to a node: a host-less port there belongs to no node. */
  unmapped: string[];
}

export interface ProjectScan {
  /** References are relative to it. */
  root: string;
  scanned: ScanResult;
  context: ScanContext;
  summary: ScanSummary;
}

const picomatchEscape = (file: string): string => file.replace(/[\\*?[\]{}()!+@|]/g, "\\$&");

/** The files of the registry's folder as `scan` says, the registry itself left out: lint's scan, and init --from-scan's. */
export async function scanBesideRegistry(registryPath: string, scan: RegistryData["scan"], fs?: FileSystem, runner?: CommandRunner): Promise<ScanResult> {
  const root = path.dirname(registryPath);
  // The registry itself is a YAML file the config scanner would read: every port in it a reference to itself.
  const registryFile = path.relative(root, registryPath).split(path.sep).join("/");
  const exclude = [...(scan?.exclude ?? []), picomatchEscape(registryFile)];
  const options = { roots: scan?.roots ?? [], ignore: scan?.ignore ?? [], include: scan?.include ?? [], exclude, docs: scan?.docs === true };
  return scanTree(root, options, fs, runner);
}

/** Once, for the scan rules and the change protocol alike. */
export async function scanProject(model: RegistryModel, cwd: string, fs?: FileSystem, runner?: CommandRunner): Promise<ProjectScan> {
  const root = path.dirname(model.registry.absolutePath);
  const scan = model.data.scan;
  const scanned = await scanBesideRegistry(model.registry.absolutePath, scan, fs, runner);
  const nodeOf = fileNodeMatcher(scan?.nodes);
  const summary: ScanSummary = {
    read: scanned.read.length,
    references: scanned.references.length,
    skipped: scanned.skipped,
    unmapped: scanned.read.filter((file) => nodeOf(file) === undefined),
  };
  // Internal references (a container's own side, a compose network's names) are never judged.
  const judged = scanned.references.filter((ref) => ref.role !== "internal");
  return { root, scanned, context: createScanContext(model, judged, root, cwd), summary };
}
