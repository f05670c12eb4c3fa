import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SparkportInputError } from "../src/errors.js";
import { parseChunked, splitRegistry } from "../src/registry/chunked-parse.js";
import { parseRegistry } from "../src/registry/load.js";
import { DocumentSourceMap, type PathSegment } from "../src/registry/yaml-source.js";
import { runs } from "./fuzz/fuzz-helpers.js";

// A large registry is parsed in pieces (src/registry/chunked-parse.ts) to keep
// memory near the size of the text. It must give exactly what the
// whole-document parse gives: the same data, and the same line and column for
// every path a finding can name. The pieces are forced here on small files.

interface Item {
  name: string;
  port: number;
  style: "flow" | "block" | "dash-alone";
  keyOrder: number;
  note: "none" | "quoted" | "literal" | "empty-env";
  envs: boolean;
  comment: "none" | "column-0" | "indented" | "blank";
}

const item: fc.Arbitrary<Omit<Item, "name" | "port">> = fc.record({
  style: fc.constantFrom("flow", "block", "dash-alone"),
  keyOrder: fc.nat(5),
  note: fc.constantFrom("none", "quoted", "literal", "empty-env"),
  envs: fc.boolean(),
  comment: fc.constantFrom("none", "column-0", "indented", "blank"),
});

function fields(it: Item): [string, string][] {
  const base: [string, string][] = [
    ["name", it.name],
    ["team", "B"],
    ["node", "here"],
    ["port", String(it.port)],
    ["protocol", "http"],
    ["access", "all-nodes"],
    ["status", "running"],
  ];
  const turn = it.keyOrder % base.length;
  return [...base.slice(turn), ...base.slice(0, turn)];
}

function render(it: Item, indent: string): string {
  const lines: string[] = [];
  if (it.comment === "column-0") lines.push("# a comment at column 0 between items");
  if (it.comment === "indented") lines.push(`${indent}  # an indented comment`);
  if (it.comment === "blank") lines.push("");
  if (it.style === "flow" && it.note !== "literal" && it.note !== "empty-env" && !it.envs) {
    const note = it.note === "quoted" ? [`note: "a: b # not a comment"`] : [];
    lines.push(`${indent}- {${[...fields(it).map(([k, v]) => `${k}: ${v}`), ...note].join(", ")}}`);
    return lines.join("\n");
  }
  const pad = `${indent}  `;
  const body = fields(it).map(([k, v]) => `${pad}${k}: ${v}`);
  if (it.note === "quoted") body.push(`${pad}note: 'it''s "quoted": # still text'`);
  if (it.note === "literal") body.push(`${pad}note: |`, `${pad}  first line`, "", `${pad}  - not an item`, `${pad}  third: line`);
  const envs = it.envs ? [`${pad}  test: {}`, `${pad}  staging:`, `${pad}    port: ${it.port + 10}`] : [];
  // An environment written with no value at all (`dev:`): its location is its key's.
  if (it.note === "empty-env") envs.push(`${pad}  dev:`);
  if (envs.length > 0) body.push(`${pad}environments:`, ...envs);
  if (it.style === "dash-alone") lines.push(`${indent}-`, ...body);
  else lines.push(`${indent}- ${(body[0] ?? "").trimStart()}`, ...body.slice(1));
  return lines.join("\n");
}

function registry(items: readonly Item[], indent: string, servicesFirst: boolean): string {
  const head = [
    "# yaml-language-server: $schema=./ports.schema.json",
    "version: 1",
    "nodes:",
    "  here: {address: 127.0.0.1, os: linux}",
    "teams:",
    "  B:",
    "    name: Backend",
    "    ranges: [{name: b, from: 20000, to: 29999}]",
    "environments:",
    "  dev: {offset: 0}",
    "  test: {offset: 1}",
    "  staging: {offset: 10}",
  ];
  const services = ["services:", ...items.map((i) => render(i, indent))];
  const reservations = ["reservations:", `${indent}- {name: later, port: 29999, purpose: "held: for later", priority: low}`];
  return `${(servicesFirst ? [head[0] ?? "", ...services, ...head.slice(1), ...reservations] : [...head, ...services, ...reservations]).join("\n")}\n`;
}

const registries = fc
  .record({ items: fc.array(item, { minLength: 1, maxLength: 140 }), indent: fc.constantFrom("", "  ", "    "), servicesFirst: fc.boolean() })
  .map(({ items, indent, servicesFirst }) => registry(items.map((x, i) => ({ ...x, name: `s${i}`, port: 20000 + i * 20 })), indent, servicesFirst));

function paths(count: number): { at: PathSegment[][]; keyAt: [PathSegment[], string][] } {
  const at: PathSegment[][] = [["services"], ["services", "x"], ["services", -1], ["version"], ["nodes", "here", "address"], ["reservations", 0, "purpose"], ["teams", "B", "ranges", 0]];
  const keyAt: [PathSegment[], string][] = [[["teams", "B"], "name"], [["services"], "x"], [["services", count + 1], "port"]];
  for (let i = 0; i < count; i += 1) {
    at.push(["services", i], ["services", i, "port"], ["services", i, "note"], ["services", i, "missing"], ["services", i, "environments"], ["services", i, "environments", "staging", "port"], ["services", i, "environments", "test"], ["services", i, "environments", "dev"]);
    keyAt.push([["services", i], "status"], [["services", i], "nope"], [["services", i, "environments"], "staging"]);
  }
  at.push(["services", count + 5, "port"]);
  return { at, keyAt };
}

describe("chunked registry parse", () => {
  it("gives the data and every location of the whole-document parse", () => {
    fc.assert(
      fc.property(registries, (text) => {
        const whole = parseRegistry(text, "ports.yaml", "ports.yaml", { chunked: false });
        const chunked = parseRegistry(text, "ports.yaml", "ports.yaml", { chunked: true });
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
