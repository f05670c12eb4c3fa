import type { PortReference, ReferenceRole, ScanProblem } from "./port-reference.js";
import { isPortKey, OWN_PORT_KEY } from "./is-port-key.js";
import { roleOfKey, valueReferences, type FileSite } from "./text-references.js";
import { portNumber } from "./port-number.js";
import { textPosition } from "../util/text-position.js";

export type SourceLanguage = "js" | "python" | "go" | "ruby";

interface Syntax {
  lineComment: string;
  /** Opening and closing marks; Ruby's `=begin`/`=end` stand at the start of a line. */
  blockComment?: readonly [string, string];
  quotes: string;
  /** Python's `"""`. */
  tripleQuotes?: boolean;
  /** May run over lines: JS template literals, Go raw strings. */
  multiline?: string;
  /** Backslash is no escape inside: Go raw strings. */
  raw?: string;
}

const SYNTAX: Readonly<Record<SourceLanguage, Syntax>> = {
  js: { lineComment: "//", blockComment: ["/*", "*/"], quotes: "\"'`", multiline: "`" },
  python: { lineComment: "#", quotes: "\"'", tripleQuotes: true },
  go: { lineComment: "//", blockComment: ["/*", "*/"], quotes: "\"'`", multiline: "`", raw: "`" },
  ruby: { lineComment: "#", blockComment: ["\n=begin", "\n=end"], quotes: "\"'" },
};

interface Literal {
  /** The content, quotes excluded. */
  from: number;
  to: number;
  /** The name it is assigned to, the key or keyword it is the value of, or what encloses it. */
  key?: string;
  /** Set by a fallback (`process.env.X || '…'`, `os.getenv("X", "…")`, `Field("…", env="X")`). */
  variable?: string;
  /** The names of the brackets around it, outermost first: `images.remotePatterns`. */
  within: string;
  /** An integer in the code, not a string: `api_port: int = 8020`, `process.env.PORT || 3000`. */
  numeric?: true;
}

