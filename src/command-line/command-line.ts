// Words of a command line: split and quoted back as text, never run. Whatever a command line holds
// (`; rm -rf /`, `$(id)`) comes back as inert, quoted text.

import type { OperatingSystem } from "../registry/schema.js";

/** How a command line is split and quoted: sh/zsh words, or Windows (CommandLineToArgvW in, PowerShell out). */
export type CommandLineStyle = "posix" | "windows";

export const styleOf = (os: OperatingSystem): CommandLineStyle => (os === "windows" ? "windows" : "posix");

/**
 * Splits a command line into words the way the shell would quote them, with no expansion of any kind:
 * `$(id)`, backticks, globs, `;` and `|` are ordinary characters. POSIX: single and double quotes and
 * backslashes. Windows: the CommandLineToArgvW rules (double quotes; backslashes are literal unless they
 * precede a quote). An unterminated quote runs to the end.
 */
export function splitCommandLine(line: string, style: CommandLineStyle = "posix"): string[] {
  return style === "windows" ? splitWindows(line) : splitPosix(line);
}

function splitPosix(line: string): string[] {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === "\\" && i + 1 < line.length && '"\\$`'.includes(line.charAt(i + 1))) word += line.charAt(++i);
      else word += c;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else {
      inWord = true;
      if (c === "'" || c === '"') quote = c;
      else if (c === "\\" && i + 1 < line.length) word += line.charAt(++i);
      else word += c;
    }
  }
  if (inWord) words.push(word);
  return words;
}

function splitWindows(line: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line.charAt(i))) i++;
    if (i >= line.length) break;
    let word = "";
    let inQuotes = false;
    while (i < line.length) {
      const c = line.charAt(i);
      if (c === "\\") {
        let end = i;
        while (line.charAt(end) === "\\") end++;
        const count = end - i;
        if (line.charAt(end) === '"') {
          word += "\\".repeat(Math.floor(count / 2));
          if (count % 2 === 1) {
            word += '"';
            i = end + 1;
          } else {
            i = end;
          }
        } else {
          word += "\\".repeat(count);
          i = end;
        }
      } else if (c === '"') {
        if (inQuotes && line.charAt(i + 1) === '"') {
          word += '"';
          i += 2;
        } else {
          inQuotes = !inQuotes;
          i++;
        }
      } else if (!inQuotes && /\s/.test(c)) {
        break;
      } else {
        word += c;
        i++;
      }
    }
    words.push(word);
  }
  return words;
}

// Words made of these need no quotes. POSIX: not `=` first (zsh expands `=cmd`). PowerShell: no `,` (an array),
// no `@`/`$`/`(`/`{`/`;`/`#`/quotes, and never the stop-parsing token `--%`.
const POSIX_SAFE = /^[A-Za-z0-9_@%+:,./-][A-Za-z0-9_@%+=:,./-]*$/;
const POWERSHELL_SAFE = /^[A-Za-z0-9_./:=\\+-][A-Za-z0-9_./:=\\+%-]*$/;
const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_ALL = /[\u0000-\u001f\u007f]/g;
const hex = (c: string): string => c.charCodeAt(0).toString(16).padStart(2, "0");
const posixEscape = (c: string): string => (c === "\n" ? "\\n" : c === "\t" ? "\\t" : c === "\r" ? "\\r" : `\\x${hex(c)}`);
const powershellEscape = (c: string): string =>
  c === "\n" ? "`n" : c === "\t" ? "`t" : c === "\r" ? "`r" : c === "\u0000" ? "`0" : `$([char]0x${hex(c)})`;

/**
 * One word quoted for sh/bash/zsh, or for PowerShell on Windows, only when it needs it: single quotes; a word
 * with control characters (a newline) as $'...' (bash, zsh) or a PowerShell "..." with backtick escapes, so the
 * result is always one line.
 */
export function quoteArg(word: string, style: CommandLineStyle = "posix"): string {
  if (style === "windows") {
    if (POWERSHELL_SAFE.test(word) && word !== "--%") return word;
    if (CONTROL.test(word)) return `"${word.replace(/[`"$\u201c\u201d\u201e]/g, "`$&").replace(CONTROL_ALL, powershellEscape)}"`;
    // PowerShell also ends single-quoted strings at typographic quotes; doubling any of them keeps it literal.
    return `'${word.replace(/['\u2018\u2019\u201a\u201b]/g, "$&$&")}'`;
  }
  if (POSIX_SAFE.test(word)) return word;
  if (CONTROL.test(word)) return `$'${word.replace(/[\\']/g, "\\$&").replace(CONTROL_ALL, posixEscape)}'`;
  return `'${word.replace(/'/g, "'\\''")}'`;
}

/** Words back into one line for the shell of `style`; a quoted program in PowerShell needs the call operator. */
export function joinCommandLine(words: readonly string[], style: CommandLineStyle = "posix"): string {
  const line = words.map((word) => quoteArg(word, style)).join(" ");
  const first = words[0];
  return style === "windows" && first !== undefined && quoteArg(first, style) !== first ? `& ${line}` : line;
}
