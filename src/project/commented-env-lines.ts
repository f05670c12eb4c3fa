import { parseEnvLines, type EnvLine } from "./parse-env-lines.js";

const COMMENTED = /^(\s*#+\s?)(?=(?:export\s+)?[A-Z_][A-Z0-9_]*=)/;
const UPPER_KEY = /^[A-Z_][A-Z0-9_]*$/;

/**
 * The assignments of commented-out lines (`# API_URL=http://localhost:8000`), at their place in the file: the text is
 * read again with every other line blanked and the `#` marks turned to spaces. Only `KEY=value` with an upper-case
 * key counts, so prose in comments stays out.
 */
export function commentedEnvLines(text: string): EnvLine[] {
  const bom = text.startsWith("\uFEFF");
  const lines = (bom ? text.slice(1) : text).split("\n");
  let any = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const mark = COMMENTED.exec(line);
    if (mark === null) {
      // Blank, yet as long as it was, so offsets hold.
      lines[i] = " ".repeat(line.length - (line.endsWith("\r") ? 1 : 0)) + (line.endsWith("\r") ? "\r" : "");
      continue;
    }
    any = true;
    lines[i] = " ".repeat(mark[0].length) + line.slice(mark[0].length);
  }
  if (!any) return [];
  const blanked = (bom ? " " : "") + lines.join("\n");
  return parseEnvLines(blanked).entries.filter((entry) => UPPER_KEY.test(entry.key) && blanked.charAt(entry.keyOffset + entry.key.length) === "=");
}
