// Every user-facing text of a finding, keyed by its stable code. Nothing else writes prose about a finding:
// messages-ko.ts is its Korean twin, and message-table.ts picks the table of the run's language.

import type { Language } from "./language.js";

import { plural } from "../util/plural.js";
import { didYouMeanText } from "../util/unknown-name.js";

export interface MessageEntry<A> {
  /** One line: what the rule checks, shown by `--explain` and `sparkport explain`. */
  readonly explain: string;
  readonly message: (args: A) => string;
  readonly fix?: (args: A) => string;
}

// The type keeps whether an entry has a fix, so a translated table must have one exactly where this one does.
function entry<A>(e: MessageEntry<A> & { readonly fix: (args: A) => string }): MessageEntry<A> & { readonly fix: (args: A) => string };
function entry<A>(e: MessageEntry<A> & { readonly fix?: never }): MessageEntry<A> & { readonly fix?: never };
function entry<A>(e: MessageEntry<A>): MessageEntry<A> {
  return e;
}

export const list = (items: readonly (string | number)[]): string => items.join(", ");

/** A .env fix as the line to write into its file, not a command: `FASTAPI_PORT=8020` in backend/.env. */
export interface LineToWrite {
  line: string;
  file: string;
  /** A password in it is shown as ***: the user keeps their own. */
  masked: boolean;
}

/** Where a service runs: its label, node and port. */
export interface Whereabouts {
  label: string;
  node: string;
  port: number;
}

/** A moved service's port now; on another node, that node too. */
const nowText = (now: { port: number; node?: string }): string => (now.node === undefined ? String(now.port) : `${now.port} on ${now.node}`);

const lineFix = (w: LineToWrite): string => `write \`${w.line}\` in ${w.file}${w.masked ? " (with your own secret where *** stands)" : ""}`;

/** Why an address cannot be a node's (invalid-node-address). */
export const ADDRESS_REASONS = {
  unspecified: "the unspecified address (a bind address, not one to connect to)",
  broadcast: "the broadcast address",
  multicast: "a multicast address",
  reserved: "a reserved address",
  "not-a-host": "neither an IP address nor a valid host name",
} as const;

export type AddressReason = keyof typeof ADDRESS_REASONS;

/** What is wrong with a marker of a Markdown file (docs-bad-marker); `line` is the begin marker's of the block open. */
export type BadMarker =
  | { kind: "malformed" }
  | { kind: "unknown"; name: string; known: string[]; suggestion?: string }
  | { kind: "nested"; open: string; line: number }
  | { kind: "unopened" }
  | { kind: "unclosed"; name: string }
  | { kind: "mismatched"; name: string; open: string; line: number };

/** A block of a Markdown file by its name; the unnamed one is the whole document. */
const blockName = (name: string): string => (name === "" ? "the document block" : `block "${name}"`);

/** Why a registry could not be read (registry-unreadable). */
export const READ_REASONS = {
  missing: "no such file",
  denied: "permission denied",
  loop: "too many symbolic links",
} as const;

