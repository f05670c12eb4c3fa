import type { Code } from "../../findings/messages.js";
import { LANGUAGES } from "../../findings/language.js";
import { expandAllocations, serviceLabel } from "../../registry/model.js";
import type { RegistryData } from "../../registry/schema.js";
import { ACCESS_SCOPES, PRIORITIES, PROTOCOLS, SERVICE_STATUSES } from "../../registry/value-lists.js";
import { explainWords } from "../../words/explain-words.js";
import { CODE_TABLE } from "../explain/code-table.js";
import type { Candidate, ValuesOf } from "./complete-line.js";
import { EXPORT_TARGETS } from "../export/export-names.js";
import { SHELLS } from "./shells.js";

const plain = (values: readonly string[]): Candidate[] => values.map((value) => ({ value }));

/** Where a service listens, to tell `fastapi` from `fastapi.test` in a list. */
const at = (node: string, port: number): string => `${node}:${port}`;

function registryValues(data: RegistryData, kind: Parameters<ValuesOf>[0]): Candidate[] {
  const services = data.services.map((s) => ({ value: s.name, description: `${serviceLabel(s)} · ${at(s.node, s.port)}` }));
  const reservations = (data.reservations ?? []).map((r) => ({ value: r.name, description: `${r.label ?? r.purpose} · ${r.port}` }));
  switch (kind) {
    case "target": {
      // NAME.ENV for every environment a service runs in, as check --service and set-status take it.
      const inEnvironments = expandAllocations(data)
        .filter((a) => a.environment !== undefined)
        .map((a) => ({ value: `${a.service.name}.${a.environment ?? ""}`, description: `${serviceLabel(a.service)} (${a.environment ?? ""}) · ${at(a.node, a.port)}` }));
      return [...services, ...inEnvironments];
    }
    case "service-or-reservation":
      return [...services, ...reservations];
    case "reservation":
      return reservations;
    case "team":
      return Object.entries(data.teams).map(([value, team]) => ({ value, description: team.name }));
    case "node":
      return Object.entries(data.nodes).map(([value, node]) => ({ value, description: node.label === undefined ? node.address : `${node.label} · ${node.address}` }));
    case "environment":
      return Object.entries(data.environments).map(([value, env]) => ({ value, description: env.label ?? `+${env.offset}` }));
    default:
      return [];
  }
}

/** sparkport's own lists; the registry's names when `registry` finds one (read once, and only when asked). */
export function valuesFrom(registry: () => Promise<RegistryData | undefined>): ValuesOf {
  let data: Promise<RegistryData | undefined> | undefined;
  return async (kind) => {
    switch (kind) {
      case "status":
        return plain(SERVICE_STATUSES);
      case "shell":
        return plain(SHELLS);
      case "export-target":
        return plain(EXPORT_TARGETS);
      case "language":
        return plain(LANGUAGES);
      case "protocol":
        return plain(PROTOCOLS);
      case "access":
        return plain(ACCESS_SCOPES);
      case "priority":
        return plain(PRIORITIES);
      case "code": {
        const w = explainWords();
        return (Object.keys(CODE_TABLE) as Code[]).map((value) => ({ value, description: `${w.severity[CODE_TABLE[value].severity]} · ${w.groups[CODE_TABLE[value].group]}` }));
      }
      default: {
        data ??= registry();
        const found = await data;
        return found === undefined ? [] : registryValues(found, kind);
      }
    }
  };
}
