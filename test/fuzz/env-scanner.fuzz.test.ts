import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { envValues } from "../../src/project/env-values.js";
import { parseEnvLines } from "../../src/project/parse-env-lines.js";
import type { PortReference } from "../../src/project/port-reference.js";
import { portsInValue } from "../../src/project/ports-in-value.js";
import { scanEnvFile } from "../../src/project/scan-env-file.js";
import { textPosition } from "../../src/util/text-position.js";
import { anyText, isPort, mutated, parsesOrThrowsTyped, portText, runs } from "./fuzz-helpers.js";

// The env-file scanner (src/project/scan-env-file.ts and parse-env-lines.ts) reads .env files; a line it cannot read
// becomes a problem and the rest is still read. It is documented never to throw.

const portOf = (text: string): number | undefined => (/^\d{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65_535 ? Number(text) : undefined);

const HOSTS = ["localhost", "100.123.51.5", "db", "[::1]", "127.0.0.1", "api.example.com"];
/** `KEY=VALUE` shapes whose value names a port, `{P}` where it goes. */
const SHAPES: ReadonlyArray<{ key: string; value: string }> = [
  { key: "APP_PORT", value: "{P}" },
  { key: "PGPORT", value: "{P}" },
  { key: "DATABASE_URL", value: "postgresql://u:p@{H}:{P}/db" },
  { key: "REDIS_URL", value: "redis://:pw@{H}:{P}/0" },
  { key: "API", value: "http://{H}:{P}/v1" },
  { key: "MINIO_ENDPOINT", value: "{H}:{P}" },
  { key: "CORS_ORIGINS", value: '["http://{H}:{P}", "https://x.example"]' },
  { key: "ALLOWED", value: "{H}:{P},other:1" },
];

const lineArb = fc
  .tuple(fc.constantFrom(...SHAPES), fc.constantFrom(...HOSTS), portText, fc.constantFrom("", "'", '"'), fc.constantFrom("", "export "), fc.constantFrom("", " # a comment", "   "))
  .map(([shape, host, port, quote, exportWord, comment]) => {
    const value = shape.value.replace("{H}", host).replace("{P}", port);
    // A quote the value holds would close the quoting early: such a value goes unquoted.
    const q = quote !== "" && value.includes(quote) ? "" : quote;
    return { shape, host, port, line: `${exportWord}${shape.key}=${q}${value}${q}${comment}` };
  });
const fileArb = fc.tuple(fc.array(lineArb, { minLength: 1, maxLength: 6 }), fc.constantFrom("\n", "\r\n"), fc.boolean()).map(([lines, eol, bom]) => ({
  lines,
  text: `${bom ? "\uFEFF" : ""}${lines.map((l) => l.line).join(eol)}${eol}`,
}));

/** Every reference is a port 1-65535 whose digits stand at its offset, line and column. */
function checkReferences(text: string, references: readonly PortReference[]): void {
  const position = textPosition(text);
  for (const r of references) {
    expect(isPort(r.port)).toBe(true);
    expect(r.offset >= 0 && r.offset + r.length <= text.length).toBe(true);
    expect(Number(text.slice(r.offset, r.offset + r.length))).toBe(r.port);
    expect({ line: r.line, column: r.column }).toEqual(position(r.offset));
  }
}

describe("scanEnvFile (fuzz)", () => {
  it("never throws on arbitrary, mutated or generated .env text; every port stands where it says", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fileArb.map((f) => f.text), mutated(fileArb.map((f) => f.text), 5)), (text) => {
        const result = parsesOrThrowsTyped(() => scanEnvFile(text, ".env"));
        checkReferences(text, result?.references ?? []);
        for (const p of result?.problems ?? []) expect(Number.isInteger(p.line) && (p.line ?? 0) >= 1 && Number.isInteger(p.column)).toBe(true);
      }),
      runs(1000),
    );
  });

  it("finds the port each line names, and only ports 1-65535", () => {
    fc.assert(
      fc.property(fileArb, ({ lines, text }) => {
        const { references, problems } = scanEnvFile(text, ".env");
        expect(problems).toEqual([]);
        checkReferences(text, references);
        lines.forEach(({ shape, port }, index) => {
          const expected = portOf(port);
          const onLine = references.filter((r) => r.line === index + 1 && r.key === shape.key);
          if (expected !== undefined) expect(onLine.map((r) => r.port)).toContain(expected);
          // A value that is not a port (`65536`, `-1`, `1e3`, `NaN`) is no reference; a comma or a space can
          // leave a valid one behind (`8,000` lists 8), as a comma list would read it.
          else if (/^[\w.+-]*$/.test(port)) expect(onLine.filter((r) => !(shape.key === "ALLOWED" && r.port === 1))).toEqual([]);
        });
      }),
      runs(600),
    );
  });

  it("reads the same ports with spaces around `=`, trailing blanks and CRLF line ends", () => {
    const blanks = fc.constantFrom("", " ", "\t", "  ");
    fc.assert(
      fc.property(fileArb, blanks, blanks, fc.constantFrom("\n", "\r\n"), ({ lines }, before, after, eol) => {
        const plain = scanEnvFile(lines.map((l) => l.line).join("\n"), ".env");
        const spaced = scanEnvFile(lines.map((l) => `${l.line.replace("=", `${before}=${after}`)}${after}`).join(eol), ".env");
        const brief = (rs: readonly PortReference[]): string[] => rs.map((r) => `${r.line} ${r.key ?? ""} ${r.host ?? "-"} ${r.port}`);
        expect(brief(spaced.references)).toEqual(brief(plain.references));
      }),
      runs(400),
    );
  });
});

describe("parseEnvLines and envValues (fuzz)", () => {
  it("never throw; each key and raw value stands at its offset", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, mutated(fileArb.map((f) => f.text), 5)), (text) => {
        const { entries } = parsesOrThrowsTyped(() => parseEnvLines(text)) ?? { entries: [] };
        for (const e of entries) {
          expect(text.slice(e.keyOffset, e.keyOffset + e.key.length)).toBe(e.key);
          expect(text.slice(e.rawOffset, e.rawOffset + e.raw.length)).toBe(e.raw);
          expect(text.slice(e.valueOffset, e.valueOffset + e.value.length)).toBe(e.value);
        }
        parsesOrThrowsTyped(() => envValues(text, ".env"));
      }),
      runs(800),
    );
  });
});

describe("portsInValue (fuzz)", () => {
  it("never throws; every port is 1-65535 at its index in the value", () => {
    const key = fc.oneof(fc.constantFrom("PORT", "APP_PORT", "DB_IMAGE", "URL", "REPORT"), fc.string({ maxLength: 8 }));
    fc.assert(
      fc.property(fc.oneof(anyText, mutated(lineArb.map((l) => l.line.slice(l.line.indexOf("=") + 1)), 4)), fc.option(key, { nil: undefined }), (value, k) => {
        for (const found of parsesOrThrowsTyped(() => portsInValue(value, k)) ?? []) {
          expect(isPort(found.port)).toBe(true);
          expect(Number(value.slice(found.index, found.index + found.length))).toBe(found.port);
        }
      }),
      runs(800),
    );
  });
});
