import type { PortReference, ReferenceRole, ScanProblem } from "./port-reference.js";
import { roleOfKey, valueReferences, type FileSite } from "./text-references.js";
import { textPosition } from "../util/text-position.js";

export type SourceLanguage = "js" | "python";

interface Literal {
  /** The content, quotes excluded. */
  from: number;
  to: number;
  /** The name it is assigned to, the key or keyword it is the value of, or what encloses it. */
  key?: string;
  /** Set by a fallback (`process.env.X || '…'`, `os.getenv("X", "…")`, `Field("…", env="X")`). */
  variable?: string;
}

const ASSIGNED = /([A-Za-z_$][\w$]*)["']?\s*(?::\s*[\w[\], .|]*?)?\s*(?<![=!<>])[=:]\s*$/;
const CALLEE = /([A-Za-z_$][\w$.]*)\s*$/;
const FALLBACK_BEFORE = [
  /(?:process\.env|import\.meta\.env)\.([A-Za-z_]\w*)\s*(?:\|\||\?\?)\s*$/,
  /(?:process\.env|import\.meta\.env)\[\s*["'`]([A-Za-z_]\w*)["'`]\s*\]\s*(?:\|\||\?\?)\s*$/,
  /(?:os\.getenv|os\.environ\.get|getenv|environ\.get)\(\s*["']([A-Za-z_]\w*)["']\s*,\s*(?:default\s*=\s*)?$/,
  /getattr\(\s*[\w.]+\s*,\s*["']([A-Za-z_]\w*)["']\s*,\s*$/,
];
const FIELD_AFTER = /^\s*,\s*(?:[\w]+\s*=\s*[^,)]*,\s*)*(?:env|alias|validation_alias)\s*=\s*["']([A-Za-z_]\w*)["']/;
const IMAGE_KEY = /^(?:remotePatterns|domains|images)$/;
const FRONTEND_FOLDER = /(?:^|\/)(?:src|app|pages|components)\//;
const LOOK_BEHIND = 200;

/** Browser-side: JS/TS under a frontend's `src`/`app`/`pages`/`components` folder, not a build config. */
export function isBrowserSource(file: string): boolean {
  return /\.(?:[cm]?js|tsx?|jsx)$/.test(file) && FRONTEND_FOLDER.test(file) && !/\.config\.[cm]?[jt]s$/.test(file);
}

/** A minified bundle: a `.min.` name, or long lines on average. */
export function isMinified(file: string, text: string): boolean {
  if (/\.min\.[cm]?js$/.test(file)) return true;
  let lines = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lines++;
  return text.length > 1000 && text.length / lines > 250;
}

function lineBefore(text: string, at: number): string {
  return text.slice(Math.max(text.lastIndexOf("\n", at - 1) + 1, at - LOOK_BEHIND), at);
}

function stringEnd(text: string, i: number, quote: string): number {
  for (let j = i; j < text.length; j++) {
    const c = text.charAt(j);
    if (c === "\\") j++;
    else if (text.startsWith(quote, j)) return j;
    else if (c === "\n" && quote.length === 1 && quote !== "`") return j;
  }
  return text.length;
}

/** The string literals of a source text, outside comments, each with the name it is bound to. */
function literals(text: string, language: SourceLanguage): Literal[] {
  const found: Literal[] = [];
  const brackets: Array<string | undefined> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if ((language === "python" && c === "#") || (language === "js" && text.startsWith("//", i))) {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end;
    } else if (language === "js" && text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === '"' || c === "'" || (language === "js" && c === "`")) {
      const quote = language === "python" && (text.startsWith('"""', i) || text.startsWith("'''", i)) ? c.repeat(3) : c;
      const from = i + quote.length;
      const to = stringEnd(text, from, quote);
      const before = lineBefore(text, i);
      const key = ASSIGNED.exec(before)?.[1] ?? brackets.at(-1);
      let variable: string | undefined;
      for (const pattern of FALLBACK_BEFORE) variable ??= pattern.exec(text.slice(Math.max(0, i - LOOK_BEHIND), i))?.[1];
      variable ??= FIELD_AFTER.exec(text.slice(to + quote.length, to + quote.length + LOOK_BEHIND))?.[1];
      found.push({ from, to, ...(key === undefined ? {} : { key }), ...(variable === undefined ? {} : { variable }) });
      i = to + quote.length - 1;
    } else if (c === "(" || c === "[" || c === "{") {
      const before = lineBefore(text, i);
      const callee = CALLEE.exec(before);
      const assigned = ASSIGNED.exec(callee === null ? before : before.slice(0, callee.index));
      brackets.push(assigned?.[1] ?? callee?.[1] ?? brackets.at(-1));
    } else if (c === ")" || c === "]" || c === "}") {
      brackets.pop();
    }
  }
  return found;
}

function roleOf(literal: Literal, fileRole: ReferenceRole): ReferenceRole {
  if (literal.key !== undefined && IMAGE_KEY.test(literal.key)) return "browser";
  const byKey = roleOfKey(literal.variable ?? literal.key, fileRole);
  return byKey === "connect" ? fileRole : byKey;
}

/**
 * URLs and `host:port` strings in string literals of JS/TS/Python source, never bare numbers. A fallback names the
 * variable it stands in for; a CORS list gives origins; frontend source and `NEXT_PUBLIC_*` values run in a browser.
 */
export function scanSourceFile(text: string, file: string, language: SourceLanguage): { references: PortReference[]; problems: ScanProblem[] } {
  if (isMinified(file, text)) return { references: [], problems: [] };
  const site: FileSite = { file, position: textPosition(text), kind: "source" };
  const fileRole: ReferenceRole = isBrowserSource(file) ? "browser" : "connect";
  const references: PortReference[] = [];
  for (const literal of literals(text, language)) {
    const value = text.slice(literal.from, literal.to);
    if (!/:\d/.test(value)) continue;
    const key = literal.variable ?? literal.key;
    references.push(...valueReferences(value, literal.from, site, { ...(key === undefined ? {} : { key }), text: value, role: roleOf(literal, fileRole), strictHosts: true, bareNumbers: false }));
  }
  return { references, problems: [] };
}
