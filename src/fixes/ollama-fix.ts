import { joinCommandLine } from "../command-line/quote-command-line.js";
import { sentences } from "./fix-helpers.js";
import type { FixOs, FixText } from "./fix-text.js";
import { fixWords } from "../words/fix-words.js";

/** Ollama takes its address from a variable, not an option. */
export function ollamaFix(words: readonly string[], at: number, variable: string, port: number, os: FixOs): FixText {
  const t = fixWords().bind.ollama;
  const value = `0.0.0.0:${port}`;
  if (os === "windows") return { summary: t.windows(port), commands: [`setx ${variable} ${value}`] };
  if ((words[at] ?? "").includes("Ollama.app")) {
    return { summary: sentences(t.shell(port), t.macApp), commands: [`launchctl setenv ${variable} ${value}`] };
  }
  const rest = words.filter((word, j) => !(j < at && word.startsWith(`${variable}=`)));
  return {
    summary: sentences(t.shell(port), os === "linux" ? t.systemd(port) : ""),
    commands: [joinCommandLine([`${variable}=${value}`, ...rest], "posix")],
  };
}
