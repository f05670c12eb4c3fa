import type { RegistryModel } from "./model.js";

export interface RegistrySummary {
  file: string;
  nodes: number;
  services: number;
  /** Environments included. */
  allocations: number;
  reservations: number;
}

export function summariseRegistry(model: RegistryModel): RegistrySummary {
  return {
    file: model.registry.file,
    nodes: Object.keys(model.data.nodes).length,
    services: model.data.services.length,
    allocations: model.allocations.length,
    reservations: model.data.reservations?.length ?? 0,
  };
}