export const messages = {
  // Lint rules on the registry.
  "duplicate-port": entry<{ port: number; node: string; transport: string; owners: string[] }>({
    explain: "Two allocations share a port on the same node and transport.",
    message: (a) => `port ${a.port}/${a.transport} on ${a.node} is allocated to ${list(a.owners)}`,
    fix: () => "give one of them another port in its team's range (`sparkport next` finds one)",
  }),
  "env-port-collision": entry<{ port: number; node: string; transport: string; owners: string[] }>({
    explain: "A port derived from an environment offset lands on a port another allocation holds.",
    message: (a) => `port ${a.port}/${a.transport} on ${a.node} is taken twice once environment offsets are applied: ${list(a.owners)}`,
    fix: () => "move the base port of one service so its test (+1) and staging (+10) ports are free, or give the environment an explicit port",
  }),
  "outside-team-range": entry<{ owner: string; port: number; team: string; ranges: string[] }>({
    explain: "A port must lie in one of its team's ranges.",
    message: (a) => `${a.owner} uses ${a.port}, outside team ${a.team}'s ranges (${list(a.ranges)})`,
    fix: () => "pick a port inside the team's ranges, or declare an exception with its reason",
  }),
  "outside-every-range": entry<{ owner: string; port: number }>({
    explain: "A reservation without a team must lie in some team's range.",
    message: (a) => `${a.owner} reserves ${a.port}, which lies in no team's range`,
    fix: () => "reserve a port inside the range of the team that will own it, name that team, or declare an exception with its reason",
  }),
  "team-ranges-overlap": entry<{ first: string; second: string; from: number; to: number }>({
    explain: "Ranges of different teams must not overlap.",
    message: (a) => `range ${a.first} overlaps ${a.second} on ${a.from}-${a.to}`,
    fix: () => "shrink one of the ranges, or declare an exception on one of them with its reason",
  }),
  "invalid-range": entry<{ range: string; from: number; to: number }>({
    explain: "A range must run from a lower port to a higher one, within 1-65535.",
    message: (a) => `range ${a.range} runs from ${a.from} to ${a.to}`,
    fix: () => "write the range as from <= to, both within 1-65535",
  }),
  "env-offset-broken": entry<{ owner: string; environment: string; port: number; expected: number; offset: number }>({
    explain: "An environment's port is the base port plus the environment's offset (test +1, staging +10).",
    message: (a) => `${a.owner} in ${a.environment} uses ${a.port}, but base + ${a.offset} is ${a.expected}`,
    fix: (a) => `use ${a.expected}, or declare an exception with its reason`,
  }),
  "reservation-collision": entry<{ reservation: string; port: number; owners: string[] }>({
    explain: "A reserved port must not also be allocated.",
    message: (a) => `reservation ${a.reservation} on ${a.port} collides with ${list(a.owners)}`,
    fix: () => "move the reservation or the allocation; a reservation that became a service should be removed from reservations",
  }),
  "unknown-node": entry<{ owner: string; node: string; known: string[]; suggestion?: string }>({
    explain: "Every node a service or reservation names must be declared under nodes.",
    message: (a) => `${a.owner} runs on node "${a.node}", which is not declared${didYouMeanText(a.suggestion)}`,
    fix: (a) => `declare it under nodes, or use one of: ${list(a.known)}`,
  }),
  "unknown-team": entry<{ owner: string; team: string; known: string[]; suggestion?: string }>({
    explain: "Every team a service, reservation or section names must be declared under teams.",
    message: (a) => `${a.owner} names team "${a.team}", which is not declared${didYouMeanText(a.suggestion)}`,
    fix: (a) => `declare it under teams, or use one of: ${list(a.known)}`,
  }),
  "unknown-environment": entry<{ owner: string; environment: string; known: string[]; suggestion?: string }>({
    explain: "Every environment a service lists must be declared under environments.",
    message: (a) => `${a.owner} lists environment "${a.environment}", which is not declared${didYouMeanText(a.suggestion)}`,
    fix: (a) => `declare it under environments, or use one of: ${list(a.known)}`,
  }),
  "unknown-section": entry<{ owner: string; section: string; known: string[] }>({
    explain: "Every section a service names must be declared under sections.",
    message: (a) => `${a.owner} is listed under section "${a.section}", which is not declared`,
    fix: (a) => (a.known.length > 0 ? `use one of: ${list(a.known)}` : "declare it under sections"),
  }),
  "duplicate-name": entry<{ name: string; count: number }>({
    explain: "Service and reservation names are unique: commands address entries by name.",
    message: (a) => `the name "${a.name}" is used by ${a.count} entries`,
    fix: () => "rename all but one of them",
  }),
  "port-out-of-range": entry<{ owner: string; port: number }>({
    explain: "A port must be between 1 and 65535.",
    message: (a) => `${a.owner} uses ${a.port}, outside 1-65535`,
    fix: () => "use a port between 1 and 65535",
  }),
  "privileged-port": entry<{ owner: string; port: number }>({
    explain: "Ports below 1024 need root (or a capability) to bind on macOS and Linux.",
    message: (a) => `${a.owner} uses the privileged port ${a.port}`,
    fix: () => "use a port of 1024 or above in the team's range",
  }),
  "ephemeral-port": entry<{ owner: string; port: number; node: string; os: string; from: number; to: number }>({
    explain: "A port inside the OS's ephemeral range can be taken by any outgoing connection.",
    message: (a) => `${a.owner} uses ${a.port}, inside ${a.os}'s ephemeral range ${a.from}-${a.to} on ${a.node}`,
    fix: () => "use a port below the ephemeral range",
  }),
  "os-reserved-port": entry<{ owner: string; port: number; node: string; os: string; holder: string }>({
    explain: "The node's operating system listens on this port itself out of the box (macOS's AirPlay Receiver on 5000 and 7000).",
    message: (a) => `${a.owner} uses ${a.port}, which ${a.holder} listens on out of the box on ${a.node} (${a.os})`,
    fix: (a) => `take another port (\`sparkport next --team TEAM --node ${a.node}\` skips it), or switch that off on ${a.node} and record why as an exception`,
  }),
  "browser-unsafe-port": entry<{ owner: string; port: number }>({
    explain: "Browsers refuse to open http(s) on the Fetch standard's \"bad ports\" (ERR_UNSAFE_PORT), whatever listens there.",
    message: (a) => `${a.owner} serves http on ${a.port}, a port browsers refuse to open (ERR_UNSAFE_PORT)`,
    fix: () => "take another port: no browser will load a page from this one",
  }),
  "well-known-default": entry<{ owner: string; port: number; tools: string[] }>({
    explain: "A port that another common tool uses by default will clash when that tool starts with its defaults.",
    message: (a) => `${a.owner} uses ${a.port}, the default port of ${list(a.tools)}`,
    fix: () => "prefer another port in the team's range, or make sure those tools are started with another port",
  }),
  "invalid-node-address": entry<{ node: string; address: string; reason: keyof typeof ADDRESS_REASONS }>({
    explain: "A node's address must be one other machines can connect to.",
    message: (a) => `node ${a.node} has address ${a.address}, ${ADDRESS_REASONS[a.reason]}`,
    fix: () => "use the node's Tailscale address (100.x.y.z) or its host name",
  }),
  "unused-exception": entry<{ owner: string; rule: string; suggestion?: string }>({
    explain: "An exception that suppresses nothing is stale or misspelt.",
    message: (a) =>
      `${a.owner} declares an exception for "${a.rule}", but no such finding is raised there${didYouMeanText(a.suggestion)}`,
    fix: () => "remove the exception, or correct its rule code",
  }),
  "exception-not-allowed": entry<{ owner: string; rule: string; allowed: string[] }>({
    explain: "Exceptions are for placement choices the team made knowingly, not for broken data.",
    message: (a) => `${a.owner} declares an exception for "${a.rule}", which admits no exceptions`,
    fix: (a) => `fix the entry instead; exceptions are allowed for: ${list(a.allowed)}`,
  }),
  "docs-missing": entry<{ file: string }>({
    explain: "The allocation document `lint --docs` compares with the registry does not exist yet.",
    message: (a) => `${a.file} does not exist`,
    fix: (a) => `run \`sparkport docs --write ${a.file}\` to create it`,
  }),
  "docs-out-of-date": entry<{ file: string; line: number; block: string; writtenIn?: Language }>({
    explain: "The blocks sparkport fills in an allocation document must match the registry.",
    message: (a) => `${a.file} differs from the registry from line ${a.line} on, in ${blockName(a.block)}`,
    fix: (a) =>
      a.writtenIn === undefined
        ? `run \`sparkport docs --write ${a.file}\``
        : `its blocks are the registry in another language: lint with \`--lang ${a.writtenIn}\`, or run \`sparkport docs --write ${a.file}\` to write them in this one`,
  }),
  "docs-no-markers": entry<{ file: string; names: string[] }>({
    explain: "sparkport writes only between its markers in a Markdown file, and this one has none.",
    message: (a) => `${a.file} has no sparkport markers; nothing in it was written or compared`,
    fix: (a) =>
      `put \`<!-- sparkport:begin tables -->\` and \`<!-- sparkport:end -->\` on lines of their own where the tables belong, or a pair for each table, named one of ${list(a.names.filter((n) => n !== "tables"))}; for a file sparkport writes whole, remove it and run \`sparkport docs --write ${a.file}\``,
  }),
  "docs-bad-marker": entry<{ problem: BadMarker }>({
    explain: "The sparkport markers of a Markdown file must pair up, one block after another, with names sparkport knows.",
    message: ({ problem: p }) =>
      p.kind === "malformed"
        ? "this sparkport marker cannot be read"
        : p.kind === "unknown"
          ? `unknown block "${p.name}"${p.suggestion === undefined ? "" : `; did you mean "${p.suggestion}"?`}`
          : p.kind === "nested"
            ? `a block begins inside ${blockName(p.open)} (begun at line ${p.line}); blocks do not nest`
            : p.kind === "unopened"
              ? "`sparkport:end` without a `sparkport:begin` before it"
              : p.kind === "unclosed"
                ? `${blockName(p.name)} has no \`<!-- sparkport:end -->\` after it`
                : `\`sparkport:end ${p.name}\` ends ${blockName(p.open)} (begun at line ${p.line})`,
    fix: ({ problem: p }) =>
      p.kind === "unknown"
        ? `name one of ${list(p.known)}, or none for the whole document`
        : "write `<!-- sparkport:begin NAME -->` and `<!-- sparkport:end -->` alone on their lines, one pair around each block",
  }),
  "docs-not-utf8": entry<{ byte: string }>({
    explain: "A document sparkport fills must be UTF-8 text, so every byte around its blocks can be kept as it is.",
    message: (a) => `invalid UTF-8 (byte 0x${a.byte}); expected UTF-8 text`,
    fix: () => "re-save the file as UTF-8",
  }),

  // The change protocol (lint --base REF, sparkport diff REF).
  "locked-port-changed": entry<{ owner: string; from: number; to: number | null; ref: string }>({
    explain: "A locked (shared infrastructure) port never moves: every team depends on it.",
    message: (a) => `${a.owner} is locked, but its port changed since ${a.ref}: ${a.from} → ${a.to ?? "removed"}`,
    fix: () => "restore the port; a move of shared infrastructure needs an issue a week ahead and every team's agreement",
  }),
  "port-moved": entry<{ owner: string; from: number; to: number | null; ref: string; stale: number; teams: string[] }>({
    explain: "A port moved: every file still using the old port, and the teams to notify.",
    message: (a) =>
      `${a.owner} moved since ${a.ref}: ${a.from} → ${a.to ?? "removed"}; ${plural(a.stale, "reference still uses", "references still use")} ${a.from}${a.teams.length === 0 ? "" : `; notify ${a.teams.length === 1 ? "team" : "teams"} ${list(a.teams)}`}`,
    fix: (a) => `update the references below, and announce it (\`sparkport diff ${a.ref}\` writes the announcement)`,
  }),

  // The scan of the project's files (lint, on by default).
  "scan-unregistered-port": entry<{ port: number; node: string; text: string; named?: Whereabouts; registered?: string; write?: LineToWrite }>({
    explain: "A file uses a port that no service holds and no reservation keeps (register before use).",
    message: (a) => `${a.text} uses ${a.port}, which no service on ${a.node} holds${a.named === undefined ? "" : `; ${a.named.label} runs on ${a.named.node} at ${a.named.port}`}`,
    fix: (a) =>
      a.registered === undefined
        ? `register it first (\`sparkport allocate NAME --port ${a.port} ...\`), or use the registered port`
        : a.write === undefined
          ? `use ${a.registered}, its registered port`
          : `${lineFix(a.write)}: ${a.registered} is its registered port`,
  }),
  "scan-wrong-service": entry<{ text: string; port: number; owner: string; expected: string; environment: string; write?: LineToWrite }>({
    explain: "A file uses a port registered to another service or environment than the one it means.",
    message: (a) => `${a.text} (${a.environment} context) uses ${a.port}, which is ${a.owner}`,
    fix: (a) => (a.write === undefined ? `use ${a.expected}` : `${lineFix(a.write)}: ${a.expected}`),
  }),
  "scan-host-mismatch": entry<{ text: string; port: number; host: string; hostNode: string; owner: string; ownerNode: string; address: string; write?: LineToWrite }>({
    explain: "A service's port is used at another node's address.",
    message: (a) => `${a.text} points at ${a.host}:${a.port} (${a.hostNode}), but ${a.owner} runs on ${a.ownerNode}`,
    fix: (a) => (a.write === undefined ? `use ${a.address}:${a.port}` : lineFix(a.write)),
  }),
  "scan-access-violation": entry<{ text: string; owner: string; access: string; fileNode?: string }>({
    explain: "A file of one node, or code that runs in a browser, references a service whose access scope excludes it.",
    message: (a) => `${a.text} ${a.fileNode === undefined ? "runs in a browser and" : `on ${a.fileNode}`} references ${a.owner}, whose access is ${a.access}`,
    fix: () => "go through a service that may reach it (the backend), or change the declared access after agreeing on it",
  }),
  "scan-compose-loopback": entry<{ service: string; port: number; owner: string; entry: string; replacement: string }>({
    explain: "A compose file publishes on 127.0.0.1 a service whose access is all nodes.",
    message: (a) => `compose service ${a.service} publishes ${a.port} on loopback only ("${a.entry}"), but ${a.owner} is for all nodes`,
    fix: (a) => `write "${a.replacement}" instead, then \`docker compose up -d\``,
  }),
  "scan-files-disagree": entry<{ text: string; port: number; service: string; others: { first: string; more: number; port: number }; write?: LineToWrite }>({
    explain: "Two files disagree about the same service's port (the guide's problem 4).",
    message: (a) =>
      `${a.text} uses ${a.port} for ${a.service}, while ${a.others.first}${a.others.more === 0 ? " uses" : ` and ${a.others.more} more use`} ${a.others.port}`,
    fix: (a) => `${a.write === undefined ? "make them agree on the registered port" : lineFix(a.write)}, then restart the client`,
  }),
  "scan-moved-port": entry<{ text: string; port: number; owner: string; now: { port: number; node?: string }; ref: string; write?: LineToWrite }>({
    explain: "With lint --base REF: a file still uses the port a service left since REF.",
    message: (a) => `${a.text} uses ${a.port}, ${a.owner}'s old port, now ${nowText(a.now)} (moved since ${a.ref})`,
    fix: (a) => (a.write === undefined ? `use ${nowText(a.now)}; \`sparkport lint --base ${a.ref} --fix\` shows the edit` : lineFix(a.write)),
  }),
  "scan-loopback-bind": entry<{ text: string; host: string; port: number; owner: string; command?: string; advice?: string }>({
    explain: "A script, Procfile or shell command starts a service for all nodes on a loopback address only, so other nodes are refused.",
    message: (a) => `${a.text} listens on ${a.host}:${a.port} only, but ${a.owner} is for all nodes: other nodes are refused`,
    fix: (a) => (a.command === undefined ? (a.advice ?? "make it listen on 0.0.0.0") : `write \`${a.command}\` instead, then restart it`),
  }),
  "scan-unknown-address": entry<{ text: string; host: string; nearest?: { node: string; address: string }; write?: LineToWrite }>({
    explain: "A file points at a tailnet (100.64.0.0/10) or private-range address that is no node's: a typo or a machine the registry does not know.",
    message: (a) =>
      `${a.text}: ${a.host} is no node${a.nearest === undefined ? "" : `; did you mean ${a.nearest.node} (${a.nearest.address})?`}`,
    fix: (a) =>
      a.nearest === undefined
        ? "point it at a node's address, or add the machine to nodes in ports.yaml"
        : a.write === undefined
          ? `use ${a.nearest.address}, ${a.nearest.node}'s address, if that is the machine meant`
          : `${lineFix(a.write)}, if ${a.nearest.node} is the machine meant`,
  }),
  "scan-reserved-port": entry<{ text: string; port: number; node: string; owner: string }>({
    explain: "A file uses a port that a reservation holds on its node: reserved, not allocated yet.",
    message: (a) => `${a.text} uses ${a.port} on ${a.node}, reserved for ${a.owner}, not allocated yet`,
    fix: () => "allocate it when the service exists (`sparkport allocate`), or use a registered port",
  }),
  "scan-origin-not-served": entry<{ text: string; port: number; node?: string }>({
    explain: "A CORS origin names where a page is served; no browser-facing service is registered there.",
    message: (a) => `${a.text} is a CORS origin, but no browser-facing service is served at ${a.port} ${a.node === undefined ? "on any node" : `on ${a.node}`}`,
    fix: () => "use the origin where the frontend is served, or register the frontend that serves it",
  }),
  "scan-file-problem": entry<{ reason: string }>({
    explain: "A file could not be scanned; the rest of the scan went on.",
    message: (a) => `not scanned: ${a.reason}`,
  }),

  // Verdicts of `check` and `next` on one port.
  "port-allocated": entry<{ port: number; owner: string; team: string; node: string; allocating?: boolean; moving?: boolean }>({
    explain: "The port is allocated in the registry to a service.",
    message: (a) => `${a.port} is allocated to ${a.owner} of team ${a.team} on ${a.node}`,
    fix: (a) =>
      a.moving === true
        ? "move to another port: `sparkport next --team TEAM` lists the team's free ones"
        : a.allocating === true
          ? "leave out --port to take the next free port in the team's ranges, or choose another (`sparkport next --team TEAM` lists them)"
          : "take another port (see the next free port below), or pass --service NAME if you are starting that service",
  }),
  "port-allocated-elsewhere": entry<{ port: number; owner: string; node: string }>({
    explain: "The port is allocated to a service on another node; two nodes may share a port number, but people may mix them up.",
    message: (a) => `${a.port} is also allocated to ${a.owner} on ${a.node}`,
  }),
  "port-reserved": entry<{ port: number; reservation: string; priority: string }>({
    explain: "The port is held for a planned service.",
    message: (a) => `${a.port} is reserved for ${a.reservation} (${a.priority} priority)`,
    fix: () => "take another port, or pass --service NAME if you are starting that service",
  }),
  "allocate-reserved": entry<{ port: number; reservation: string; name: string; priority: string; service: string; moving?: boolean }>({
    explain: "The port is reserved for a planned service; allocate takes it only by turning that reservation into the service.",
    message: (a) => `${a.port} is reserved for ${a.reservation} (${a.priority} priority)`,
    fix: (a) =>
      a.moving === true
        ? `move to another port (\`sparkport next --team TEAM\` lists the team's free ones), or release the reservation first (\`sparkport release ${a.name}\`) if it is no longer wanted`
        : `if ${a.service} is what the reservation was for, add --from-reservation ${a.name} (the reservation becomes ${a.service} in the same edit); otherwise leave --port out to take the next free port`,
  }),
  "port-outside-team-range": entry<{ port: number; team: string; ranges: string[] }>({
    explain: "The port is outside the caller's team ranges.",
    message: (a) => `${a.port} is outside team ${a.team}'s ranges (${list(a.ranges)})`,
    fix: () => "take a port inside the team's ranges",
  }),
  "port-in-no-range": entry<{ port: number }>({
    explain: "The port lies in no team's range.",
    message: (a) => `${a.port} lies in no team's range`,
    fix: () => "pass --team to check against your team's ranges",
  }),
  "port-held-locally": entry<{ port: number; holder: string; addresses: string[]; service?: string }>({
    explain: "A process on this machine listens on the port.",
    message: (a) => `${a.port} is held on this machine by ${a.holder} on ${list(a.addresses)}`,
    // The port a service is registered on does not move because something else sits on it.
    fix: (a) =>
      a.service === undefined
        ? "stop that process, or take another port"
        : `stop that process, then start ${a.service} on ${a.port}, its registered port (\`sparkport doctor ${a.port}\` gives the commands)`,
  }),
  "port-held-unknown": entry<{ port: number; addresses: string[] }>({
    explain: "The port cannot be bound, but its owner is not visible (another user's process).",
    message: (a) => `${a.port} is in use on ${list(a.addresses)} by a process sparkport cannot see`,
    fix: () => "run again with sudo (or as Administrator) to see the owner",
  }),
  "port-excluded": entry<{ port: number; from: number; to: number }>({
    explain: "Windows reserves the port (excludedportrange): binding fails with EACCES although nothing listens.",
    message: (a) => `${a.port} lies in the excluded range ${a.from}-${a.to}; binding it fails with EACCES`,
    fix: () => "take a port outside the excluded ranges (`netsh interface ipv4 show excludedportrange protocol=tcp`)",
  }),
  "port-bind-denied": entry<{ port: number; addresses: string[] }>({
    explain: "Binding the port is not permitted (privileged port or an OS reservation).",
    message: (a) => `binding ${a.port} on ${list(a.addresses)} is not permitted`,
    fix: (a) => (a.port < 1024 ? "ports below 1024 need root; use a port of 1024 or above" : "the OS reserves this port; take another one"),
  }),
  "port-open-on-node": entry<{ port: number; node: string; host: string }>({
    explain: "Something accepts connections on the port on the node that owns it.",
    message: (a) => `${a.port} is open on ${a.node} (${a.host}): something already listens there`,
    fix: () => "take another port, or find the holder on that node with `sparkport check` there",
  }),
  "port-filtered-on-node": entry<{ port: number; node: string; host: string; timeoutMs: number }>({
    explain: "No answer within the timeout: a firewall drops the probe, so the port's state on the node is unknown.",
    message: (a) => `${a.port} on ${a.node} (${a.host}) did not answer within ${a.timeoutMs} ms (filtered)`,
    fix: () => "check the node's firewall, or run `sparkport check` on that node",
  }),
  "port-rejected-on-node": entry<{ port: number; node: string; host: string; detail: string }>({
    explain: "A firewall refused the probe (an ICMP REJECT) while the node answers on other ports: the port's state is unknown.",
    message: (a) => `${a.port} on ${a.node} (${a.host}) was refused by a firewall (${a.detail}; the node answers on other ports)`,
    fix: () => "check the node's firewall rules for this port, or run `sparkport check` on that node",
  }),
  "port-udp-silent-on-node": entry<{ port: number; node: string; host: string; timeoutMs: number }>({
    explain: "No ICMP refusal for a UDP probe within the timeout (open|filtered): something may hold the port, or a firewall drops it.",
    message: (a) => `${a.port}/udp on ${a.node} (${a.host}) sent no refusal within ${a.timeoutMs} ms (open|filtered): it may be in use`,
    fix: () => "run `sparkport check --protocol udp` on that node, where the socket table can tell",
  }),
  "port-unverified-on-node": entry<{ port: number; node: string; state: string }>({
    explain: "A port on a node that could not be asked (no answer, no route): never offered as free.",
    message: (a) => `${a.port} is free in the registry, but ${a.node} could not be asked about it (${a.state}): unverified`,
    fix: () => "run the command on that node, or with --no-remote to accept a port the registry alone vouches for",
  }),
  "service-localhost-only": entry<{ owner: string; node: string; port: number; addresses: string[] }>({
    explain: "A service for all nodes listens on loopback only on its own node, so other nodes are refused.",
    message: (a) => `${a.owner} on ${a.node} listens on ${list(a.addresses)} only: other nodes cannot reach ${a.port}`,
    fix: (a) => `make it listen on all interfaces; \`sparkport doctor ${a.port}\` on ${a.node} prints the command for its program`,
  }),
  "node-unreachable": entry<{ node: string; host: string; detail: string }>({
    explain: "The node's address cannot be reached from here.",
    message: (a) => `${a.node} (${a.host}) is unreachable from here (${a.detail})`,
    fix: () => "check `tailscale status` and that the node is up",
  }),
  "node-name-error": entry<{ node: string; host: string }>({
    explain: "The node's host name does not resolve.",
    message: (a) => `${a.node}'s address ${a.host} does not resolve`,
    fix: () => "use the node's Tailscale IP address in ports.yaml, or check MagicDNS",
  }),
  "tailscale-down": entry<{ state: string }>({
    explain: "Tailscale is installed but not running here, so 100.x addresses cannot be reached.",
    message: (a) => `Tailscale is ${a.state} on this machine; 100.x addresses are unreachable`,
    fix: () => "run `tailscale up`",
  }),
  "tailscale-userspace": entry<Record<string, never>>({
    explain: "Tailscale runs in userspace-networking mode (TUN off): ordinary programs cannot reach 100.x addresses.",
    message: () => "Tailscale runs with userspace networking (TUN: false); 100.x addresses are not reachable from ordinary programs",
    fix: () => "run tailscaled with a TUN device, or use its SOCKS5/HTTP proxy",
  }),
  "tailscale-error": entry<{ detail: string }>({
    explain: "The tailscale CLI exists but did not report its status.",
    message: (a) => `tailscale status failed (${a.detail}); using the addresses declared in the registry`,
    fix: () => "check that tailscaled runs (`tailscale status`)",
  }),
  "probes-skipped": entry<{ count: number; deadlineMs: number }>({
    explain: "Some probes could not start before the run's deadline (one --timeout per round of --concurrency probes).",
    message: (a) => `${plural(a.count, "service")} not probed: the run's ${a.deadlineMs} ms deadline was reached`,
    fix: () => "raise --timeout or --concurrency",
  }),
  "tailscale-missing": entry<Record<string, never>>({
    explain: "No tailscale CLI here: node addresses are used as declared. Said once a day on a machine (every time with --verbose).",
    message: () => "the tailscale CLI is not installed here; using the addresses declared in the registry",
  }),
  "tailscale-peer-offline": entry<{ node: string; host: string }>({
    explain: "Tailscale reports the node offline.",
    message: (a) => `Tailscale reports ${a.node} (${a.host}) offline`,
    fix: () => "wake the node or start Tailscale on it",
  }),
  "remote-skipped": entry<{ node: string }>({
    explain: "Remote probes are off (--no-remote or SPARKPORT_OFFLINE=1).",
    message: (a) => `remote probe of ${a.node} skipped (offline mode)`,
  }),

  // Changes to the registry: allocate, release, set-status, move.
  "allocate-name-taken": entry<{ name: string }>({
    explain: "A new service needs a name no other service has.",
    message: (a) => `a service named "${a.name}" already exists`,
    fix: () => "choose another name, or change that service instead",
  }),
  "allocate-locked": entry<{ port: number; owner: string; team: string; node: string }>({
    explain: "A locked port belongs to shared infrastructure and never moves.",
    message: (a) => `${a.port} is the locked port of ${a.owner} (team ${a.team}) on ${a.node}`,
    fix: () => "take another port; shared infrastructure ports never change",
  }),
  "release-locked": entry<{ service: string }>({
    explain: "A locked service is only released with --force.",
    message: (a) => `${a.service} is locked shared infrastructure`,
    fix: () => "pass --force if the team agreed to remove it (announce it first)",
  }),
  "move-locked": entry<{ service: string; port: number }>({
    explain: "A locked service's port never moves, unless every team agreed and `move` is given --force.",
    message: (a) => `${a.service} is locked shared infrastructure: its port ${a.port} must not change, since every team depends on it`,
    fix: () => "pass --force if every team agreed to the move (the guide asks for an issue a week ahead)",
  }),

  // `status`: declared against observed.
  "declared-running-but-down": entry<{ owner: string; node: string; observed: string; start?: string; service?: string }>({
    explain: "A service declared running does not accept connections.",
    message: (a) => `${a.owner} on ${a.node} is declared running but is ${a.observed}`,
    fix: (a) =>
      `${a.start === undefined ? "start it on that node" : `start it on that node: \`${a.start}\``}, or, if it is stopped on purpose, record that: \`sparkport set-status ${a.service ?? "NAME"} stopped\``,
  }),
  "declared-stopped-but-open": entry<{ owner: string; node: string; status: string }>({
    explain: "Something answers on the port of a service declared stopped, reserved or planned.",
    message: (a) => `${a.owner} on ${a.node} is declared ${a.status}, but its port is open`,
    fix: () => "find what holds the port (`sparkport check` on that node), or update the declared status",
  }),

  // `status --source prometheus`: what Prometheus's samples cannot say.
  "prometheus-samples-missing": entry<{ count: number; url: string }>({
    explain: "Prometheus holds no probe_success sample for some services: they are unknown, not down.",
    message: (a) => `${plural(a.count, "service")} with no sample in Prometheus at ${a.url}: unknown`,
    fix: () => "give Prometheus the targets of `sparkport export prometheus --write FILE` (file_sd_configs) and let it scrape once",
  }),
  "prometheus-samples-stale": entry<{ count: number }>({
    explain: "A sample older than three scrape intervals of its job says nothing about now: its service is unknown.",
    message: (a) => `${plural(a.count, "service")} with a sample older than three scrape intervals: unknown`,
    fix: () => "check that Prometheus still scrapes the blackbox exporter (its /targets page)",
  }),
  "prometheus-interval-unknown": entry<{ jobs: string[]; detail?: string }>({
    explain: "Prometheus did not say a job's scrape interval, so its samples cannot be judged stale: they are taken while Prometheus keeps them (5 minutes).",
    message: (a) =>
      `the scrape interval of ${a.jobs.length === 0 || (a.jobs.length === 1 && a.jobs[0] === "") ? "the probe job" : `job ${list(a.jobs)}`} is not known${a.detail === undefined ? "" : ` (${a.detail})`}: samples are not judged stale`,
    fix: () => "let sparkport read /api/v1/targets of that Prometheus",
  }),

  // `doctor`: diagnoses, each with evidence and commands to copy.
  "doctor-port-in-use": entry<{ port: number; holder: string; addresses: string[]; service?: string; locked?: boolean }>({
    explain: "Address already in use: another process holds the port on this machine.",
    message: (a) => `${a.port} is in use on this machine by ${a.holder} on ${list(a.addresses)}${a.service === undefined ? "" : `; the registry gives ${a.port} to ${a.service}`}`,
    fix: (a) =>
      a.locked === true
        ? `${a.port} is locked to ${a.service ?? "its service"} and never moves: stop the holder (commands below), then start ${a.service ?? "it"}`
        : "stop the holder (commands below), or start your service on its registered port or the next free one",
  }),
  "doctor-service-running": entry<{ port: number; holder: string; service: string; target: string; locked: boolean; instead?: number }>({
    explain: "The port is held by the service the registry gives it to: that service is already running here.",
    message: (a) => `${a.port} is held by ${a.holder}, which is ${a.service} itself: it is already running here`,
    fix: (a) =>
      [
        `if you were starting ${a.service}, it is already up: use it as it is`,
        a.locked
          ? `${a.service} is locked shared infrastructure: do not stop it, every service that connects to it would fail`
          : `to restart it, stop it first and check that nothing else relies on it (\`sparkport status\`)`,
        a.instead === undefined ? `another service needs a port of its own, never ${a.port}` : `another service needs a port of its own: ${a.instead} is free`,
      ].join("; "),
  }),
  "doctor-docker-holder": entry<{ port: number; container: string; published: string }>({
    explain: "The port is held by a Docker container's published port.",
    message: (a) => `${a.port} is published by the Docker container ${a.container} (${a.published})`,
    fix: (a) => `stop it with \`docker stop ${a.container}\`, or change its published port`,
  }),
  "doctor-localhost-only": entry<{ owner: string; port: number; addresses: string[]; program: string }>({
    explain: "The service listens on 127.0.0.1 or ::1 only, so other nodes are refused.",
    message: (a) => `${a.owner} listens on ${list(a.addresses)} only${a.program === "unknown" ? "" : ` (${a.program})`}, so connections from other nodes to ${a.port} are refused`,
    fix: () => "make it listen on all interfaces (command below), then restart it",
  }),
  "doctor-family-mismatch": entry<{ host: string; port: number; listening: string; refused: string }>({
    explain: "A name resolves to one address family while the server listens on the other.",
    message: (a) => `${a.host}:${a.port} answers on ${a.listening} but refuses on ${a.refused}: the server listens on one family only`,
    fix: (a) => `connect to ${a.listening} explicitly, or make the server listen on both families (:: without IPV6_V6ONLY, or 0.0.0.0 and ::)`,
  }),
  "doctor-nothing-listening": entry<{ owner: string; port: number; node: string; status?: string; start?: string }>({
    explain: "Nothing listens on the port on its node.",
    message: (a) =>
      `nothing listens on ${a.port} on ${a.node}; ${a.status === undefined ? "the port is not in the registry" : `${a.owner} is declared ${a.status}`}`,
    fix: (a) => (a.start === undefined ? `start the service that should listen on ${a.port}` : `start it on ${a.node}: ${a.start}`),
  }),
  "doctor-refused-remote": entry<{ owner: string; service: string; host: string; port: number; node: string }>({
    explain: "The node refuses the port: nothing listens there, or it listens on localhost only.",
    message: (a) => `${a.host}:${a.port} refuses connections from here: nothing listens there on ${a.node}, or it listens on localhost only`,
    fix: (a) => `run \`sparkport doctor ${a.service}\` on ${a.node} to tell which`,
  }),
  "doctor-localhost-only-remote": entry<{ owner: string; node: string; port: number; holder: string }>({
    explain: "The node's `sparkport serve` reports the refused service bound to loopback only: other nodes cannot reach it.",
    message: (a) => `${a.owner} listens on 127.0.0.1 only on ${a.node}${a.holder === "" ? "" : ` (${a.holder})`}, so connections from other nodes to ${a.port} are refused`,
    fix: (a) => `make it listen on 0.0.0.0 or ${a.node}'s address, then restart it; \`sparkport doctor ${a.port}\` on ${a.node} prints the command for its program`,
  }),
  "doctor-filtered": entry<{ owner: string; host: string; port: number; node: string; timeoutMs: number }>({
    explain: "No answer within the timeout: a firewall or a Tailscale ACL drops the packets.",
    message: (a) => `${a.host}:${a.port} (${a.owner} on ${a.node}) does not answer within ${a.timeoutMs} ms: a firewall or a Tailscale ACL drops it`,
    fix: () => "check the node's firewall and the tailnet ACL (commands below)",
  }),
  "doctor-firewall-refused": entry<{ owner: string; host: string; port: number; node: string; detail: string }>({
    explain: "A firewall refused the connection (an ICMP REJECT) while the node answers on other ports.",
    message: (a) => `${a.host}:${a.port} (${a.owner} on ${a.node}): a firewall refused the connection (${a.detail}); the node itself answers`,
    fix: () => "allow the port in the node's firewall (commands below)",
  }),
  "doctor-unreachable": entry<{ host: string; node: string; detail: string }>({
    explain: "The node's address cannot be reached from here.",
    message: (a) => `${a.node} (${a.host}) cannot be reached from here (${a.detail})`,
    fix: () => "check that Tailscale is up on both sides and the node is online",
  }),
  "doctor-docker-loopback": entry<{ container: string; port: number; hostIp: string; replacement: string }>({
    explain: "A container publishes its port on loopback only, so other nodes cannot reach it.",
    message: (a) => `the Docker container ${a.container} publishes ${a.port} on ${a.hostIp} only`,
    fix: (a) => `publish it as "${a.replacement}" (compose \`ports:\`, or \`-p ${a.replacement}\`), then recreate the container`,
  }),
  "doctor-compose-loopback": entry<{ service: string; port: number; hostIp: string; entry: string; replacement: string }>({
    explain: "A compose file publishes a port on loopback only.",
    message: (a) => `compose service ${a.service} publishes ${a.port} on ${a.hostIp} only ("${a.entry}")`,
    fix: (a) => `write "${a.replacement}" instead, then \`docker compose up -d\``,
  }),
  "doctor-env-mismatch": entry<{ key: string; value: string; owner: string; expected: string; write: LineToWrite }>({
    explain: "A client-side env value points elsewhere than the registry's service.",
    message: (a) => `${a.key}=${a.value} does not point at ${a.owner} (${a.expected})`,
    fix: (a) => `${lineFix(a.write)}, then restart the client`,
  }),
  "doctor-tailscale-ping": entry<{ node: string; result: string }>({
    explain: "What `tailscale ping` says about the node.",
    message: (a) => `tailscale ping ${a.node}: ${a.result}`,
  }),
  "doctor-check-skipped": entry<{ check: string; reason: string }>({
    explain: "A doctor check could not run here.",
    message: (a) => `${a.check} check skipped: ${a.reason}`,
  }),
  "doctor-healthy": entry<{ owner: string; host: string; port: number }>({
    explain: "Everything doctor checked is fine.",
    message: (a) => `no problem found for ${a.owner} at ${a.host}:${a.port}`,
  }),

  // Problems that stop the registry from loading (exit code 2).
  "registry-not-found": entry<{ cwd: string }>({
    explain: "No registry file was given or found.",
    message: (a) => `no ports.yaml in ${a.cwd} or any folder above it`,
    fix: () => "create one with `sparkport init`, or name one with --registry FILE or SPARKPORT_REGISTRY",
  }),
  "registry-unreadable": entry<{ reason: keyof typeof READ_REASONS | { other: string }; similar?: string }>({
    explain: "The registry file could not be read.",
    message: (a) => `cannot read the file: ${typeof a.reason === "string" ? READ_REASONS[a.reason] : a.reason.other}`,
    fix: (a) => (a.similar === undefined ? "check the path, or name the file with --registry FILE" : `did you mean ${a.similar}? Name it with --registry ${a.similar}`),
  }),
  "registry-not-a-file": entry<{ kind: "directory" | "other" }>({
    explain: "The registry path names a directory or something else that is not a file.",
    message: (a) => (a.kind === "directory" ? "this is a directory, not a file" : "this is not a regular file (a pipe, socket or device); nothing was read"),
    fix: () => "point --registry at the ports.yaml file itself",
  }),
  "registry-not-utf8": entry<{ byte: string }>({
    explain: "The registry must be UTF-8 text.",
    message: (a) => `invalid UTF-8 (byte 0x${a.byte}); expected UTF-8 text`,
    fix: () => "re-save the file as UTF-8",
  }),
  "registry-empty": entry<Record<string, never>>({
    explain: "The registry file holds no YAML document.",
    message: () => "the file is empty; expected a mapping with version, nodes, teams, environments and services",
    fix: () => "run `sparkport init` for a starter file",
  }),
  "yaml-syntax": entry<{ detail: string }>({
    explain: "The registry is not well-formed YAML.",
    message: (a) => `YAML syntax error: ${a.detail}`,
  }),
  "yaml-duplicate-key": entry<{ key: string }>({
    explain: "A YAML mapping repeats a key, so one value would silently win.",
    message: (a) => `duplicate key "${a.key}"; expected each key once per mapping`,
    fix: () => "remove or rename one of the two",
  }),
  "yaml-alias-limit": entry<{ limit: number }>({
    explain: "The YAML expands aliases beyond a safe limit (an alias bomb).",
    message: (a) => `too many alias expansions (over ${a.limit}); expected a registry without alias bombs`,
    fix: () => "write the values out instead of nesting aliases",
  }),
  "schema-invalid": entry<{ expected: string; received?: string; suggestion?: string }>({
    explain: "A value does not have the type or form the registry schema expects.",
    message: (a) => `expected ${a.expected}${a.received === undefined ? "" : `, received ${a.received}`}${didYouMeanText(a.suggestion)}`,
  }),
  "schema-unknown-key": entry<{ key: string; allowed: string[]; suggestion?: string }>({
    explain: "A key the registry schema does not know (a typo, or a field from a newer version).",
    message: (a) => `unknown key "${a.key}"${didYouMeanText(a.suggestion)}`,
    fix: (a) => `expected one of: ${list(a.allowed)}`,
  }),
} as const;

export type Code = keyof typeof messages;
export type MessageArgs<C extends Code> = (typeof messages)[C] extends MessageEntry<infer A> ? A : never;

export function isCode(value: string): value is Code {
  return Object.hasOwn(messages, value);
}
