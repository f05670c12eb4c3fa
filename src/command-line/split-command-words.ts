import type { MappedText } from "./mapped-text.js";

/** A word of a command line, quotes removed, each character still mapped to the file. */
export interface CommandWord extends MappedText {
  /** Some of it was quoted: `"next dev -p 3000"` is one word, possibly a command of its own. */
  quoted: boolean;
}

const OPERATORS = new Set([";", "&", "|", "(", ")"]);
const BREAKS = new Set([" ", "\t", "\r", "<", ">"]);

/**
 * The simple commands of a command line (split at `&&`, `||`, `;`, `|`, `&`, parentheses and newlines), each as
 * its words: POSIX quoting, backslash escapes and line continuations, `#` comments. Nothing is expanded: `$VAR`,
 * `$(...)` and globs stay as written. An unterminated quote runs to the end.
 */
export function splitCommandWords(input: MappedText): CommandWord[][] {
  const commands: CommandWord[][] = [];
  let command: CommandWord[] = [];
  let word: CommandWord | undefined;
  const text = input.text;
  const add = (i: number): void => {
    word ??= { text: "", start: [], end: [], origin: [], quoted: false };
    word.text += text.charAt(i);
    word.start.push(input.start[i] ?? 0);
    word.end.push(input.end[i] ?? 0);
    word.origin.push(input.origin[i]);
  };
  const endWord = (): void => {
    if (word !== undefined) command.push(word);
    word = undefined;
  };
  const endCommand = (): void => {
    endWord();
    if (command.length > 0) commands.push(command);
    command = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === "\\") {
      const next = text.charAt(i + 1);
      if (next === "\n") i++;
      else if (next === "\r" && text.charAt(i + 2) === "\n") i += 2;
      else if (i + 1 < text.length) add(++i);
    } else if (c === "'" || c === '"') {
      word ??= { text: "", start: [], end: [], origin: [], quoted: true };
      word.quoted = true;
      for (i++; i < text.length && text.charAt(i) !== c; i++) {
        if (c === '"' && text.charAt(i) === "\\" && '"\\$`'.includes(text.charAt(i + 1)) && i + 1 < text.length) i++;
        add(i);
      }
    } else if (c === "#" && word === undefined) {
      while (i + 1 < text.length && text.charAt(i + 1) !== "\n") i++;
    } else if (c === "\n" || OPERATORS.has(c)) {
      endCommand();
    } else if (BREAKS.has(c)) {
      endWord();
    } else {
      add(i);
    }
  }
  endCommand();
  return commands;
}
