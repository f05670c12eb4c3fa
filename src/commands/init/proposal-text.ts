import { refText } from "../../project/scan-context.js";
import type { PortReference } from "../../project/port-reference.js";
import { initWords } from "../../words/init-words.js";
import { starterText, type StarterNode } from "./init-template.js";
import type { Proposal, ProposedTeam } from "./propose-services.js";

const TEAM_NAMES: Record<ProposedTeam, string> = { backend: "Backend", frontend: "Frontend" };

/** Where the files use it, for the person who confirms it: `backend/.env:1 FASTAPI_PORT=8020`. */
export function foundIn(refs: readonly PortReference[], max: number): string {
  // It goes into a YAML comment: one line.
  const shown = refs.slice(0, max).map((r) => `${r.file}:${r.line} ${refText(r)}`.replace(/[\r\n\u2028\u2029]+/g, " "));
  return refs.length > max ? `${shown.join("; ")}; ${initWords().more(refs.length - max)}` : shown.join("; ");
}

function teamsText(proposal: Proposal): string {
  const teams = (["backend", "frontend"] as const).filter((t) => proposal.ranges.some((r) => r.team === t));
  return teams
    .map((team) => {
      const ranges = proposal.ranges.filter((r) => r.team === team).map((r) => `      - name: ${r.name}\n        from: ${r.from}\n        to: ${r.to}\n`);
      return `  ${team}:\n    name: ${TEAM_NAMES[team]}\n    ranges:\n${ranges.join("")}`;
    })
    .join("");
}

function servicesText(proposal: Proposal, node: string): string {
  return proposal.services
    .map(
      (s) =>
        `  - name: ${s.name}\n    team: ${s.team}\n    node: ${node}\n    port: ${s.port}\n    protocol: ${s.protocol}\n` +
        `    access: ${s.access}\n    status: in-development\n    # ${initWords().comments.foundIn(foundIn(s.references, 3))}\n`,
    )
    .join("");
}

/** The registry init --from-scan writes: the starter's layout with the proposed teams and services. */
export function proposalRegistry(proposal: Proposal, project: string, node: StarterNode): string {
  return starterText({ project, node, teams: teamsText(proposal), services: servicesText(proposal, node.key) });
}
