import path from "node:path";
import type { RegistryModel } from "../registry/model.js";
import type { ScanResult } from "./port-reference.js";
import { scanTree } from "./scan-tree.js";
import { createScanContext, type ScanContext } from "./scan-context.js";

export interface ProjectScan {
  /** References are relative to it. */
  root: string;
  scanned: ScanResult;
  context: ScanContext;
}

/** Once, for the scan rules and the change protocol alike. */
export async function scanProject(model: RegistryModel, cwd: string): Promise<ProjectScan> {
  const root = path.dirname(model.registry.absolutePath);
  const scanned = await scanTree(root, { roots: model.data.scan?.roots ?? [], ignore: model.data.scan?.ignore ?? [] });
  return { root, scanned, context: createScanContext(model, scanned.references, root, cwd) };
}
