import { holderText } from "../../observe/local-verdict.js";
import { serveWords } from "../../words/serve-words.js";
import type { TextOutput } from "../define-command.js";
import type { ServeResult } from "./serve.js";

/** A refusal on stdout, as check says a conflict; a clean stop on stderr, after the line that said where it listened. */
export function renderServeText(result: ServeResult): TextOutput {
  const w = serveWords();
  if (result.outcome === "stopped") return { out: "", err: `${w.stopped(result.signal, result.scrapes)}\n` };
  if (result.outcome === "registered") return `${w.registered(result.listen.port, result.owner, result.ownerNode)}\n`;
  const seen = result.holders.filter((h) => h.pid !== null || h.command !== null);
  return `${seen.length === 0 ? w.heldUnseen(result.listen.port) : w.held(result.listen.port, seen.map(holderText).join(", "))}\n`;
}
