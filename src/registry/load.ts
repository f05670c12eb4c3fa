import { isScalar, LineCounter, parseDocument, visit, type Document } from "yaml";
import { SparkportInputError } from "../errors.js";
import { makeFinding, type Finding, type Location } from "../findings/finding.js";
import { errorCode, type FileSystem } from "../io/file-system.js";
import { registrySchema, type RegistryData } from "./schema.js";
import { useEnglishMessages } from "../util/zod-english.js";
import { bytePosition, firstInvalidUtf8 } from "./utf8.js";
import { CHUNKED_PARSE_MIN_BYTES, parseChunked, splitRegistry } from "./chunked-parse.js";
import { DocumentSourceMap, type SourceMap } from "./yaml-source.js";
import { zodIssuesToFindings } from "./zod-issues.js";

/** Alias expansions allowed before a document counts as an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

export interface LoadedRegistry {
  /** The path as shown in messages. */
  file: string;
  /** The path on disk. */
  absolutePath: string;
  text: string;
  data: RegistryData;
  source: SourceMap;
}

/**
 * Read, parse and validate a registry. Every problem becomes a located
 * finding inside a SparkportInputError, so the CLI can exit 2 with
 * file:line:column and nothing else.
 */
export async function loadRegistry(absolutePath: string, file: string, fs: FileSystem): Promise<LoadedRegistry> {
  const text = decode(await readBytes(absolutePath, file, fs), file);
  return parseRegistry(text, file, absolutePath);
}

export function parseRegistry(text: string, file: string, absolutePath = file, options: { chunked?: boolean } = {}): LoadedRegistry {
  if ((options.chunked ?? text.length >= CHUNKED_PARSE_MIN_BYTES) === true) {
    // A large registry is parsed in pieces when it can be cut safely and every piece is valid;
    // anything else goes the whole-document way below, which also words every problem.
    const sections = splitRegistry(text);
    const chunked = sections === undefined ? undefined : parseChunked(text, file, sections);
    if (chunked !== undefined) {
      useEnglishMessages();
      const parsed = registrySchema.safeParse(chunked.data);
      if (parsed.success) return { file, absolutePath, text, data: parsed.data, source: chunked.source };
    }
  }
  const lines = new LineCounter();
  // logLevel "error": yaml's warnings (a collection used as a key) would go to stderr as Node warnings.
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, logLevel: "error" });
  const source = new DocumentSourceMap(file, doc, lines);
  if (doc.errors.length > 0) {
    throw new SparkportInputError(
      doc.errors.map((e) => {
        // yaml's range for a duplicate key covers only its first character.
        const excerpt = (e.code === "DUPLICATE_KEY" ? keyStartingAt(doc, e.pos[0]) : undefined) ?? text.slice(e.pos[0], e.pos[1]);
        return yamlErrorFinding(e.code, e.message, excerpt, source.offsetLocation(e.pos[0]));
      }),
    );
  }
  if (doc.contents === null) {
    throw new SparkportInputError([makeFinding("registry-empty", "error", {}, { file, line: 1, column: 1 })]);
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml throws a ReferenceError when the alias count limit trips.
    const detail = error instanceof Error ? error.message : String(error);
    const finding = /alias/i.test(detail)
      ? makeFinding("yaml-alias-limit", "error", { limit: MAX_ALIAS_COUNT }, firstAliasLocation(doc, source))
      : makeFinding("yaml-syntax", "error", { detail }, { file });
    throw new SparkportInputError([finding]);
  }
  useEnglishMessages();
  const parsed = registrySchema.safeParse(raw);
  if (!parsed.success) {
    throw new SparkportInputError(zodIssuesToFindings(parsed.error.issues, registrySchema, raw, source));
  }
  return { file, absolutePath, text, data: parsed.data, source };
}

async function readBytes(absolutePath: string, file: string, fs: FileSystem): Promise<Uint8Array> {
  try {
    return await fs.readFile(absolutePath);
  } catch (error) {
    const code = errorCode(error);
    if (code === "EISDIR" || code === "ENOTREGULAR") {
      throw new SparkportInputError([makeFinding("registry-not-a-file", "error", { kind: code === "EISDIR" ? "directory" : "other" }, { file })]);
    }
    const reason =
      code === "ENOENT"
        ? "missing"
        : code === "EACCES" || code === "EPERM"
          ? "denied"
          : code === "ELOOP"
            ? "loop"
            : { other: error instanceof Error ? error.message : String(error) };
    throw new SparkportInputError([makeFinding("registry-unreadable", "error", { reason }, { file })]);
  }
}

function decode(bytes: Uint8Array, file: string): string {
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const { line, column } = bytePosition(bytes, bad);
    const byte = (bytes[bad] ?? 0).toString(16).padStart(2, "0");
    throw new SparkportInputError([makeFinding("registry-not-utf8", "error", { byte }, { file, line, column })]);
  }
  return new TextDecoder("utf-8").decode(bytes);
}

function yamlErrorFinding(code: string, message: string, excerpt: string, location: Location): Finding {
  // yaml's message repeats the position; the location already carries it.
  const detail = message.replace(/ at line \d+, column \d+:?[\s\S]*$/, "");
  if (code === "MULTIPLE_DOCS") {
    return makeFinding("yaml-syntax", "error", { detail: "a second YAML document starts here (---); expected one document" }, location);
  }
  if (code === "DUPLICATE_KEY") {
    const key = excerpt.trim().replace(/^["']|["']$/g, "") || detail;
    return makeFinding("yaml-duplicate-key", "error", { key }, location);
  }
  return makeFinding("yaml-syntax", "error", { detail }, location);
}

/** The scalar mapping key that starts at `offset`, if any. */
function keyStartingAt(doc: Document, offset: number): string | undefined {
  let key: string | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || pair.key.range?.[0] !== offset) return undefined;
      key = String(pair.key.value);
      return visit.BREAK;
    },
  });
  return key;
}

function firstAliasLocation(doc: Document, source: SourceMap): Location {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, alias) {
      offset = alias.range?.[0];
      return visit.BREAK;
    },
  });
  return offset === undefined ? { file: source.file } : source.offsetLocation(offset);
}
