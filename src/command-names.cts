// The CLI's commands by name, for the launcher (src/bin.cts), which keys a
// code cache per command without loading the CLI that defines them. A test
// holds this list equal to what `sparkport --help` lists.
const COMMAND_NAMES: readonly string[] = ["lint", "check", "next", "status", "doctor", "allocate", "request", "release", "set-status", "diff", "list", "docs", "init", "explain", "help"];

export = COMMAND_NAMES;
