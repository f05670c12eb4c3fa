import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { CachedSourceMap } from "../src/registry/cached-source-map.js";
import { fastParse } from "../src/registry/fast-parse.js";
import { parseRegistry } from "../src/registry/parse-registry.js";
import type { PathSegment } from "../src/registry/source-map.js";
import { DocumentSourceMap, sameRegistryKey } from "../src/registry/yaml-source.js";
import { textPosition } from "../src/util/text-position.js";
import { runs } from "./fuzz/fuzz-helpers.js";
import { paths, registries } from "./helpers/registry-arbitrary.js";

// A registry is read from js-yaml's event stream (src/registry/fast-parse.ts), many times faster than yaml's document.
// It must give exactly yaml's values and the line and column yaml would give for every path; what it cannot read so
// (aliases, tags on collections, errors) it declines, and yaml's parse answers as before.

/** Every path to a value in `value`, and below each mapping one key that is not there (its nearest ancestor answers). */
function everyPath(value: unknown, path: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item: unknown, i) => everyPath(item, [...path, i], out));
  else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) everyPath(child, [...path, key], out);
    out.push([...path, "no-such-key"]);
  }
  return out;
}

/** yaml's values and source map for a text, as parse-registry.ts's whole-document path makes them; undefined when yaml errs or warns. */
function yamlReading(text: string): { values: unknown; source: DocumentSourceMap } | undefined {
  // As parse-registry.ts asks: logLevel "silent" would also drop some errors (a second `...`).
  const doc = parseDocument(text, { uniqueKeys: sameRegistryKey, prettyErrors: false, logLevel: "error" });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  try {
    return { values: doc.toJS({ maxAliasCount: 100 }), source: new DocumentSourceMap("f.yaml", doc, textPosition(text)) };
  } catch {
    return undefined;
  }
}

/** True when the fast path read the text, the same values and locations as yaml; false when it declined. */
function expectSameReading(text: string, label: string): boolean {
  const fast = fastParse(text);
  const slow = yamlReading(text);
  if (slow === undefined) {
    expect(fast, `${label}: read where yaml errs or warns`).toBeUndefined();
    return false;
  }
  if (fast === undefined) return false;
  expect(fast.values, label).toEqual(slow.values);
  const source = new CachedSourceMap("f.yaml", text, () => fast.positions);
  for (const p of everyPath(slow.values)) expect(source.at(p), `${label} ${JSON.stringify(p)}`).toEqual(slow.source.at(p));
  return true;
}

