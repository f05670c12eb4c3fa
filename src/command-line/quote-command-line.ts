// The inverse of split-command-line.ts: whatever a word holds (`; rm -rf /`, `$(id)`) comes back as inert, quoted text.

import type { CommandLineStyle } from "./split-command-line.js";

// POSIX: not `=` first (zsh expands `=cmd`). PowerShell: no `,` (an array), `@`, `$`, `(`, `{`, `;`, `#`, quotes, or `--%`.
const POSIX_SAFE = /^[A-Za-z0-9_@%+:,./-][A-Za-z0-9_@%+=:,./-]*$/;
const POWERSHELL_SAFE = /^[A-Za-z0-9_./:=\\+-][A-Za-z0-9_./:=\\+%-]*$/;
const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_ALL = /[\u0000-\u001f\u007f]/g;
const hex = (c: string): string => c.charCodeAt(0).toString(16).padStart(2, "0");
const posixEscape = (c: string): string => (c === "\n" ? "\\n" : c === "\t" ? "\\t" : c === "\r" ? "\\r" : `\\x${hex(c)}`);
const powershellEscape = (c: string): string =>
  c === "\n" ? "`n" : c === "\t" ? "`t" : c === "\r" ? "`r" : c === "\u0000" ? "`0" : `$([char]0x${hex(c)})`;

/** Control characters become $'...' (bash, zsh) or a PowerShell "..." with backtick escapes, so the result is one line. */
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

/** A quoted program in PowerShell needs the call operator. */
export function joinCommandLine(words: readonly string[], style: CommandLineStyle = "posix"): string {
  const line = words.map((word) => quoteArg(word, style)).join(" ");
  const first = words[0];
  return style === "windows" && first !== undefined && quoteArg(first, style) !== first ? `& ${line}` : line;
}
