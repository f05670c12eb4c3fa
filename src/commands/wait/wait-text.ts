import type { Paint } from "../../render/paint.js";
import { runWords } from "../../words/run-words.js";
import { waitWords } from "../../words/wait-words.js";
import type { TextOutput } from "../define-command.js";
import type { WaitResult } from "./wait.js";

export function renderWaitText(result: WaitResult, paint: Paint): TextOutput {
  const w = waitWords();
  const program = result.command?.[0] ?? "";
  switch (result.outcome) {
    case "started":
      return "";
    case "not-found":
      return { out: "", err: `sparkport: ${runWords().notFound(program)}\n` };
    case "not-executable":
      return { out: "", err: `sparkport: ${runWords().notExecutable(program, result.detail ?? "")}\n` };
    default: {
      const lines = result.targets.map((t) => {
        if (t.ready) return paint.green(result.free ? w.freed(t.label, t.readyAfterMs ?? 0) : w.ready(t.label, t.readyAfterMs ?? 0));
        const last = t.last === null ? null : w.lastLook(t.last);
        return paint.red(result.free ? w.notFreed(t.label, last) : w.notReady(t.label, last));
      });
      const missing = result.targets.filter((t) => !t.ready).length;
      return { out: `${lines.join("\n")}\n`, err: missing === 0 ? "" : `${paint.red(w.timedOut(missing, result.timeoutMs))}\n` };
    }
  }
}
