import type { PortReference, ReferenceRole, ScanProblem } from "./port-reference.js";
import { scanShellScript } from "./scan-shell-script.js";
import { roleOfKey, textLines, valueReferences, type FileSite } from "./text-references.js";
import { textPosition } from "../util/text-position.js";

const FENCE = /^\s{0,3}(`{3,}|~{3,})\s*([\w+-]*)/;
const SHELL_FENCE = new Set(["", "sh", "bash", "zsh", "shell", "console", "shell-session", "terminal"]);
const PROMPT = /^(\s*)(?:\$|>|PS>|%)\s/;
const ASSIGNMENT = /^\s*(?:export\s+|set\s+|\$env:)?([A-Za-z_][\w.]*)\s*(?:=|:\s)\s*/;
const WILDCARD = new Set(["0.0.0.0", "::"]);

/** The text with everything blanked but the lines of shell code blocks, prompts blanked too: positions stay those of the file. */
function shellLines(text: string): string {
  const bom = text.startsWith("\uFEFF");
  const lines = (bom ? text.slice(1) : text).split("\n");
  let fence: { mark: string; shell: boolean } | undefined;
  let kept = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const head = FENCE.exec(line);
    let out = line.replace(/[^\r]/g, " ");
    if (fence === undefined && head !== null) fence = { mark: head[1] ?? "```", shell: SHELL_FENCE.has((head[2] ?? "").toLowerCase()) };
    else if (fence !== undefined && head !== null && (head[1] ?? "").startsWith(fence.mark) && line.trim() === head[1]) fence = undefined;
    else if (fence?.shell === true) {
      out = line.replace(PROMPT, (prompt) => " ".repeat(prompt.length));
      kept++;
    }
    lines[i] = out;
  }
  return kept === 0 ? "" : (bom ? " " : "") + lines.join("\n");
}

/**
 * Read only with `scan.docs: true`: a guide records what was and what is planned, so each reference is informational.
 * URLs and `host:port` pairs anywhere (addresses only, not `node:20`); in code blocks `KEY=value` lines and, in shell
 * blocks, the port flags of known programs.
 */
export function scanMarkdown(text: string, file: string): { references: PortReference[]; problems: ScanProblem[] } {
  const site: FileSite = { file, position: textPosition(text), kind: "docs" };
  const references: PortReference[] = [];
  const taken = new Set<number>();
  const add = (ref: PortReference): void => {
    if (taken.has(ref.offset)) return;
    taken.add(ref.offset);
    references.push({ ...ref, kind: "docs", informational: true });
  };
  const shell = shellLines(text);
  if (shell !== "") for (const ref of scanShellScript(shell, file, "sh").references) add(ref);
  let inCode = false;
  for (const { line, start } of textLines(text)) {
    const head = FENCE.exec(line);
    if (head !== null) {
      inCode = !inCode;
      continue;
    }
    if (!/:\d/.test(line) && !(inCode && /\d/.test(line))) continue;
    const assignment = inCode ? ASSIGNMENT.exec(line) : null;
    const key = assignment?.[1];
    const from = assignment === null ? 0 : assignment[0].length;
    const fallback: ReferenceRole = roleOfKey(key);
    const found = valueReferences(line.slice(from), start + from, site, {
      ...(key === undefined ? {} : { key }),
      text: line.trim(),
      role: (at) => (at.host === undefined || WILDCARD.has(at.host) ? "listen" : fallback),
      strictHosts: key === undefined,
      bareNumbers: key !== undefined,
    });
    for (const ref of found) add(ref);
  }
  return { references: references.sort((a, b) => a.offset - b.offset), problems: [] };
}
