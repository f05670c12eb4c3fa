// Split as a shell would quote words, never run: `$(id)`, backticks, globs and `$VAR` stay as written.

import type { OperatingSystem } from "../registry/schema.js";
import { plainMapped, type MappedText } from "./mapped-text.js";

/** sh/zsh words, or Windows (CommandLineToArgvW in, PowerShell out). */
export type CommandLineStyle = "posix" | "windows";

export const styleOf = (os: OperatingSystem): CommandLineStyle => (os === "windows" ? "windows" : "posix");

export interface CommandWord extends MappedText {
  /** `"next dev -p 3000"` is one word, possibly a command of its own. */
  quoted: boolean;
}

export interface SplitOptions {
  /** Windows: backslashes are literal unless before a quote. */
  style?: CommandLineStyle;
  /** A script (package.json, Procfile): cut into simple commands at `&&`, `;`, `|`, `&`, parentheses and newlines; `#` comments read. */
  script?: boolean;
}

const OPERATORS = new Set([";", "&", "|", "(", ")"]);
const BLANKS = new Set([" ", "\t", "\r", "\n", "\v", "\f"]);
const REDIRECTS = new Set(["<", ">"]);
const POSIX_DOUBLE_QUOTE_ESCAPES = '"\\$`';

class Splitter {
  readonly commands: CommandWord[][] = [];
  private command: CommandWord[] = [];
  private word: CommandWord | undefined;
  /** Windows: a double-quoted stretch may span several quotes of one word. */
  private inQuotes = false;
  private readonly text: string;

  constructor(
    private readonly input: MappedText,
    private readonly windows: boolean,
    private readonly script: boolean,
  ) {
    this.text = input.text;
  }

  run(): CommandWord[][] {
    for (let i = 0; i < this.text.length; ) i = this.step(i);
    this.endCommand();
    return this.commands;
  }

  private step(i: number): number {
    const c = this.text.charAt(i);
    if (this.windows && (c === "\\" || c === '"')) return this.windowsQuoting(i);
    if (this.inQuotes) return this.add(i);
    if (!this.windows) {
      if (c === "\\") return this.posixEscape(i);
      if (c === "'" || c === '"') return this.posixQuoted(i);
      if (c === "#" && this.script && this.word === undefined) return this.skipComment(i);
    }
    if (this.script && (c === "\n" || OPERATORS.has(c))) {
      this.endCommand();
      return i + 1;
    }
    if (BLANKS.has(c) || (this.script && REDIRECTS.has(c))) {
      this.endWord();
      return i + 1;
    }
    return this.add(i);
  }

  /** `\` before a line break joins the lines; a backslash at the very end is itself. */
  private posixEscape(i: number): number {
    const next = this.text.charAt(i + 1);
    if (next === "\n") return i + 2;
    if (next === "\r" && this.text.charAt(i + 2) === "\n") return i + 3;
    return i + 1 < this.text.length ? this.add(i + 1) : this.add(i);
  }

  /** An unterminated quote runs to the end. */
  private posixQuoted(i: number): number {
    const quote = this.text.charAt(i);
    this.open().quoted = true;
    let j = i + 1;
    for (; j < this.text.length && this.text.charAt(j) !== quote; j++) {
      const escaped = quote === '"' && this.text.charAt(j) === "\\" && j + 1 < this.text.length && POSIX_DOUBLE_QUOTE_ESCAPES.includes(this.text.charAt(j + 1));
      if (escaped) j++;
      this.add(j);
    }
    return j + 1;
  }

  private skipComment(i: number): number {
    const end = this.text.indexOf("\n", i);
    return end < 0 ? this.text.length : end;
  }

  /** CommandLineToArgvW: 2n backslashes + quote → n and a toggle; 2n+1 → n and a literal quote. `""` inside quotes is a quote. */
  private windowsQuoting(i: number): number {
    let end = i;
    while (this.text.charAt(end) === "\\") end++;
    const count = end - i;
    if (this.text.charAt(end) !== '"') {
      for (let k = i; k < end; k++) this.add(k);
      return end;
    }
    for (let k = 0; k < Math.floor(count / 2); k++) this.add(i + 2 * k + 1);
    if (count % 2 === 1) return this.add(end);
    this.open().quoted = true;
    if (this.inQuotes && this.text.charAt(end + 1) === '"') return this.add(end + 1);
    this.inQuotes = !this.inQuotes;
    return end + 1;
  }

  private open(): CommandWord {
    this.word ??= { text: "", start: [], end: [], origin: [], quoted: false };
    return this.word;
  }

  private add(i: number): number {
    const word = this.open();
    word.text += this.text.charAt(i);
    word.start.push(this.input.start[i] ?? 0);
    word.end.push(this.input.end[i] ?? 0);
    word.origin.push(this.input.origin[i]);
    return i + 1;
  }

  private endWord(): void {
    if (this.word !== undefined) this.command.push(this.word);
    this.word = undefined;
  }

  private endCommand(): void {
    this.endWord();
    if (this.command.length > 0) this.commands.push(this.command);
    this.command = [];
  }
}

/** Without `script`, the whole text is one command: `;`, `|`, `#` and `>` are ordinary characters. */
export function splitCommandWords(input: MappedText, options: SplitOptions = {}): CommandWord[][] {
  return new Splitter(input, options.style === "windows", options.script === true).run();
}

export function splitCommandLine(line: string, style: CommandLineStyle = "posix"): string[] {
  return (splitCommandWords(plainMapped(line), { style })[0] ?? []).map((word) => word.text);
}
