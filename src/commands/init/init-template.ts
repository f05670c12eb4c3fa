import { scalarText } from "../../edit/splice.js";
import type { OperatingSystem } from "../../registry/schema.js";
import { initWords } from "../../words/init-words.js";

/** The machine init writes as the registry's node: services name it by key. */
export interface StarterNode {
  key: string;
  label: string;
  os: OperatingSystem;
}

/** Lines of a YAML comment. */
const comment = (lines: readonly string[]): string => lines.map((l) => `# ${l}\n`).join("");

type Comments = ReturnType<typeof initWords>["comments"];

const header = (c: Comments): string => `# yaml-language-server: $schema=./node_modules/sparkport/registry/ports.schema.json
#
${comment(c.header)}
version: 1
`;

const nodes = (c: Comments, node: StarterNode): string => `${comment(c.nodes)}nodes:
  ${node.key}:
    label: ${scalarText(node.label)}
    address: 127.0.0.1
    os: ${node.os}
`;

const ENVIRONMENTS = `environments:
  dev:
    offset: 0
  test:
    offset: 1
  staging:
    offset: 10
`;

// Without it a host-less port (PORT=8020, localhost:3020) in a file belongs to no node, and lint cannot judge it.
const scan = (c: Comments, node: StarterNode): string => `${comment(c.scan)}scan:
  nodes:
    "**": ${node.key}
`;

/** A registry of the given parts, in the order every starter has them. */
export function starterText(parts: { project: string; node: StarterNode; teams: string; services: string }): string {
  const c = initWords().comments;
  return [
    `${header(c)}project: ${scalarText(parts.project)}\n`,
    nodes(c, parts.node),
    `${comment(c.teams)}teams:\n${parts.teams}`,
    comment(c.environments) + ENVIRONMENTS,
    `services:\n${parts.services}`,
    `${comment(c.reservations)}reservations: []\n`,
    scan(c, parts.node),
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
    port: 8020 # ${initWords().comments.apiPort}
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
