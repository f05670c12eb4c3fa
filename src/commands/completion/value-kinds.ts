/** What a value on the command line is, for completion: registry names, sparkport's own lists, or files. */
export type ValueKind =
  | "command"
  | "target"
  | "service-or-reservation"
  | "reservation"
  | "team"
  | "node"
  | "environment"
  | "status"
  | "code"
  | "shell"
  | "export-target"
  | "language"
  | "protocol"
  | "access"
  | "priority"
  | "files";

/** An option's value by its long name; an option with a fixed list (--format, `<tcp|udp>`) offers that instead. */
export const OPTION_VALUES: Readonly<Record<string, ValueKind>> = {
  "--registry": "files",
  "--docs": "files",
  "--write": "files",
  "--team": "team",
  "--node": "node",
  "--from": "node",
  "--this-node": "node",
  "--env": "environment",
  "--service": "target",
  "--status": "status",
  "--lang": "language",
  "--protocol": "protocol",
  "--access": "access",
  "--priority": "priority",
  "--from-reservation": "reservation",
};

/**
 * A command's arguments in order, and what every one after them is. A command not named here has none worth
 * offering: check's ports, the new names allocate and request take, diff's git ref. After `run`'s service come the
 * words of the command it starts: files.
 */
export const ARGUMENT_VALUES: Readonly<Record<string, { readonly args: readonly ValueKind[]; readonly rest?: ValueKind }>> = {
  help: { args: ["command"] },
  explain: { args: ["code"] },
  completion: { args: ["shell"] },
  export: { args: ["export-target"] },
  doctor: { args: ["target"] },
  "set-status": { args: ["target", "status"] },
  release: { args: ["service-or-reservation"] },
  init: { args: ["files"] },
  run: { args: ["target"], rest: "files" },
  move: { args: ["target"] },
  wait: { args: [], rest: "target" },
};
