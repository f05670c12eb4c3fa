import type { Allocation, RegistryModel } from "../registry/model.js";

export interface SectionRows {
  id: string;
  title: string;
  allocations: Allocation[];
}

/** Declared sections in order (a service's own, else its team's), then one table per team for the rest. */
export function groupBySection(model: RegistryModel, allocations: readonly Allocation[]): SectionRows[] {
  const declared = model.data.sections ?? [];
  const sections = new Map<string, SectionRows>();
  for (const s of declared) sections.set(s.id, { id: s.id, title: s.title, allocations: [] });
  for (const allocation of allocations) {
    const { service } = allocation;
    const id = service.section ?? declared.find((s) => s.team === service.team)?.id ?? `team-${service.team}`;
    let rows = sections.get(id);
    if (rows === undefined) {
      const team = model.data.teams[service.team];
      rows = { id, title: team === undefined ? `Team ${service.team}` : `${team.name} (team ${service.team})`, allocations: [] };
      sections.set(id, rows);
    }
    rows.allocations.push(allocation);
  }
  return [...sections.values()].filter((s) => s.allocations.length > 0);
}

export const ACCESS_TEXT: Record<string, string> = {
  "all-nodes": "all nodes",
  "backend-only": "backend only",
  "developers-browser": "developers (browser)",
  "test-only": "test only",
  "staging-only": "staging only",
  "preview-only": "preview only",
};

export const STATUS_TEXT: Record<string, string> = {
  running: "running",
  stopped: "stopped",
  "in-development": "in development",
  reserved: "reserved",
  planned: "planned",
};

export function nodeText(model: RegistryModel, node: string): string {
  const declared = model.data.nodes[node];
  return declared === undefined ? node : `${declared.label ?? node} (${declared.address})`;
}
