import type { Allocation, RegistryModel } from "../registry/model.js";
import { hostPort } from "../util/host-port.js";

/** The blackbox exporter's modules sparkport names (examples/prometheus/blackbox.yml defines them). */
export type BlackboxModule = "http_2xx" | "tcp_connect";

export interface TargetLabels {
  service: string;
  /** "" for a service in no declared environment: Prometheus reads an empty label as no label. */
  environment: string;
  team: string;
  node: string;
  access: string;
  protocol: string;
  status: string;
  module: BlackboxModule;
}

/** One entry of Prometheus's file_sd and http_sd JSON (the two share it). */
export interface TargetGroup {
  targets: string[];
  labels: TargetLabels;
}

export interface PrometheusTargets {
  groups: TargetGroup[];
  /** UDP ports: the blackbox exporter has no generic UDP probe, so they are left out and counted. */
  skipped: { service: string; environment: string; node: string; port: number }[];
}

const moduleOf = (a: Allocation): BlackboxModule => (a.protocol === "http" || a.protocol === "https" ? "http_2xx" : "tcp_connect");

/** `host:port`, an IPv6 address in brackets; http_2xx takes a URL, which is what its prober asks for. */
function targetOf(a: Allocation, address: string, module: BlackboxModule): string {
  const target = hostPort(address, a.port);
  return module === "http_2xx" ? `${a.protocol}://${target}/` : target;
}

/** One group per registered port (every environment of every service), in the registry's order, on its node's address. */
export function prometheusTargets(model: RegistryModel): PrometheusTargets {
  const groups: TargetGroup[] = [];
  const skipped: PrometheusTargets["skipped"] = [];
  for (const a of model.allocations) {
    const environment = a.environment ?? "";
    if (a.transport === "udp") {
      skipped.push({ service: a.service.name, environment, node: a.node, port: a.port });
      continue;
    }
    const module = moduleOf(a);
    const address = model.data.nodes[a.node]?.address ?? a.node;
    groups.push({
      targets: [targetOf(a, address, module)],
      labels: { service: a.service.name, environment, team: a.service.team, node: a.node, access: a.access, protocol: a.protocol, status: a.status, module },
    });
  }
  return { groups, skipped };
}

/** The JSON Prometheus reads, two-space indented, one final newline: the same bytes for the same registry. */
export const targetsJson = (groups: readonly TargetGroup[]): string => `${JSON.stringify(groups, null, 2)}\n`;