const ASSIGNED = /([A-Za-z_$][\w$]*)["']?\s*(?::\s*[\w[\], .|]*?)?\s*(?:(?<![=!<>])[=:]|=>)\s*$/;
const CALLEE = /([A-Za-z_$][\w$.]*)\s*$/;
const FALLBACK_BEFORE = [
  /(?:process\.env|import\.meta\.env)\.([A-Za-z_]\w*)\s*(?:\|\||\?\?)\s*$/,
  /(?:process\.env|import\.meta\.env)\[\s*["'`]([A-Za-z_]\w*)["'`]\s*\]\s*(?:\|\||\?\?)\s*$/,
  /(?:os\.getenv|os\.environ\.get|getenv|environ\.get)\(\s*["']([A-Za-z_]\w*)["']\s*,\s*(?:default\s*=\s*)?$/,
  // Go's helpers: getEnv("X", "…"), envOr("X", "…"), GetEnvOrDefault("X", "…").
  /\b(?:[gG]et[eE]nv\w*|[eE]nv[oO]r\w*|[lL]ookup[eE]nv[oO]r\w*)\(\s*"([A-Za-z_]\w*)"\s*,\s*$/,
  // Ruby: ENV.fetch("X", "…"), ENV.fetch("X") { "…" }, ENV["X"] || "…".
  /ENV\.fetch\(\s*["']([A-Za-z_]\w*)["']\s*(?:,|\)\s*\{)\s*$/,
  /ENV\[\s*["']([A-Za-z_]\w*)["']\s*\]\s*(?:\|\||or)\s*$/,
  /getattr\(\s*[\w.]+\s*,\s*["']([A-Za-z_]\w*)["']\s*,\s*$/,
];
const FIELD_AFTER = /^\s*,\s*(?:[\w]+\s*=\s*[^,)]*,\s*)*(?:env|alias|validation_alias)\s*=\s*["']([A-Za-z_]\w*)["']/;
const IMAGE_KEY = /^(?:remotePatterns|domains|images)$/;
const IMAGE_CONFIG = /(?:^|\.)(?:remotePatterns|domains|images)(?:\.|$)/;
/** A host and its port as two fields of one object: `{ hostname: '10.0.0.5', port: '9000' }`. */
const HOST_KEY = /^(?:hostname|host)$/;
const PORT_AFTER = /^[^{}]*?\bport["']?\s*[:=]\s*["'`]?(\d{1,5})(?![\d.])/;
const PORT_BEFORE = /\bport["']?\s*[:=]\s*["'`]?(\d{1,5})(?![\d.])[^{}]*$/;
const FRONTEND_FOLDER = /(?:^|\/)(?:src|app|pages|components)\//;
const LOOK_BEHIND = 200;
const MAY_NAME_A_PORT = /:\d|port/i;
/** `net.Listen("tcp", "…")`, `http.ListenAndServe("…", h)`, `app.listen(…)`. */
const LISTEN_CALL = /(?:^|\.)(?:Listen\w*|listen)$/;
const WILDCARD = new Set(["0.0.0.0", "::"]);
/** Go's `":8080"`: an address to bind on every interface, unless a host is joined to it (`host + ":6379"`). */
const GO_BIND = /^:(\d{1,5})$/;
/** An integer token: not part of a name, a float, a hex or an exponent. */
const INTEGER = /\d+(?![\w.])/y;
/** Bounds of a range (`MIN_PORT`, `maxPort`), not a port anything uses. */
const BOUND_KEY = /(?:min|max|lower|upper|range|start|end)_?port/i;

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

function stringEnd(text: string, i: number, quote: string, syntax: Syntax): number {
  const raw = syntax.raw === quote;
  const multiline = quote.length > 1 || syntax.multiline?.includes(quote) === true;
  for (let j = i; j < text.length; j++) {
    const c = text.charAt(j);
    if (c === "\\" && !raw) j++;
    else if (text.startsWith(quote, j)) return j;
    else if (c === "\n" && !multiline) return j;
  }
  return text.length;
}

/** The string literals of a source text, outside comments, each with the name it is bound to. */
function literals(text: string, language: SourceLanguage): Literal[] {
  const syntax = SYNTAX[language];
  const block = syntax.blockComment;
  const found: Literal[] = [];
  const brackets: Array<string | undefined> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (text.startsWith(syntax.lineComment, i)) {
      const end = text.indexOf("\n", i);
      // On the line break, so a block comment that starts the next line is seen.
      i = end < 0 ? text.length : end - 1;
    } else if (block !== undefined && (text.startsWith(block[0], i) || (i === 0 && text.startsWith(block[0].trimStart())))) {
      const end = text.indexOf(block[1], i + block[0].length);
      i = end < 0 ? text.length : end + block[1].length - 1;
    } else if (syntax.quotes.includes(c)) {
      const quote = syntax.tripleQuotes === true && (text.startsWith('"""', i) || text.startsWith("'''", i)) ? c.repeat(3) : c;
      const from = i + quote.length;
      const to = stringEnd(text, from, quote, syntax);
      const before = lineBefore(text, i);
      const key = ASSIGNED.exec(before)?.[1] ?? brackets.at(-1);
      let variable: string | undefined;
      for (const pattern of FALLBACK_BEFORE) variable ??= pattern.exec(text.slice(Math.max(0, i - LOOK_BEHIND), i))?.[1];
      variable ??= FIELD_AFTER.exec(text.slice(to + quote.length, to + quote.length + LOOK_BEHIND))?.[1];
      const within = brackets.filter((b) => b !== undefined).join(".");
      found.push({ from, to, within, ...(key === undefined ? {} : { key }), ...(variable === undefined ? {} : { variable }) });
      i = to + quote.length - 1;
    } else if (c >= "0" && c <= "9" && !/[\w$.]/.test(text.charAt(i - 1))) {
      INTEGER.lastIndex = i;
      const digits = INTEGER.exec(text);
      const to = digits === null ? i + 1 : i + digits[0].length;
      // Numbers are everywhere in code: only one with a port or a listen call just before it, or a keyword
      // argument after it (`Field(5433, env="PGPORT")`), is looked at.
      const nearPort = /port|listen/i.test(text.slice(Math.max(0, i - 80), i)) || /^\s*,\s*\w+\s*=/.test(text.slice(to, to + 40));
      if (digits !== null && nearPort) {
        const before = lineBefore(text, i);
        const key = ASSIGNED.exec(before)?.[1] ?? brackets.at(-1);
        let variable: string | undefined;
        for (const pattern of FALLBACK_BEFORE) variable ??= pattern.exec(text.slice(Math.max(0, i - LOOK_BEHIND), i))?.[1];
        variable ??= FIELD_AFTER.exec(text.slice(to, to + LOOK_BEHIND))?.[1];
        const within = brackets.filter((b) => b !== undefined).join(".");
        found.push({ from: i, to, within, numeric: true, ...(key === undefined ? {} : { key }), ...(variable === undefined ? {} : { variable }) });
      }
      i = to - 1;
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

function goBind(text: string, literal: Literal, site: FileSite, key: string | undefined): PortReference | undefined {
  const digits = GO_BIND.exec(text.slice(literal.from, literal.to))?.[1];
  const port = digits === undefined ? undefined : portNumber(digits);
  const joined = /\+\s*$/.test(text.slice(Math.max(0, literal.from - 8), literal.from - 1)) || /^\s*\+/.test(text.slice(literal.to + 1, literal.to + 8));
  if (port === undefined || joined) return undefined;
  const offset = literal.from + 1;
  const value = text.slice(literal.from, literal.to);
  return { file: site.file, ...site.position(offset), offset, length: value.length - 1, port, kind: site.kind, ...(key === undefined ? {} : { key }), text: value, role: "listen" };
}

/** The port field beside a `hostname`/`host` literal in the same object, before or after it. */
function hostPortPair(text: string, literal: Literal, site: FileSite, role: ReferenceRole): PortReference | undefined {
  const host = text.slice(literal.from, literal.to);
  if (literal.key === undefined || !HOST_KEY.test(literal.key) || !/^[\w.-]+$/.test(host) || /:\d/.test(host)) return undefined;
  const afterStart = literal.to + 1;
  const after = PORT_AFTER.exec(text.slice(afterStart, afterStart + LOOK_BEHIND));
  const beforeStart = Math.max(0, literal.from - LOOK_BEHIND);
  const before = after === null ? PORT_BEFORE.exec(text.slice(beforeStart, literal.from - 1)) : null;
  const match = after ?? before;
  const digits = match?.[1];
  const port = digits === undefined ? undefined : portNumber(digits);
  if (match === null || digits === undefined || port === undefined) return undefined;
  const offset = (after !== null ? afterStart : beforeStart) + match.index + match[0].length - digits.length;
  const key = literal.key;
  return { file: site.file, ...site.position(offset), offset, length: digits.length, port, host, kind: site.kind, key, text: `${key}: ${host}, port: ${digits}`, role };
}

/**
 * A port written alone (`api_port: int = 8020`, `PORT = int(os.getenv("PORT", "8000"))`, `app.listen(3000)`,
 * `server: { port: 5173 }`): under a port-named key, variable or field, or as a listen call's argument. Judged as the
 * same key in a `.env` is: the file's own service binds `PORT`/`APP_PORT`, a listen call binds; any other is a client's.
 */
function barePort(text: string, literal: Literal, site: FileSite, fileRole: ReferenceRole): PortReference | undefined {
  const value = text.slice(literal.from, literal.to);
  const port = /^\d{1,5}$/.test(value) ? portNumber(value) : undefined;
  const listening = literal.key !== undefined && LISTEN_CALL.test(literal.key);
  const name = literal.variable ?? literal.key;
  if (port === undefined || (!listening && (name === undefined || !isPortKey(name) || BOUND_KEY.test(name)))) return undefined;
  const role: ReferenceRole = listening || (name !== undefined && OWN_PORT_KEY.test(name)) ? "listen" : roleOfKey(name, fileRole);
  const key = name ?? literal.key;
  // What stands in the file: the line, or on a long one, from the key to the number (`port: 5173`).
  const lineStart = text.lastIndexOf("\n", literal.from) + 1;
  let lineEnd = text.indexOf("\n", literal.to) < 0 ? text.length : text.indexOf("\n", literal.to);
  const comment = /\s(?:#|\/\/)/.exec(text.slice(literal.to, lineEnd));
  if (comment !== null) lineEnd = literal.to + comment.index;
  const keyAt = literal.key === undefined ? -1 : text.lastIndexOf(literal.key, literal.from);
  const shown = lineEnd - lineStart <= 60 || keyAt < lineStart ? text.slice(lineStart, lineEnd).trim() : text.slice(keyAt, literal.to);
  return { file: site.file, ...site.position(literal.from), offset: literal.from, length: value.length, port, kind: site.kind, ...(key === undefined ? {} : { key }), text: shown, role };
}

function roleOf(literal: Literal, fileRole: ReferenceRole): ReferenceRole {
  if (literal.key !== undefined && LISTEN_CALL.test(literal.key)) return "listen";
  if ((literal.key !== undefined && IMAGE_KEY.test(literal.key)) || IMAGE_CONFIG.test(literal.within)) return "browser";
  const byKey = roleOfKey(literal.variable ?? literal.key, fileRole);
  return byKey === "connect" ? fileRole : byKey;
}

/**
 * URLs and `host:port` strings in string literals of JS/TS/Python/Go/Ruby source, never bare numbers; Go's `":8080"` is bound. A fallback names the
 * variable it stands in for; a CORS list gives origins; frontend source and `NEXT_PUBLIC_*` values run in a browser.
 */
export function scanSourceFile(text: string, file: string, language: SourceLanguage): { references: PortReference[]; problems: ScanProblem[] } {
  // Most source files name no address at all: one search decides, before any walk.
  if (!MAY_NAME_A_PORT.test(text) || isMinified(file, text)) return { references: [], problems: [] };
  const site: FileSite = { file, position: textPosition(text), kind: "source" };
  const fileRole: ReferenceRole = isBrowserSource(file) ? "browser" : "connect";
  const references: PortReference[] = [];
  for (const literal of literals(text, language)) {
    const value = text.slice(literal.from, literal.to);
    const role = roleOf(literal, fileRole);
    const pair = literal.numeric === true ? undefined : hostPortPair(text, literal, site, role);
    if (pair !== undefined) references.push(pair);
    const bare = barePort(text, literal, site, fileRole);
    if (bare !== undefined && !references.some((r) => r.offset === bare.offset)) references.push(bare);
    if (literal.numeric === true || !/:\d/.test(value)) continue;
    const key = literal.variable ?? literal.key;
    const bind = language === "go" ? goBind(text, literal, site, key) : undefined;
    if (bind !== undefined) {
      references.push(bind);
      continue;
    }
    const found = valueReferences(value, literal.from, site, {
      ...(key === undefined ? {} : { key }),
      text: value,
      role: (at) => (at.host !== undefined && WILDCARD.has(at.host) ? "listen" : role),
      strictHosts: true,
      bareNumbers: false,
    });
    for (const ref of found) references.push(ref);
  }
  return { references, problems: [] };
}
