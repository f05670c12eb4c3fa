import { plainMapped } from "../command-line/mapped-text.js";
import { configValueReferences } from "./config-value-references.js";
import type { PortReference, ScanProblem } from "./port-reference.js";
import { textLines, type FileSite } from "./text-references.js";
import { mayHoldPort } from "./yaml-config-values.js";
import { textPosition } from "../util/text-position.js";

export type TomlDialect = "toml" | "ini";

interface Entry {
  section: string[];
  key: string;
  /** The value's text in the file, comment excluded, and where it starts. */
  value: string;
  start: number;
  listItem: boolean;
}

const SECTION = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:[#;].*)?$/;
const TOML_KEY = /^(\s*)((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=\s*/;
const INI_KEY = /^(\s*)([^\s=:;#[][^=:]*?)\s*[=:]\s*/;

const keyParts = (key: string): string[] => key.split(/\s*\.\s*(?=(?:[^"']|"[^"]*"|'[^']*')*$)/).map((k) => k.replace(/^["']|["']$/g, ""));

/** Up to a `#` (or `;` in INI) outside quotes that follows a space or starts the value. */
function withoutComment(value: string, dialect: TomlDialect): string {
  let quote = "";
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    if (quote !== "") {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if ((c === "#" || (dialect === "ini" && c === ";")) && (i === 0 || /\s/.test(value.charAt(i - 1)))) return value.slice(0, i).trimEnd();
  }
  return value.trimEnd();
}

/** Each `key = value` with its section; a list or a multi-line string that runs over lines gives one entry per line. */
function entries(text: string, dialect: TomlDialect): Entry[] {
  const found: Entry[] = [];
  let section: string[] = [];
  let open: { key: string; closer: string } | undefined;
  for (const { line, start } of textLines(text)) {
    if (open !== undefined) {
      const value = open.closer === "]" ? withoutComment(line, dialect) : line;
      found.push({ section, key: open.key, value, start, listItem: open.closer === "]" });
      if (line.includes(open.closer)) open = undefined;
      continue;
    }
    if (/^\s*(?:[#;]|$)/.test(line)) continue;
    const header = SECTION.exec(line);
    if (header !== null) {
      section = keyParts(header[1] ?? "");
      continue;
    }
    const match = (dialect === "toml" ? TOML_KEY : INI_KEY).exec(line);
    if (match === null) continue;
    const key = (match[2] ?? "").trim();
    const value = withoutComment(line.slice(match[0].length), dialect);
    const valueStart = start + match[0].length;
    found.push({ section, key, value, start: valueStart, listItem: value.startsWith("[") });
    if (dialect === "toml" && value.startsWith("[") && !value.includes("]")) open = { key, closer: "]" };
    else if (dialect === "toml" && /^(?:"""|''')/.test(value) && value.indexOf(value.slice(0, 3), 3) < 0) open = { key, closer: value.slice(0, 3) };
  }
  return found;
}

/** Quoted strings in the value, each on its own; a value with no quotes as a whole. */
function* pieces(value: string): Generator<{ text: string; index: number }> {
  const quoted = /"((?:[^"\\]|\\.)*)"|'([^']*)'/g;
  let any = false;
  for (const match of value.matchAll(quoted)) {
    any = true;
    const inner = match[1] ?? match[2] ?? "";
    yield { text: inner, index: match.index + 1 };
  }
  if (!any) {
    const bare = value.replace(/^[[\s]+|[\],\s]+$/g, "");
    if (bare !== "") yield* bare.split(/\s*,\s*/).map((text) => ({ text, index: value.indexOf(text) }));
  }
}

/**
 * TOML (pyproject settings, `[tool.locust] host = "…"`) and INI-like files (`locust.conf`, `alembic.ini`), read a line
 * at a time: URLs and `host:port` strings in values, bare numbers under port keys, a `host` beside a `port` in the same section.
 */
export function scanTomlFile(text: string, file: string, dialect: TomlDialect): { references: PortReference[]; problems: ScanProblem[] } {
  const site: FileSite = { file, position: textPosition(text), kind: "config" };
  const all = entries(text, dialect);
  const sections = new Map<string, Map<string, string>>();
  for (const entry of all) {
    const name = entry.section.join(".");
    let siblings = sections.get(name);
    if (siblings === undefined) sections.set(name, (siblings = new Map()));
    const plain = /^\s*["']?([^"'\s]*)["']?\s*$/.exec(entry.value)?.[1];
    if (plain !== undefined && !entry.listItem) siblings.set(entry.key.toLowerCase(), plain);
  }
  const references: PortReference[] = [];
  for (const entry of all) {
    const path = [...entry.section, ...keyParts(entry.key)];
    const siblings = sections.get(entry.section.join(".")) ?? new Map<string, string>();
    for (const piece of pieces(entry.value)) {
      if (!mayHoldPort(piece.text) || piece.index < 0) continue;
      const place = { path, siblings, ...(entry.listItem ? { listItem: true } : {}) };
      for (const ref of configValueReferences(plainMapped(piece.text, entry.start + piece.index), place, site)) references.push(ref);
    }
  }
  return { references, problems: [] };
}
