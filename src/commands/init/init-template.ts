import { scalarText } from "../../edit/splice.js";
import type { OperatingSystem } from "../../registry/schema.js";

/** The machine init writes as the registry's node: services name it by key. */
export interface StarterNode {
  key: string;
  label: string;
  os: OperatingSystem;
}

const HEADER = `# yaml-language-server: $schema=./node_modules/sparkport/registry/ports.schema.json
#
# Port registry: which service owns which port, on which machine.
# Register a service here before you start it; \`sparkport lint\` checks this file.

version: 1
`;

const nodes = (node: StarterNode): string => `# The machines. Services name a node by its key, never by address.
nodes:
  ${node.key}:
    label: ${scalarText(node.label)}
    address: 127.0.0.1
    os: ${node.os}
`;

const TEAMS_COMMENT = `# Who owns which ports. A port outside its team's ranges is a lint error,
# unless the service declares an exception with its reason.
teams:
`;

const ENVIRONMENTS = `# Each environment runs a service on its base port plus an offset.
environments:
  dev:
    offset: 0
  test:
    offset: 1
  staging:
    offset: 10
`;

const RESERVATIONS = `# Ports held for later, with no service yet.
reservations: []
`;

// Without it a host-less port (PORT=8020, localhost:3020) in a file belongs to no node, and lint cannot judge it.
const scan = (node: StarterNode): string => `# What \`sparkport lint\` checks besides this file: the project's .env, compose,
# Docker and script files. \`nodes\` says which machine a file's host-less ports
# (PORT=8020, localhost:3020) live on.
scan:
  nodes:
    "**": ${node.key}
`;

/** A registry of the given parts, in the order every starter has them. */
export function starterText(parts: { project: string; node: StarterNode; teams: string; services: string }): string {
  return [
    `${HEADER}project: ${scalarText(parts.project)}\n`,
    nodes(parts.node),
    TEAMS_COMMENT + parts.teams,
    ENVIRONMENTS,
    `services:\n${parts.services}`,
    RESERVATIONS,
    scan(parts.node),
  ].join("\n");
}

/** The starter registry `sparkport init` writes; a test keeps it lint-clean (no finding at all, info included). */
export function plainStarter(node: StarterNode): string {
  return starterText({
    project: "my-project",
    node,
    teams: `  backend:
    name: Backend
    ranges:
      - name: apis
        from: 8000
        to: 8099
  frontend:
    name: Frontend
    ranges:
      - name: web
        from: 3000
        to: 3099
`,
    services: `  - name: api
    label: API
    team: backend
    node: ${node.key}
    port: 8020 # dev; test is 8021, staging 8030
    protocol: http
    access: all-nodes
    status: in-development
    environments:
      dev: {}
      test: {}
      staging: {}
  - name: web
    label: Web
    team: frontend
    node: ${node.key}
    port: 3020
    protocol: http
    access: developers-browser
    status: in-development
`,
  });
}
