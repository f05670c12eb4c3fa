/** One `KEY=value` of a .env file, with offsets into the file's text. */
export interface EnvLine {
  key: string;
  keyOffset: number;
  /** The value as written: with its quotes, without an inline comment or trailing spaces. */
  raw: string;
  rawOffset: number;
  /** The value without its quotes (escapes left as written). */
  value: string;
  valueOffset: number;
}

export interface EnvLineProblem {
  offset: number;
  reason: string;
}

const ASSIGNMENT = /^([ \t]*(?:export[ \t]+)?)([A-Za-z_][\w.-]*)[ \t]*(?:=|:(?=[ \t]))[ \t]*/;
const QUOTES = new Set(["'", '"', "`"]);

/** Where the quote opened at `open` closes (a backslash escapes a double quote), or -1. */
function closingQuote(text: string, open: number): number {
  const quote = text.charAt(open);
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === "\\" && quote === '"') i++;
    else if (c === quote) return i;
  }
  return -1;
}

/**
 * The assignments of a .env file as dotenv and compose read them: `KEY=value`, `export KEY=value`, `KEY: value`,
 * values in single, double or back quotes (which may span lines), ` # comments` after unquoted values (a `#`
 * with no space before it is part of the value, as compose reads it), CRLF line ends.
 *
 * Written by hand because dotenv's `parse` returns only key → value: the scanner needs the line and column of
 * each value, and to tell a quoted value from a bare one.
 */
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
