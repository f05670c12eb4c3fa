import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/findings/errors.js";
import { parsePortArg } from "../../src/commands/check/parse-port-arg.js";
import { anyText, isPort, mutated, parsesOrThrowsTyped, portText, runs } from "./fuzz-helpers.js";

// parsePortArg (src/commands/check/parse-port-arg.ts) reads `check`'s arguments: 8002, :8002, host:8002, node:8002,
// [::1]:8002. Anything else is a UsageError; nothing else is documented to be thrown.

// A leading zero (08000) is refused: a YAML reader may take it as octal.
const portOf = (text: string): number | undefined => (/^[1-9]\d{0,4}$/.test(text) && Number(text) <= 65_535 ? Number(text) : undefined);

const HOSTS = [
  { prefix: "", host: undefined },
  { prefix: ":", host: undefined },
  { prefix: "macmini:", host: "macmini" },
  { prefix: "10.0.0.5:", host: "10.0.0.5" },
  { prefix: "[::1]:", host: "::1" },
  { prefix: "[fe80::1%eth0]:", host: "fe80::1%eth0" },
  { prefix: "host.example:", host: "host.example" },
];
const argArb = fc.tuple(fc.constantFrom(...HOSTS), portText).map(([h, port]) => ({ ...h, port, raw: `${h.prefix}${port}` }));

describe("parsePortArg (fuzz)", () => {
  it("returns a port 1-65535 (and the raw text) or throws a UsageError quoting the argument, for any text", () => {
    fc.assert(
      fc.property(fc.oneof(argArb.map((a) => a.raw), mutated(argArb.map((a) => a.raw), 3), anyText), (raw) => {
        const arg = parsesOrThrowsTyped(() => parsePortArg(raw), [UsageError]);
        if (arg === undefined) {
          expect(() => parsePortArg(raw)).toThrow(new RegExp(`^"${raw.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&")}" (is not a port|has a leading zero)`));
          return;
        }
        expect(isPort(arg.port)).toBe(true);
        expect(arg.raw).toBe(raw);
        if (arg.host !== undefined) expect(arg.host).not.toBe("");
      }),
      runs(1000),
    );
  });

  it("reads the port and host of each form, and rejects a port that is not one (0, 65536, -1, 1e3, NaN, 8000.0)", () => {
    fc.assert(
      fc.property(argArb, ({ raw, host, port }) => {
        const expected = portOf(port.trim() === port ? port : "");
        if (expected === undefined) {
          if (!/\s/.test(port)) expect(() => parsePortArg(raw)).toThrow(UsageError);
          return;
        }
        expect(parsePortArg(raw)).toEqual(host === undefined ? { port: expected, raw } : { port: expected, host, raw });
      }),
      runs(800),
    );
  });

  it("ignores blanks around the argument", () => {
    fc.assert(
      fc.property(argArb, fc.constantFrom(" ", "\t", "  "), ({ raw }, blank) => {
        const plain = parsesOrThrowsTyped(() => parsePortArg(raw), [UsageError]);
        const padded = parsesOrThrowsTyped(() => parsePortArg(`${blank}${raw}${blank}`), [UsageError]);
        expect(padded === undefined ? undefined : { port: padded.port, host: padded.host }).toEqual(plain === undefined ? undefined : { port: plain.port, host: plain.host });
      }),
      runs(300),
    );
  });
});
