// Fixes are pure: nothing runs anything, and a command line is only split into words and quoted back. Their
// sentences, in each language, are words/fix-words.ts.

import type { BindAllProgram } from "../programs/server-programs.js";
import type { OperatingSystem } from "../registry/schema.js";

export type FixOs = OperatingSystem;

export interface FixText {
  summary: string;
  /** No comments (zsh runs `#` as a command) and no placeholders; empty when there is nothing exact to run. */
  commands: string[];
}

export type BindProgram = BindAllProgram | "unknown";
