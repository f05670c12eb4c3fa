import { makeFinding, type Finding } from "../findings/finding.js";
import { maskValue } from "../util/mask-secrets.js";
import type { ScanContext } from "../project/scan-context.js";
import type { RegistryModel } from "../registry/model.js";
import type { PortReference } from "../project/port-reference.js";
import type { PortChange } from "./compare-registries.js";
import { diffWords } from "../words/diff-words.js";

export interface Impact {
  change: PortChange;
  /** Files still using the old port, on the node it was on. */
  stale: PortReference[];
  /** The guide asks to announce a move to every other team. */
  teams: string[];
}

export function impactsOf(model: RegistryModel, changes: readonly PortChange[], ctx: ScanContext | undefined): Impact[] {
  return changes
    .filter((c) => c.from !== null)
    .map((change) => ({
      change,
      stale: (ctx?.references ?? []).filter((r) => r.port === change.from && (ctx?.targetNode(r) ?? change.node) === (change.fromNode ?? change.node)),
      teams: Object.keys(model.data.teams).filter((t) => t !== change.team),
    }));
}

/** A locked port changed is an error; every other move is reported with its stale references. */
export function changeFindings(model: RegistryModel, impacts: readonly Impact[], ref: string, ctx: ScanContext | undefined): Finding[] {
  return impacts.map(({ change, stale, teams }) => {
    const at = change.to === null ? { file: model.registry.file } : model.at(change.path);
    const to = change.to;
    const related = stale.map((s) => ctx?.location(s) ?? { file: s.file, line: s.line, column: s.column });
    if (change.locked) return makeFinding("locked-port-changed", "error", { owner: change.label, from: change.from ?? 0, to, ref }, at, related);
    return makeFinding("port-moved", "warning", { owner: change.label, from: change.from ?? 0, to, ref, stale: stale.length, teams }, at, related);
  });
}

/** The announcement the change protocol asks for, under `title` (`## Port changes since main`). */
export function impactMarkdown(model: RegistryModel, impacts: readonly Impact[], added: readonly PortChange[], title: string): string {
  const w = diffWords();
  const lines = [title, ""];
  if (impacts.length === 0 && added.length === 0) return `${lines.join("\n")}${w.noChange}\n`;
  lines.push(w.header, "|---|---|---|---|---|---|");
  for (const { change } of impacts) lines.push(`| ${change.label} | ${change.environment ?? ""} | ${change.node} | ${change.from ?? ""} | ${change.to ?? w.removed} | ${change.locked ? w.locked : ""} |`);
  for (const change of added) lines.push(`| ${change.label} | ${change.environment ?? ""} | ${change.node} | ${w.added} | ${change.to ?? ""} |  |`);
  const stale = impacts.flatMap((i) => i.stale.map((s) => ({ s, i })));
  lines.push("", w.staleTitle, "");
  if (stale.length === 0) lines.push(w.none);
  for (const { s, i } of stale) lines.push(`- \`${s.file}:${s.line}\` ${s.key === undefined ? "" : `${s.key}: `}\`${maskValue(s.key, s.text)}\` (${i.change.label} ${i.change.from ?? ""} → ${i.change.to ?? w.removed})`);
  const teams = [...new Set(impacts.flatMap((i) => i.teams))];
  // No team to notify: no heading over nothing.
  if (teams.length > 0) lines.push("", w.teamsTitle, "", ...teams.map((t) => `- ${w.team(t, model.data.teams[t] === undefined ? undefined : (model.data.teams[t]?.name ?? ""))}`));
  lines.push("");
  return `${lines.join("\n")}\n`;
}
