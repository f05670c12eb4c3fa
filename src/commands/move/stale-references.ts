import type { PortChange } from "../../changes/compare-registries.js";
import { impactsOf, type Impact } from "../../changes/impact.js";
import type { CommandRunner } from "../../io/command-runner.js";
import type { FileSystem } from "../../io/file-system.js";
import { applyScanEdits, type FileFix } from "../../project/apply-scan-edits.js";
import { allocationOf, editCertainty } from "../../project/edit-certainty.js";
import type { PortReference } from "../../project/port-reference.js";
import { refText, type ScanContext } from "../../project/scan-context.js";
import { scanProject, type ProjectScan } from "../../project/scan-project.js";
import type { RegistryModel } from "../../registry/model.js";
import { movedPort } from "../../rules/project/moved-port.js";
import { moveWords } from "../../words/move-words.js";

/** A file's reference to a port that moved, on the node it left: JSON's `references`. */
export interface StaleReference {
  file: string;
  line: number;
  column: number;
  /** As the file writes it, a secret masked. */
  text: string;
  /** Who moved, from which port to which. */
  owner: string;
  from: number;
  to: number;
  /** The edit is certain: `--write` makes it (or made it). */
  certain: boolean;
  /** Why it is left for a person. */
  reason?: string;
}

export interface StaleReferences {
  /** With `write`, the files written; none otherwise. */
  fixes: FileFix[];
  /** What `diff` would announce: the moves with the references still using an old port. */
  impacts: Impact[];
  references: StaleReference[];
}

interface Where {
  cwd: string;
  fs: FileSystem;
  runner?: CommandRunner | undefined;
}

/** The project scanned against the registry after the move, with the change protocol's edits of every moved port. */
async function scanMoved(model: RegistryModel, changes: readonly PortChange[], where: Where): Promise<ProjectScan> {
  const project = await scanProject(model, where.cwd, where.fs, where.runner);
  movedPort(project.context, { ref: model.registry.file, changes });
  return project;
}

function describe(ctx: ScanContext, pending: readonly FileFix[], change: PortChange, ref: PortReference): StaleReference {
  const at = ctx.location(ref);
  const to = change.to ?? ref.port;
  const base = { file: at.file, line: ref.line, column: ref.column, text: refText(ref), owner: change.label, from: ref.port, to };
  const edit = ctx.edits.find((e) => e.ref === ref);
  // The edit's own doubt, or the writer's (an overlap, a list collapsing), as lint --fix says it.
  const doubt = pending.find((f) => f.file === at.file)?.notApplied.find((n) => n.line === ref.line)?.reason;
  if (edit !== undefined) {
    const reason = edit.certainty.certain ? doubt : edit.certainty.reason;
    return reason === undefined ? { ...base, certain: true } : { ...base, certain: false, reason };
  }
  // No edit was proposed: the old port is someone's again, or the certainty test says why, or nothing ties it to the service.
  const w = moveWords().references;
  const holder = ctx.allocationsAt(ctx.targetNode(ref) ?? change.node, ref.port)[0];
  if (holder !== undefined) return { ...base, certain: false, reason: w.heldAgain(ref.port, holder.label) };
  const certainty = editCertainty(ctx, ref, allocationOf(ctx, change.node, to, change.service));
  return { ...base, certain: false, reason: certainty.certain ? w.notTied(change.label) : certainty.reason };
}

/**
 * The references to each old port, as `diff` finds them; with `write`, the certain ones rewritten first (the rules of
 * `lint --fix --write`) and the project scanned again, so what is listed is what is left for a person.
 */
export async function staleReferences(model: RegistryModel, changes: readonly PortChange[], where: Where & { write: boolean }): Promise<StaleReferences> {
  let project = await scanMoved(model, changes, where);
  let fixes: FileFix[] = [];
  if (where.write) {
    fixes = (await applyScanEdits(project.context.edits, project, where.cwd, true, where.fs)).filter((f) => f.written);
    if (fixes.length > 0) project = await scanMoved(model, changes, where);
  }
  const ctx = project.context;
  // Written nowhere: only for the reasons the writer gives.
  const pending = await applyScanEdits(ctx.edits, project, where.cwd, false, where.fs);
  const impacts = impactsOf(model, changes, ctx);
  const references = impacts.flatMap(({ change, stale }) => stale.map((ref) => describe(ctx, pending, change, ref)));
  return { fixes, impacts, references };
}
