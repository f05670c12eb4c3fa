import { buildModel, type RegistryModel } from "../../registry/model.js";
import { groupBySection } from "../../render/sections.js";
import { openRegistry, type RegistryOptions } from "../../registry/open-registry.js";
import { requireKnown } from "../../util/require-known.js";

export interface ListOptions extends RegistryOptions {
  team?: string | undefined;
  node?: string | undefined;
  env?: string | undefined;
}

export interface ListRow {
  service: string;
  label: string;
  environment: string | null;
  port: number;
  protocol: string;
  node: string;
  address: string | null;
  team: string;
  access: string;
  status: string;
  locked: boolean;
  note: string | null;
}

export interface ListReservation {
  name: string;
  label: string;
  port: number;
  purpose: string;
  priority: string;
  team: string | null;
  node: string | null;
}

export interface ListResult {
  registry: string;
  project: string | null;
  sections: { id: string; title: string; rows: ListRow[] }[];
  reservations: ListReservation[];
}

export async function list(options: ListOptions): Promise<ListResult> {
  const model = buildModel(await openRegistry(options));
  return listModel(model, options);
}

export function listModel(model: RegistryModel, filters: Pick<ListOptions, "team" | "node" | "env">): ListResult {
  const { data } = model;
  requireKnown("team", filters.team, Object.keys(data.teams));
  requireKnown("node", filters.node, Object.keys(data.nodes));
  requireKnown("environment", filters.env, Object.keys(data.environments));
  const selected = model.allocations.filter(
    (a) =>
      (filters.team === undefined || a.service.team === filters.team) &&
      (filters.node === undefined || a.node === filters.node) &&
      (filters.env === undefined || a.environment === filters.env),
  );
  const sections = groupBySection(model, selected).map((s) => ({
    id: s.id,
    title: s.title,
    rows: s.allocations.map(
      (a): ListRow => ({
        service: a.service.name,
        label: a.label,
        environment: a.environment ?? null,
        port: a.port,
        protocol: a.protocol,
        node: a.node,
        address: data.nodes[a.node]?.address ?? null,
        team: a.service.team,
        access: a.access,
        status: a.status,
        locked: a.service.locked === true,
        note: a.note ?? null,
      }),
    ),
  }));
  // Reservations have no environment, and match a team or node filter only when they name one.
  const reservations = filters.env !== undefined ? [] : (data.reservations ?? []).filter(
    (r) => (filters.team === undefined || r.team === filters.team) && (filters.node === undefined || r.node === filters.node),
  );
  return {
    registry: model.registry.file,
    project: data.project ?? null,
    sections,
    reservations: reservations.map((r) => ({
      name: r.name,
      label: r.label ?? r.name,
      port: r.port,
      purpose: r.purpose,
      priority: r.priority,
      team: r.team ?? null,
      node: r.node ?? null,
    })),
  };
}
