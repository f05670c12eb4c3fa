export interface GitignoreRule {
  /** Relative to the scan root ("" for the root). */
  base: string;
  pattern: RegExp;
  negate: boolean;
  directoryOnly: boolean;
}

function globBody(glob: string): string {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charAt(i);
    if (c === "*" && glob.charAt(i + 1) === "*") {
      const atStart = i === 0 || glob.charAt(i - 1) === "/";
      const after = glob.charAt(i + 2);
      if (atStart && after === "/") {
        out += "(?:.*/)?";
        i += 2;
      } else if (atStart && after === "") {
        out += ".*";
        i += 1;
      } else {
        out += "[^/]*";
        i += 1;
      }
    } else if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else if (c === "[") {
      const close = glob.indexOf("]", i + 2);
      if (close < 0) out += "\\[";
      else {
        const inner = glob.slice(i + 1, close).replace(/^!/, "^").replace(/\\/g, "\\\\");
        out += `[${inner}]`;
        i = close;
      }
    } else if (c === "\\" && i + 1 < glob.length) out += glob.charAt(++i).replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
    else out += c.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
  }
  return out;
}

/** A pattern with a leading or inner `/` is anchored to `base`; otherwise it matches at any depth below it. */
export function parseGitignore(text: string, base = ""): GitignoreRule[] {
  const rules: GitignoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/(?<!\\)[ \t]+$/, "");
    if (line === "" || line.startsWith("#")) continue;
    const negate = line.startsWith("!");
    if (negate) line = line.slice(1);
    if (line.startsWith("\\#") || line.startsWith("\\!")) line = line.slice(1);
    const directoryOnly = line.endsWith("/");
    if (directoryOnly) line = line.slice(0, -1);
    if (line === "") continue;
    const anchored = line.includes("/");
    const body = globBody(line.replace(/^\//, ""));
    try {
      rules.push({ base, pattern: new RegExp(`^${anchored ? "" : "(?:.*/)?"}${body}$`), negate, directoryOnly });
    } catch {
      // A pattern git itself would not understand (an odd character class) ignores nothing.
    }
  }
  return rules;
}

/** The last matching rule decides. */
export function isIgnored(rules: readonly GitignoreRule[], path: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const rule of rules) {
    if (rule.directoryOnly && !isDirectory) continue;
    const relative = rule.base === "" ? path : path.startsWith(`${rule.base}/`) ? path.slice(rule.base.length + 1) : undefined;
    if (relative !== undefined && rule.pattern.test(relative)) ignored = !rule.negate;
  }
  return ignored;
}
