import { UsageError } from "../../findings/errors.js";
import { unknownNameText } from "../../util/unknown-name.js";
import { commandInputWords } from "../../words/command-input-words.js";
import { bashScript } from "./bash-script.js";
import { fishScript } from "./fish-script.js";
import { powershellScript } from "./powershell-script.js";
import { SHELLS, type Shell } from "./shells.js";
import { zshScript } from "./zsh-script.js";

const SCRIPTS: { readonly [S in Shell]: string } = { bash: bashScript, zsh: zshScript, fish: fishScript, powershell: powershellScript };

export interface CompletionResult {
  shell: Shell;
  script: string;
}

/** The script that makes `shell` complete sparkport's commands, options and the registry's names. */
export function completionScript(shell: string): CompletionResult {
  const known = SHELLS.find((s) => s === shell);
  if (known === undefined) {
    const w = commandInputWords();
    throw new UsageError(unknownNameText(w.unknownShell(shell), shell, SHELLS, w.shells));
  }
  return { shell: known, script: SCRIPTS[known] };
}
