import type { Answer, TextOutput } from "../commands/define-command.js";
import type { SparkportInputError } from "../findings/errors.js";
import { EXIT_UNFINISHED, EXIT_USAGE } from "../findings/exit-code.js";
import { packageVersion } from "../io/package-root.js";
import { noPaint, type Paint } from "../render/paint.js";
import { ownEscapes, terminalSafe } from "../render/terminal-safe.js";
import type { ReporterName } from "../reporters/names.js";
import { cliWords } from "../words/cli-words.js";
import { clearProgressLine } from "./progress-line.js";

export interface Paints {
  out: Paint;
  err: Paint;
}

/** chalk is loaded only for a stream that gets colour. */
export async function makePaint(stream: NodeJS.WriteStream): Promise<Paint> {
  // NO_COLOR (https://no-color.org): any non-empty value turns colour off.
  if ((process.env.NO_COLOR ?? "") !== "") return noPaint;
  const forced = (process.env.FORCE_COLOR ?? "") !== "";
  if (!forced && stream.isTTY !== true) return noPaint;
  const { Chalk } = await import("chalk");
  // FORCE_COLOR's value (0-3) is chalk's to read.
  return ownEscapes(forced ? new Chalk() : new Chalk({ level: new Chalk().level || 1 }));
}

/** Set once stdout failed: a closed pipe (the reader had enough), or a write error that becomes EXIT_UNFINISHED. */
let stdoutFailed: "closed" | "error" | undefined;

function onStdoutError(error: unknown): void {
  if (stdoutFailed !== undefined) return;
  const code = error instanceof Error && "code" in error ? String(error.code) : "";
  if (code === "EPIPE") {
    // `sparkport list | head`: the reader had what it wanted; the run ends as it would have.
    stdoutFailed = "closed";
    return;
  }
  stdoutFailed = "error";
  // "ENOSPC: no space left on device, write" says "no space left on device".
  const reason = error instanceof Error ? error.message.replace(/^[A-Z]+: /, "").replace(/, write$/, "") : String(error);
  process.stderr.write(`sparkport: ${cliWords().notWritten(reason)}\n`);
  process.exitCode = EXIT_UNFINISHED;
}

/** Stream errors are the shell's to see: never an unhandled 'error' event, never a stack trace. */
export function watchOutput(): void {
  process.stdout.on("error", onStdoutError);
  // stderr closed too: nothing left to say anything on.
  process.stderr.on("error", () => undefined);
}

/** The run's exit code, unless a write error already decided it. */
export function setExitCode(code: number): void {
  if (stdoutFailed !== "error") process.exitCode = code;
}

/** Everything printed goes through these two: escapes from labels, files and processes made visible, only ownEscapes' real. */
export function write(text: string): void {
  clearProgressLine();
  if (stdoutFailed === undefined && !process.stdout.destroyed) process.stdout.write(terminalSafe(text));
}

export function writeError(text: string): void {
  clearProgressLine();
  if (!process.stderr.destroyed) process.stderr.write(terminalSafe(text));
}

/** A message for a person on stderr, fitted to the terminal as the answer is. */
export async function writeErrorText(text: string): Promise<void> {
  const shown = await fitted(text, process.stderr);
  clearProgressLine();
  if (!process.stderr.destroyed) process.stderr.write(shown);
}

async function writeJson(value: unknown): Promise<void> {
  const { prettyJsonChunks } = await import("../render/json-chunks.js");
  let pending = "";
  for (const chunk of prettyJsonChunks(value)) {
    pending += chunk;
    if (pending.length >= 65_536) {
      if (stdoutFailed !== undefined) return;
      write(pending);
      pending = "";
    }
  }
  write(`${pending}\n`);
}

/** On a terminal, text fits its width; on a pipe or in a file, lines stay whole for grep and scripts. */
async function fitted(text: string, stream: NodeJS.WriteStream): Promise<string> {
  const safe = terminalSafe(text);
  const columns = stream.isTTY === true ? stream.columns : 0;
  if (columns === undefined || columns < 20) return safe;
  const [{ widthFor }, { wrapLines }] = await Promise.all([import("../render/display-width.js"), import("../render/wrap-lines.js")]);
  return wrapLines(safe, columns, await widthFor([safe]));
}

async function writeText(text: TextOutput): Promise<void> {
  const { out, err } = typeof text === "string" ? { out: text, err: "" } : text;
  clearProgressLine();
  if (err !== "" && !process.stderr.destroyed) process.stderr.write(await fitted(err, process.stderr));
  if (out !== "" && stdoutFailed === undefined && !process.stdout.destroyed) process.stdout.write(await fitted(out, process.stdout));
}

export async function writeAnswer(command: string, answer: Answer, format: ReporterName, paints: Paints, argv: readonly string[], verbose = false): Promise<void> {
  if (format === "json") return writeJson(await answer.json());
  if (format === "text") return writeText(await answer.text({ paint: paints.out, argv, verbose }));
  const { githubReporter } = await import("../reporters/github.js");
  write(githubReporter({ command, findings: answer.findings() }));
}

/** Rendered by the chosen reporter, so JSON and CI output stay machine-readable. */
export async function writeInputError(error: SparkportInputError, format: ReporterName, command: string, paints: Paints): Promise<void> {
  const { reporters } = await import("../reporters/index.js");
  const report = { command, version: packageVersion(), registry: null, findings: error.problems, excepted: [], exitCode: EXIT_USAGE };
  const text = reporters[format](report, { paint: format === "text" ? paints.err : paints.out, explain: false });
  if (format === "text") await writeErrorText(text);
  else write(text);
}
