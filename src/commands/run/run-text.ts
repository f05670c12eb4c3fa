import type { Paint } from "../../render/paint.js";
import { runWords } from "../../words/run-words.js";
import type { TextOutput } from "../define-command.js";
import { renderCheckText } from "../check/check-text.js";
import type { RunResult } from "./run.js";

/** After a run that started, the program has spoken for itself: sparkport adds nothing. */
export async function renderRunText(result: RunResult, paint: Paint): Promise<TextOutput> {
  const w = runWords();
  const program = result.command[0] ?? "";
  switch (result.outcome) {
    case "started":
      return "";
    case "refused":
      return { out: await renderCheckText(result.check, paint), err: `${paint.red(w.refused(result.service, result.port))}\n` };
    case "not-found":
      return { out: "", err: `sparkport: ${w.notFound(program)}\n` };
    case "not-executable":
      return { out: "", err: `sparkport: ${w.notExecutable(program, result.detail ?? "")}\n` };
  }
}
