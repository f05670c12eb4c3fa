import type { Location } from "../findings/finding.js";
import type { LoadedRegistry } from "./loaded-registry.js";
import type { AccessScope, Protocol, RegistryData, Service, ServiceStatus } from "./schema.js";
import type { PathSegment } from "./source-map.js";

export type Transport = "tcp" | "udp";

/** One port a service occupies in one environment: the unit that collides. */
export interface Allocation {
  service: Service;
  serviceIndex: number;
  /** The base port belongs to the environment at offset 0 (dev), if one is declared. */
  environment: string | undefined;
  port: number;
  /** From base + offset, not written in the file. */
  derived: boolean;
  node: string;
  transport: Transport;
  protocol: Protocol;
  access: AccessScope;
  status: ServiceStatus;
  note: string | undefined;
  start: string | undefined;
  /** Where the port, or the environment entry that implies it, is written. */
  path: PathSegment[];
  label: string;
}

export function transportOf(protocol: Protocol | undefined): Transport {
  return protocol === "udp" ? "udp" : "tcp";
}

export function serviceLabel(service: Service): string {
  return service.label ?? service.name;
}

/** Base port plus one per listed environment; unknown environments are skipped here, a rule reports them. */
export function expandAllocations(data: RegistryData): Allocation[] {
  const allocations: Allocation[] = [];
  const offsetZero = Object.entries(data.environments).find(([, e]) => e.offset === 0)?.[0];
  data.services.forEach((service, serviceIndex) => {
    const envs = Object.entries(service.environments ?? {});
    const baseEnv = envs.find(([name]) => data.environments[name]?.offset === 0);
    const baseOverride = baseEnv?.[1] ?? undefined;
    // Each allocation is written out whole: V8 copies a spread (`{ ...common, port }`) slowly, and large registries felt it.
    allocations.push({
      service,
      serviceIndex,
      node: service.node,
      transport: transportOf(service.protocol),
      protocol: service.protocol,
      environment: baseEnv?.[0] ?? offsetZero,
      port: service.port,
      derived: false,
      access: baseOverride?.access ?? service.access,
      status: baseOverride?.status ?? service.status,
      note: baseOverride?.note ?? service.note,
      start: baseOverride?.start ?? service.start,
      path: ["services", serviceIndex, "port"],
      label: baseEnv === undefined ? serviceLabel(service) : `${serviceLabel(service)} (${baseEnv[0]})`,
    });
    for (const [name, override] of envs) {
      const environment = data.environments[name];
      if (environment === undefined || environment.offset === 0) continue;
      const explicit = override?.port;
      allocations.push({
        service,
        serviceIndex,
        node: service.node,
        transport: transportOf(service.protocol),
        protocol: service.protocol,
        environment: name,
        port: explicit ?? service.port + environment.offset,
        derived: explicit === undefined,
        access: override?.access ?? service.access,
        status: override?.status ?? service.status,
        note: override?.note ?? service.note,
        start: override?.start,
        path: explicit === undefined ? ["services", serviceIndex, "environments", name] : ["services", serviceIndex, "environments", name, "port"],
        label: `${serviceLabel(service)} (${name})`,
      });
    }
  });
  return allocations;
}

export interface RegistryModel {
  ports: PortUse[];
  registry: LoadedRegistry;
  data: RegistryData;
  allocations: Allocation[];
  at(path: readonly PathSegment[]): Location;
}

export function buildModel(registry: LoadedRegistry): RegistryModel {
  const model: RegistryModel = {
    registry,
    data: registry.data,
    allocations: expandAllocations(registry.data),
    ports: [],
    at: (path) => registry.source.at(path),
  };
  model.ports = portUses(model);
  return model;
}

export function collisionKey(node: string, transport: Transport, port: number): string {
  return `${node}\u0000${transport}\u0000${port}`;
}

export interface PortUse {
  kind: "service" | "reservation";
  label: string;
  port: number;
  node: string | undefined;
  team: string | undefined;
  transport: Transport;
  /** Undefined for a reservation that names none. */
  protocol: Protocol | undefined;
  path: PathSegment[];
  subject: PathSegment[];
  /** For matching the well-known ports catalogue. */
  names: string[];
}

export function portUses(model: RegistryModel): PortUse[] {
  const uses: PortUse[] = model.allocations.map((a) => ({
    kind: "service",
    label: a.label,
    port: a.port,
    node: a.node,
    team: a.service.team,
    transport: a.transport,
    protocol: a.protocol,
    path: a.path,
    subject: ["services", a.serviceIndex],
    names: [a.service.name, ...(a.service.label === undefined ? [] : [a.service.label])],
  }));
  (model.data.reservations ?? []).forEach((r, index) => {
    uses.push({
      kind: "reservation",
      label: `reservation ${r.label ?? r.name}`,
      port: r.port,
      node: r.node,
      team: r.team,
      transport: transportOf(r.protocol),
      protocol: r.protocol,
      path: ["reservations", index, "port"],
      subject: ["reservations", index],
      names: [r.name, ...(r.label === undefined ? [] : [r.label])],
    });
  });
  return uses;
}
