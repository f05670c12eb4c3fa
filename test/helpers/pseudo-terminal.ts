import { spawn } from "node:child_process";

// Python's pty module: the program runs on a real pseudo-terminal from an argument array, where `script -c` and tmux
// would take one shell string.
const PTY = `import fcntl, os, pty, struct, sys, termios
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", 24, int(os.environ["PTY_COLUMNS"]), 0, 0))
    os.execvp(sys.argv[1], sys.argv[1:])
after, keys, seen = os.environ.get("PTY_AFTER", "").encode(), os.environ.get("PTY_KEYS", "").encode(), b""
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    sys.stdout.buffer.write(chunk)
    sys.stdout.buffer.flush()
    if after and keys:
        seen += chunk
        if after in seen:
            os.write(fd, keys)
            keys = b""
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
`;

export interface TerminalRun {
  status: number | null;
  /** stdout and stderr as the terminal showed them, carriage returns and escapes included. */
  output: string;
}

/** Keys typed once the terminal has shown `after`: `"\u0003"` is Ctrl-C, which the terminal turns into SIGINT. */
export interface Typed {
  after: string;
  keys: string;
}

/** `argv` on a pseudo-terminal COLUMNS wide, as a person at a terminal runs it; killed after 30 s so a hang fails. */
export function runInTerminal(argv: readonly string[], env: NodeJS.ProcessEnv, columns = 100, typed?: Typed): Promise<TerminalRun> {
  return new Promise((resolve, reject) => {
    const typing = typed === undefined ? {} : { PTY_AFTER: typed.after, PTY_KEYS: typed.keys };
    const child = spawn("python3", ["-c", PTY, ...argv], { env: { ...env, ...typing, PTY_COLUMNS: String(columns) }, stdio: ["ignore", "pipe", "inherit"] });
    const killer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("close", (status) => {
      clearTimeout(killer);
      resolve({ status, output });
    });
  });
}
