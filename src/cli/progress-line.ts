import type { ProbeProgress } from "../network/probe-progress.js";
import type { Paint } from "../render/paint.js";
import { cutToWidth } from "../render/display-width.js";
import { terminalSafe } from "../render/terminal-safe.js";
import type { WidthOf } from "../render/wrap-lines.js";
import { progressWords } from "../words/progress-words.js";

/** Redrawn this often, so a probe that waits seconds never looks like a hang. */
const TICK_MS = 100;
/** A run answered sooner draws nothing: no flicker on a fast answer. */
const QUIET_MS = 500;
/** A terminal that does not say its width. */
const DEFAULT_COLUMNS = 80;

export interface ProgressState {
  done: number;
  /** Undefined when the run did not say how many probes it makes (check, doctor). */
  total: number | undefined;
  waiting: readonly string[];
  elapsedMs: number;
}

/** `probing 7/12 · 1.3s · waiting on desktop:11434, laptop:3000`, narrower than `width`: names that do not fit are only counted. */
export function progressFrame(state: ProgressState, width: number, widthOf: WidthOf = (text) => text.length): string {
  const w = progressWords();
  const fit = (text: string): string => cutToWidth(text, width - 1, widthOf);
  const head = [...(state.total === undefined ? [] : [w.probing(Math.min(state.done, state.total), state.total)]), `${(state.elapsedMs / 1000).toFixed(1)}s`].join(" · ");
  const names = [...new Set(state.waiting)];
  if (names.length === 0) return fit(head);
  const lead = `${head} · ${w.waitingOn}`;
  let list = "";
  let listed = 0;
  for (const name of names) {
    const longer = listed === 0 ? name : `${list}, ${name}`;
    const rest = names.length - listed - 1;
    if (widthOf(lead + longer + (rest > 0 ? w.more(rest) : "")) >= width) break;
    list = longer;
    listed += 1;
  }
  const more = names.length - listed;
  if (listed === 0) return fit(`${head} · ${w.waiting(names.length)}`);
  return fit(`${lead}${list}${more > 0 ? w.more(more) : ""}`);
}

let drawnOn: NodeJS.WriteStream | undefined;

/** Wipes the line, if one is drawn, so other output starts at the start of the line; the next tick draws it again. */
export function clearProgressLine(): void {
  drawnOn?.write("\r\u001b[K");
  drawnOn = undefined;
}

/** The caller decides it is wanted (a terminal, text output); the timer starts with the first wait. */
export function progressLine(stream: NodeJS.WriteStream, paint: Paint, widthOf?: WidthOf): { report: ProbeProgress; stop: () => void } {
  const started = Date.now();
  const waiting: string[] = [];
  let done = 0;
  let total: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  const draw = (): void => {
    const elapsedMs = Date.now() - started;
    if (elapsedMs < QUIET_MS || (waiting.length === 0 && drawnOn === undefined)) return;
    const frame = progressFrame({ done, total, waiting, elapsedMs }, stream.columns > 0 ? stream.columns : DEFAULT_COLUMNS, widthOf);
    // Not writeError: the carriage return and the erase are this line's own, which terminalSafe would show.
    stream.write(`\r${terminalSafe(paint.dim(frame))}\u001b[K`);
    drawnOn = stream;
  };
  return {
    report: {
      expect: (count) => {
        total = count;
        done = 0;
      },
      waitingOn: (what) => {
        waiting.push(what);
        // Unref'd: the line never keeps a finished run alive.
        timer ??= setInterval(draw, TICK_MS).unref();
        let answered = false;
        return () => {
          if (answered) return;
          answered = true;
          waiting.splice(waiting.indexOf(what), 1);
          done += 1;
        };
      },
    },
    stop: () => {
      clearInterval(timer);
      clearProgressLine();
    },
  };
}
