export interface EnvLine {
  key: string;
  keyOffset: number;
  /** With its quotes, without an inline comment or trailing spaces. */
  raw: string;
  rawOffset: number;
  /** Escapes left as written. */
  value: string;
  valueOffset: number;
}

export interface EnvLineProblem {
  offset: number;
  reason: string;
}

const ASSIGNMENT = /^([ \t]*(?:export[ \t]+)?)([A-Za-z_][\w.-]*)[ \t]*(?:=|:(?=[ \t]))[ \t]*/;
const QUOTES = new Set(["'", '"', "`"]);

/** A backslash escapes only a double quote. */
function closingQuote(text: string, open: number): number {
  const quote = text.charAt(open);
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === "\\" && quote === '"') i++;
    else if (c === quote) return i;
  }
  return -1;
}

// By hand: dotenv's parse returns only key → value, and the scanner needs positions and quoted vs bare. A `#` with no
// space before it is part of the value, as compose reads it.
export function parseEnvLines(text: string): { entries: EnvLine[]; problems: EnvLineProblem[] } {
  const entries: EnvLine[] = [];
  const problems: EnvLineProblem[] = [];
  let pos = text.startsWith("\uFEFF") ? 1 : 0;
  while (pos < text.length) {
    const newline = text.indexOf("\n", pos);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(pos, lineEnd).replace(/\r$/, "");
    const next = lineEnd + 1;
    const trimmed = line.trimStart();
    if (trimmed === "" || trimmed.startsWith("#")) {
      pos = next;
      continue;
    }
    const match = ASSIGNMENT.exec(line);
    if (match === null) {
      problems.push({ offset: pos + line.length - trimmed.length, reason: "not a KEY=VALUE line" });
      pos = next;
      continue;
    }
    const key = match[2] ?? "";
    const keyOffset = pos + (match[1] ?? "").length;
    const start = pos + match[0].length;
    const close = QUOTES.has(text.charAt(start)) && start < pos + line.length ? closingQuote(text, start) : -1;
    if (close >= 0) {
      entries.push({ key, keyOffset, raw: text.slice(start, close + 1), rawOffset: start, value: text.slice(start + 1, close), valueOffset: start + 1 });
      const after = text.indexOf("\n", close);
      pos = after < 0 ? text.length : after + 1;
      continue;
    }
    if (QUOTES.has(text.charAt(start)) && start < pos + line.length) problems.push({ offset: start, reason: `the quote ${text.charAt(start)} is never closed` });
    const rest = line.slice(match[0].length);
    const comment = /[ \t]#/.exec(rest);
    const raw = (comment === null ? rest : rest.slice(0, comment.index)).trimEnd();
    entries.push({ key, keyOffset, raw, rawOffset: start, value: raw, valueOffset: start });
    pos = next;
  }
  return { entries, problems };
}
