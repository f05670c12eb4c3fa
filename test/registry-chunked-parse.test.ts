import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SparkportInputError } from "../src/findings/errors.js";
import { parseChunked } from "../src/registry/chunked-parse.js";
import { splitRegistry } from "../src/registry/split-registry.js";
import { parseRegistry } from "../src/registry/parse-registry.js";
import { DocumentSourceMap } from "../src/registry/yaml-source.js";
import { runs } from "./fuzz/fuzz-helpers.js";
import { paths, registries } from "./helpers/registry-arbitrary.js";

// A large registry is parsed in pieces (src/registry/chunked-parse.ts) to keep
// memory near the size of the text. It must give exactly what the
// whole-document parse gives: the same data, and the same line and column for
// every path a finding can name. The pieces are forced here on small files.

describe("chunked registry parse", () => {
  it("gives the data and every location of the whole-document parse", () => {
    fc.assert(
      fc.property(registries, (text) => {
        const whole = parseRegistry(text, "ports.yaml", "ports.yaml", { chunked: false, fast: false });
        const chunked = parseRegistry(text, "ports.yaml", "ports.yaml", { chunked: true, fast: false });
        expect(splitRegistry(text)).toBeDefined();
        expect(chunked.source).not.toBeInstanceOf(DocumentSourceMap);
        expect(chunked.data).toEqual(whole.data);
        const { at, keyAt } = paths(whole.data.services.length);
        for (const p of at) expect(chunked.source.at(p), JSON.stringify(p)).toEqual(whole.source.at(p));
        for (const [p, key] of keyAt) expect(chunked.source.keyAt(p, key), `${JSON.stringify(p)} ${key}`).toEqual(whole.source.keyAt(p, key));
      }),
      runs(60),
    );
  });

  it("declines what it cannot cut safely, and the whole-document parse takes over", () => {
    const base = "version: 1\nnodes: {}\nteams: {}\nenvironments: {}\nservices: []\n";
    for (const text of [
      `%YAML 1.2\n---\n${base}`,
      `${base}---\nversion: 2\n`,
      `${base}\tz: 1\n`,
      `${base}services: []\n`,
      `version: 1\nservices: [\n]\n`,
      `services:\n  - a\n - b\n`,
      `services:\n  - a\n  b: c\n`,
      `${base}\u00a0bogus: 1\n`,
      `version: 1\r\u00a0\rnodes: {}\n`,
      `version: 1\nservices:\n\f\n  - a\n`,
      `version: 1\n__proto__:\n  project: injected\n`,
    ]) {
      expect(splitRegistry(text), JSON.stringify(text)).toBeUndefined();
    }
    // Cut fine, but a piece holds an anchor or alias: declined piece by piece.
    for (const text of [`${base}x: &a 1\n`, `${base}y: [*a]\n`, `${base}z: {"k":&b 1}\n`]) {
      const sections = splitRegistry(text);
      expect(sections, JSON.stringify(text)).toBeDefined();
      expect(sections === undefined ? "no sections" : parseChunked(text, "ports.yaml", sections), JSON.stringify(text)).toBeUndefined();
    }
  });

  it("anchors and aliases, however written, send the file the whole-document way (its alias limit included)", () => {
    const bomb = ['{"k0": 1}', ...Array.from({ length: 12 }, (_, i) => `{"l${i + 1}":&a${i + 1} [${Array.from({ length: 10 }, () => `*a${i}`).join(",")}]}`)];
    const text = `version: 1\nnodes:\n  here: {address: 127.0.0.1, os: linux}\nx0: &a0 {"k": 1}\nproject:\n${bomb.map((b) => `  - ${b}`).join("\n")}\n`;
    const problems = (chunked: boolean): unknown => {
      try {
        parseRegistry(text, "ports.yaml", "ports.yaml", { chunked });
      } catch (error) {
        return error instanceof SparkportInputError ? error.problems.map((p) => p.code) : error;
      }
      return undefined;
    };
    expect(problems(true)).toEqual(problems(false));
    expect(problems(true)).toEqual(["yaml-alias-limit"]);
  });

  it("a broken piece falls back to the whole-document parse, which locates the problem in the file", () => {
    const items = Array.from({ length: 120 }, (_, i) => `  - {name: s${i}, team: B, node: here, port: ${20000 + i}, protocol: http, access: all-nodes, status: running}`);
    items[77] = "  - {name: s77, team: B, port: [unclosed";
    const text = `version: 1\nnodes:\n  here: {address: 127.0.0.1, os: linux}\nteams:\n  B: {name: B, ranges: [{name: b, from: 20000, to: 29999}]}\nenvironments:\n  dev: {offset: 0}\nservices:\n${items.join("\n")}\n`;
    const problems = (chunked: boolean): unknown => {
      try {
        parseRegistry(text, "ports.yaml", "ports.yaml", { chunked });
      } catch (error) {
        return error instanceof SparkportInputError ? error.problems : error;
      }
      return undefined;
    };
    expect(problems(true)).toEqual(problems(false));
    expect(problems(true)).toEqual(expect.arrayContaining([expect.objectContaining({ code: "yaml-syntax", location: { file: "ports.yaml", line: 87, column: 3 } })]));
  });
});
