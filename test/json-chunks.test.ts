import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prettyJsonChunks } from "../src/render/json-chunks.js";
import { runs } from "./fuzz/fuzz-helpers.js";

const joined = (value: unknown) => [...prettyJsonChunks(value)].join("");

describe("prettyJsonChunks", () => {
  it("writes exactly what JSON.stringify(value, null, 2) writes, for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(joined(value)).toBe(JSON.stringify(value, null, 2));
      }),
      runs(300),
    );
  });

  it("for objects with long arrays, and what JSON leaves out or writes as null", () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => ({ service: `s${i}`, port: 20_000 + i, addresses: i % 3 === 0 ? [] : ["127.0.0.1"], note: i % 7 === 0 ? undefined : "a\nb \u202e" }));
    const samples: unknown[] = [
      { registry: "ports.yaml", thisNode: null, rows, notes: [], findings: [{ code: "x", location: { file: "f", line: 1 } }], exitCode: 1 },
      { a: undefined, b: () => 1, c: [undefined, () => 1, Symbol("s")], d: [[1, [2, { e: [] }]], {}], "we\"ird\nkey": 1 },
      { onlyUndefined: undefined },
      { when: new Date(0), nested: { toJSON: () => "custom" } },
      { keyed: { toJSON: (key: string) => key }, rows: Object.assign([1, 2], { toJSON: () => "replaced" }) },
      { gone: { toJSON: () => undefined }, kept: 1 },
      new Date(0),
      [1, 2, 3],
    ];
    for (const value of samples) expect(joined(value)).toBe(JSON.stringify(value, null, 2));
    // The long array comes in pieces: no piece holds more than one row.
    expect(Math.max(...[...prettyJsonChunks(samples[0])].map((c) => c.length))).toBeLessThan(400);
  });
});