describe("the fast registry parse", () => {
  it("gives the data and every location of yaml's parse, and is the path taken for a valid registry", () => {
    fc.assert(
      fc.property(registries, (text) => {
        const slow = parseRegistry(text, "ports.yaml", "ports.yaml", { chunked: false, fast: false });
        const fast = parseRegistry(text, "ports.yaml", "ports.yaml");
        expect(fast.source).toBeInstanceOf(CachedSourceMap);
        expect(fast.data).toEqual(slow.data);
        // keyAt is asked only of a registry the schema refuses, which yaml's parse locates (zod-issues.ts, reserved-keys.ts).
        for (const p of paths(slow.data.services.length).at) expect(fast.source.at(p), JSON.stringify(p)).toEqual(slow.source.at(p));
      }),
      runs(60),
    );
  });

  it("reads every YAML file of this repository as yaml does: registries, compose files, workflows, Kubernetes manifests", () => {
    const files = execFileSync("git", ["ls-files", "*.yaml", "*.yml"], { encoding: "utf8" }).split("\n").filter(Boolean);
    expect(files.length).toBeGreaterThan(40);
    let read = 0;
    for (const file of files) if (expectSameReading(readFileSync(file, "utf8"), file)) read += 1;
    // The bad-* fixtures are declined; the rest, block scalars (`run: |`) and quoted values included, are read.
    expect(read).toBeGreaterThan(files.length - 12);
  });

  it("places quoted values at the quote and block scalars at their indicator, comments and blank lines around them", () => {
    const texts = [
      "a: 'x'\nb: \"y\"\nc: plain\n",
      "a: |\n  x\n  y\nb: >- # a comment with | and >\n  z\n",
      "a: |+\n\n   indented\nb: >\n\n\n  after blank lines\n",
      "list:\n  - |\n    first\n  - 'second'\n  - {k: \"v\", j: [1, '2']}\n",
      "\uFEFFa: \"after a byte order mark\"\n",
      "a: 1\r\nb: 'crlf'\r\nc: |\r\n  block\r\n",
      "8002: numeric key\n'8003': quoted key\n0x1F: hex key\ntrue: bool key\n",
      "b: &anchored 2\nempty:\nc: {d: }\n",
    ];
    for (const text of texts) expect(expectSameReading(text, JSON.stringify(text)), JSON.stringify(text)).toBe(true);
  });

  it("holds against what an attack on it found: declined, or read exactly as yaml reads it", () => {
    const texts = [
      // A key js-yaml's own load refuses, or reads as another string.
      "a:\n  ...: 1\n",
      "{...: 1}\n",
      "{a\n\n ---: 1}\n",
      "x:\n  --- y: 1\n",
      "{a\n\n b: c}\n",
      "a: 1\n\uFEFFb: 2\n",
      // YAML 1.1 by directive: 010 is 8 and yes is true to yaml.
      "%YAML 1.1\n---\nport: 010\n",
      "%YAML 1.1\n---\nlabel: yes\n",
      // A lone CR: a line break to js-yaml only.
      "a: 1\rb: 2\n",
      "    port: 8000 # moved from 8001\r    locked: true\n",
      "a: x\r\r\n",
      "a: 'x'\r",
      // Tags, escapes and numbers the two resolve differently.
      "port: !!float 8080\n",
      "port: !!int +0o17500\n",
      "a: 1e400\n",
      ".inf: a\n1e400: b\n",
      'a: "x\\U00110000y"\n',
      "!!str 0x1: a\n",
      // Places yaml gives otherwise: a flow entry with no colon, properties on a first key, explicit keys, tagged empties.
      "a: {b, c: 1}\n",
      "environments: {dev, test: {}}\nnext: 1\n",
      "x:\n  &k a: 1\n",
      "- !!str a: 1\n",
      "&k a: 1\n",
      "a: &x|#y |\n  v\n",
      "a: &x># >\n  v\n",
      "? a\n",
      "a: !!str\n",
      "a: !!null ''\n",
      "a: !\n",
      "list: [a: 1, b]\n",
      // A second attack: document end markers, long implicit keys, indentation indicators, explicit keys on their own
      // line, a colon after a comment, a BOM before a sequence.
      "...\na: 1\n",
      "# header\n...\na: 1\n",
      "a: 1\n...\n...\n",
      `${"k".repeat(1025)}: 1\n`,
      `a${" ".repeat(1024)}: 1\n`,
      `services:\n  - ${"k".repeat(1025)}: 1\n`,
      "a: |2\n    \nb: 1\n",
      "a: >2\n     \n",
      "?\n a\n",
      "x:\n  ? # c\n    'a'\n",
      "{a #c\n :}\n",
      `{a${" ".repeat(300)}:}\n`,
      "\uFEFF- a\n",
      // Long lines of `>#` before block scalars: the header search is bounded (a line over 200 characters is declined).
      Array.from({ length: 50 }, (_, i) => `k${i}: x${">#".repeat(500)}\nv${i}: |\n  x\n`).join(""),
      // A third: tab-only lines, a byte order mark before `?`, escaped line breaks, huge hex, `|#` in a key, directives.
      "notes: |\n  x\n\t\nport: 1\n",
      "x:\n  y: |\n    a\n  \t\n  z: 1\n",
      "a: x\n\t\n b\n",
      "a:\n\t",
      "\uFEFF? a\n",
      'a: "x\\\n\n  y"\n',
      `port: 0x${"F".repeat(256)}\n`,
      "x |#y: |\n  v\n",
      '"k|#": |\n  v\n',
      "k>#: >\n  v\n",
      "%FOO bar\n---\na: 1\n",
      // A fourth: a kept block scalar of blank lines ending the file on a line of spaces; an anchor ending in `:`.
      "a: |+\n\n ",
      "a: >+\n  \n ",
      "a: &x: v\n",
    ];
    let read = 0;
    for (const text of texts) if (expectSameReading(text, JSON.stringify(text))) read += 1;
    // `{b, c: 1}` and `{dev, test: {}}` are a registry's everyday style: read, placed where yaml places them.
    expect(read).toBeGreaterThanOrEqual(2);
    expect(fastParse("environments: {dev, test: {}}\n")).toBeDefined();
  });

  it("declines what yaml must read or word, and the registry is then parsed by yaml, its errors and alias limit included", () => {
    for (const text of [
      "a: &x [1]\nb: *x\n",
      "a: &x 1\nb: *x\n",
      "a: !!map {b: 1}\n",
      "a: &m\n  b: 1\n",
      "a: 1\n---\nb: 2\n",
      "",
      "# only a comment\n",
      "a: 1\na: 2\n",
      "1: a\n'1': b\n",
      "? [a, b]\n: 1\n",
      "a: !custom x\n",
      "list:\n  -\n  - x\n",
      "a: {b: 1\n",
      "a:\n\t- 1\n",
      // yaml keys a null key "", js-yaml "null".
      "~: null key\n",
    ]) {
      expect(fastParse(text), JSON.stringify(text)).toBeUndefined();
    }
    const aliased = "version: 1\nnodes:\n  here: &n {address: 127.0.0.1, os: linux}\nteams: {}\nenvironments: {}\nservices: []\n";
    expect(parseRegistry(aliased, "ports.yaml").data.nodes.here?.address).toBe("127.0.0.1");
    const duplicate = "version: 1\nversion: 1\n";
    expect(() => parseRegistry(duplicate, "ports.yaml")).toThrow(/version/);
  });

  it("sends a registry the schema refuses to yaml's parse, so the finding is located as before", () => {
    const text = "version: 1\nnodes:\n  here: {address: 127.0.0.1, os: linux}\nteams: {}\nenvironments: {}\nservices:\n  - {name: a, team: B, node: here, port: 'many'}\n";
    expect(fastParse(text)).toBeDefined();
    let findings: unknown;
    try {
      parseRegistry(text, "ports.yaml");
    } catch (error) {
      findings = (error as { problems?: unknown }).problems;
    }
    expect(findings).toEqual(expect.arrayContaining([expect.objectContaining({ location: expect.objectContaining({ file: "ports.yaml", line: 7 }) })]));
  });
});
