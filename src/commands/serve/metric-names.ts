// The exposition's names and HELP lines: a contract with Prometheus rules, dashboards and `status --source
// prometheus`, so they are English, never translated, and change only with a CHANGELOG line.

export const METRICS = {
  listening: { name: "sparkport_service_listening", help: "1 when something listens on the service's registered port on this node, else 0." },
  bindScope: { name: "sparkport_service_bind_scope", help: "1 for each scope the service's port is bound on: all (a wildcard), loopback, node-address." },
  holder: { name: "sparkport_service_holder_info", help: "The process holding the service's port, as the socket table names it (pid and program empty when unseen)." },
  registry: { name: "sparkport_registry_info", help: "The sha256 of the registry file serve answers from." },
  scan: { name: "sparkport_socket_scan_duration_seconds", help: "How long the last read of this machine's socket table took." },
} as const;
