import { findProgram } from "./find-program.js";

export interface CommandResult {
  /** Exit status; null when killed by a signal or the timeout. */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program with an argument array, never through a shell. */
export interface CommandRunner {
  /** Rejects with an error whose code is "ENOENT" when the program does not exist. */
  run(file: string, args: readonly string[], options?: { timeoutMs?: number }): Promise<CommandResult>;
}

export const nodeCommandRunner: CommandRunner = {
  async run(file, args, options) {
    // A missing program is ENOENT without a fork (or loading node:child_process); a found one still
    // runs by its name, as execFile would.
    if (findProgram(file) === undefined) throw Object.assign(new Error(`spawn ${file} ENOENT`), { code: "ENOENT", path: file, spawnargs: [...args] });
    const { execFile } = await import("node:child_process");
    return new Promise((resolve, reject) => {
      execFile(
        file,
        [...args],
        { timeout: options?.timeoutMs ?? 5_000, maxBuffer: 64 * 1024 * 1024, windowsHide: true, killSignal: "SIGKILL", encoding: "utf8", shell: false },
        (error, stdout, stderr) => {
          if (error !== null && (error.code === "ENOENT" || error.code === "EACCES")) {
            reject(error);
            return;
          }
          const code = error === null ? 0 : typeof error.code === "number" ? error.code : null;
          resolve({ code, stdout, stderr });
        },
      );
    });
  },
};
