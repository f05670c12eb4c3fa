import { constants } from "node:os";
import { isatty } from "node:tty";
import spawn from "cross-spawn";
import { errorCode } from "./file-system.js";

export interface ChildCommand {
  program: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
}

/** `exited`: its own code, or 128 + the signal that ended it, as a shell reports it. */
export type ChildOutcome =
  | { kind: "exited"; exitCode: number; signal?: NodeJS.Signals }
  | { kind: "not-found"; exitCode: 127 }
  | { kind: "not-executable"; exitCode: 126; detail: string };

/** What a terminal or a supervisor sends sparkport is meant for the program it runs, as npm run passes them on. */
const FORWARDED: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Ctrl-C and a hang-up on a terminal reach the whole foreground process group, the child included: passed on as
 * well, the child would get them twice. isatty(0), not process.stdin, which would take the child's shared stdin.
 */
const fromTerminal = (signal: NodeJS.Signals): boolean => signal !== "SIGTERM" && isatty(0);

/** Runs in the foreground: no shell (cross-spawn finds Windows' .cmd shims), the terminal shared, signals passed on. */
export function runInForeground(command: ChildCommand): Promise<ChildOutcome> {
  return new Promise((resolve) => {
    const child = spawn(command.program, [...command.args], { stdio: "inherit", env: command.env });
    const forward = (signal: NodeJS.Signals): void => {
      // Already gone: nothing to pass it to, and its exit is on its way. Still listened to from a terminal, so
      // sparkport outlives the signal and reports how the child ended.
      if (child.exitCode === null && child.signalCode === null && !fromTerminal(signal)) child.kill(signal);
    };
    for (const signal of FORWARDED) process.on(signal, forward);
    const settle = (outcome: ChildOutcome): void => {
      for (const signal of FORWARDED) process.off(signal, forward);
      resolve(outcome);
    };
    child.once("error", (error) => {
      const code = errorCode(error);
      settle(code === "ENOENT" ? { kind: "not-found", exitCode: 127 } : { kind: "not-executable", exitCode: 126, detail: code ?? error.message });
    });
    child.once("exit", (code, signal) => {
      if (signal !== null) settle({ kind: "exited", exitCode: 128 + (constants.signals[signal] ?? 0), signal });
      else settle({ kind: "exited", exitCode: code ?? 0 });
    });
  });
}
