// Every user-facing text of a finding or a registry problem, keyed by its
// stable code. Nothing else in sparkport writes prose about a finding, so a
// Korean table can later replace this one without touching a rule.

export interface MessageEntry<A> {
  /** One line: what the rule checks, shown by `--explain` and `sparkport explain`. */
  readonly explain: string;
  readonly message: (args: A) => string;
  readonly fix?: (args: A) => string;
}

const entry = <A>(e: MessageEntry<A>): MessageEntry<A> => e;

const list = (items: readonly (string | number)[]): string => items.join(", ");

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
    message: (a) => `${a.owner} runs on node "${a.node}", which is not declared${a.suggestion ? `; did you mean "${a.suggestion}"?` : ""}`,
    fix: (a) => `declare it under nodes, or use one of: ${list(a.known)}`,
  }),
  "unknown-team": entry<{ owner: string; team: string; known: string[]; suggestion?: string }>({
    explain: "Every team a service, reservation or section names must be declared under teams.",
    message: (a) => `${a.owner} names team "${a.team}", which is not declared${a.suggestion ? `; did you mean "${a.suggestion}"?` : ""}`,
    fix: (a) => `declare it under teams, or use one of: ${list(a.known)}`,
  }),
  "unknown-environment": entry<{ owner: string; environment: string; known: string[]; suggestion?: string }>({
    explain: "Every environment a service lists must be declared under environments.",
    message: (a) => `${a.owner} lists environment "${a.environment}", which is not declared${a.suggestion ? `; did you mean "${a.suggestion}"?` : ""}`,
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
  "well-known-default": entry<{ owner: string; port: number; tools: string[] }>({
    explain: "A port that another common tool uses by default will clash when that tool starts with its defaults.",
    message: (a) => `${a.owner} uses ${a.port}, the default port of ${list(a.tools)}`,
    fix: () => "prefer another port in the team's range, or make sure those tools are started with another port",
  }),
  "invalid-node-address": entry<{ node: string; address: string; reason: string }>({
    explain: "A node's address must be one other machines can connect to.",
    message: (a) => `node ${a.node} has address ${a.address}, ${a.reason}`,
    fix: () => "use the node's Tailscale address (100.x.y.z) or its host name",
  }),
  "unused-exception": entry<{ owner: string; rule: string; suggestion?: string }>({
    explain: "An exception that suppresses nothing is stale or misspelt.",
    message: (a) =>
      `${a.owner} declares an exception for "${a.rule}", but no such finding is raised there${a.suggestion ? `; did you mean "${a.suggestion}"?` : ""}`,
    fix: () => "remove the exception, or correct its rule code",
  }),
  "docs-out-of-date": entry<{ file: string; line: number }>({
    explain: "The rendered allocation document must match the registry.",
    message: (a) => `${a.file} differs from the registry from line ${a.line} on`,
    fix: (a) => `run \`sparkport docs --write ${a.file}\``,
  }),

  // Problems that stop the registry from loading (exit code 2).
  "registry-not-found": entry<{ cwd: string }>({
    explain: "No registry file was given or found.",
    message: (a) => `no ports.yaml in ${a.cwd} or any folder above it`,
    fix: () => "create one with `sparkport init`, or name one with --registry FILE or SPARKPORT_REGISTRY",
  }),
  "registry-unreadable": entry<{ reason: string }>({
    explain: "The registry file could not be read.",
    message: (a) => `cannot read the file: ${a.reason}`,
    fix: () => "check the path, or name the file with --registry FILE",
  }),
  "registry-not-a-file": entry<Record<string, never>>({
    explain: "The registry path names a directory or something else that is not a file.",
    message: () => "this is a directory, not a file",
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
  "schema-invalid": entry<{ expected: string; received?: string }>({
    explain: "A value does not have the type or form the registry schema expects.",
    message: (a) => `expected ${a.expected}${a.received === undefined ? "" : `, received ${a.received}`}`,
  }),
  "schema-unknown-key": entry<{ key: string; allowed: string[]; suggestion?: string }>({
    explain: "A key the registry schema does not know (a typo, or a field from a newer version).",
    message: (a) => `unknown key "${a.key}"${a.suggestion ? `; did you mean "${a.suggestion}"?` : ""}`,
    fix: (a) => `expected one of: ${list(a.allowed)}`,
  }),
} as const;

export type Code = keyof typeof messages;
export type MessageArgs<C extends Code> = (typeof messages)[C] extends MessageEntry<infer A> ? A : never;

export function isCode(value: string): value is Code {
  return Object.hasOwn(messages, value);
}

export function renderMessage<C extends Code>(code: C, args: MessageArgs<C>): { message: string; fix?: string } {
  const table: MessageEntry<MessageArgs<C>> = messages[code] as MessageEntry<MessageArgs<C>>;
  const fix = table.fix?.(args);
  return fix === undefined ? { message: table.message(args) } : { message: table.message(args), fix };
}
