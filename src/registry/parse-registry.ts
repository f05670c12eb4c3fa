import { isScalar, parseDocument, visit, type Document } from "yaml";
import { SparkportInputError } from "../findings/errors.js";
import { makeFinding, type Finding, type Location } from "../findings/finding.js";
import { registrySchema } from "./schema.js";
import { useEnglishMessages } from "../util/zod-english.js";
import { CHUNKED_PARSE_MIN_BYTES, parseChunked } from "./chunked-parse.js";
import { splitRegistry } from "./split-registry.js";
import type { LoadedRegistry } from "./loaded-registry.js";
import type { SourceMap } from "./source-map.js";
import { DocumentSourceMap, positionTree, sameRegistryKey } from "./yaml-source.js";
import { CachedSourceMap, type PositionTable } from "./cached-source-map.js";
import { fastParse } from "./fast-parse.js";
import { zodIssuesToFindings } from "./zod-issues.js";
import { reservedKeyFindings } from "./reserved-keys.js";
import { textPosition } from "../util/text-position.js";

/** Alias expansions allowed before a document counts as an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

export interface ParseOptions {
  /** Defaults to texts of CHUNKED_PARSE_MIN_BYTES and more. */
  chunked?: boolean;
  /** Also give every value's position, for the registry cache. */
  positions?: boolean;
  /** False: yaml's document only, as for a registry js-yaml declines (tests compare the two). */
  fast?: boolean;
}

/** Kept apart from load.ts so a run served from the cache never loads yaml or the schema. Throws SparkportInputError. */
export function parseRegistry(text: string, file: string, absolutePath = file, options: ParseOptions = {}): LoadedRegistry & { positions?: PositionTable } {
  // A valid registry is read from js-yaml's events; anything else goes on to yaml, which words every problem.
  const fast = options.fast === false ? undefined : fastParse(text);
  if (fast !== undefined) {
    const source = new CachedSourceMap(file, text, () => fast.positions);
    if (reservedKeyFindings(fast.values, source).length === 0) {
      useEnglishMessages();
      const parsed = registrySchema.safeParse(fast.values);
      if (parsed.success) return { file, absolutePath, text, data: parsed.data, source, ...(options.positions === true ? { positions: fast.positions } : {}) };
    }
  }
  if ((options.chunked ?? text.length >= CHUNKED_PARSE_MIN_BYTES) === true) {
    // Pieces only when the text can be cut safely and every piece is valid; the whole-document parse words every problem.
    const sections = splitRegistry(text);
    const chunked = sections === undefined ? undefined : parseChunked(text, file, sections, options.positions === true);
    // A reserved key goes the whole-document way, which locates it.
    if (chunked !== undefined && reservedKeyFindings(chunked.data, chunked.source).length === 0) {
      useEnglishMessages();
      const parsed = registrySchema.safeParse(chunked.data);
      if (parsed.success) return { file, absolutePath, text, data: parsed.data, source: chunked.source, ...(chunked.positions === undefined ? {} : { positions: chunked.positions }) };
    }
  }
  const position = textPosition(text);
  // logLevel "error": yaml's warnings (a collection used as a key) would go to stderr as Node warnings.
  const doc = parseDocument(text, { uniqueKeys: sameRegistryKey, prettyErrors: false, logLevel: "error" });
  const source = new DocumentSourceMap(file, doc, position);
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
  // Before the schema, which drops a `__proto__` key without a word.
  const reserved = reservedKeyFindings(raw, source);
  if (reserved.length > 0) throw new SparkportInputError(reserved);
  useEnglishMessages();
  const parsed = registrySchema.safeParse(raw);
  if (!parsed.success) {
    throw new SparkportInputError(zodIssuesToFindings(parsed.error.issues, registrySchema, raw, source));
  }
  if (options.positions !== true) return { file, absolutePath, text, data: parsed.data, source };
  return { file, absolutePath, text, data: parsed.data, source, positions: positionTree(position, doc.contents, [], undefined, 0) };
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
