import { execFile } from "node:child_process";
import { CLI, REPO_ROOT } from "./run-cli.js";

// Python's pty module gives the CLI a real terminal of a chosen width, with no shell in between: the child
// sets the window size on its own side before it runs the program, so the first read of the width sees it.
const PTY_RUNNER = `
import errno, fcntl, os, pty, struct, sys, termios
columns, argv = int(sys.argv[1]), sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    os.execv(argv[0], argv)
out = b""
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError as error:
        if error.errno != errno.EIO: raise
        break
    if not chunk: break
    out += chunk
sys.stdout.buffer.write(out)
sys.exit(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
`;

export interface PtyRun {
  status: number;
  /** stdout and stderr as the terminal showed them, carriage returns kept. */
  screen: string;
}

/** The built CLI on a pseudo-terminal `columns` wide (NO_COLOR=1, no registry from the environment). */
export function runCliInPty(args: readonly string[], options: { columns: number; cwd?: string; env?: Record<string, string> }): Promise<PtyRun> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, SPARKPORT_REGISTRY: undefined, ...options.env };
  return new Promise((resolve, reject) => {
    execFile("python3", ["-c", PTY_RUNNER, String(options.columns), process.execPath, CLI, ...args], { cwd: options.cwd ?? REPO_ROOT, env, timeout: 15_000 }, (error, stdout) => {
      if (error !== null && typeof error.code !== "number") return reject(error);
      resolve({ status: error === null ? 0 : Number(error.code), screen: stdout });
    });
  });
}
