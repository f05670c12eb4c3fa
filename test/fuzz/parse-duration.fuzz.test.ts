import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/findings/errors.js";
import { MAX_DURATION_MS, parseDuration } from "../../src/util/parse-duration.js";
import { anyText, mutated, parsesOrThrowsTyped, portText, runs } from "./fuzz-helpers.js";

// parseDuration (src/util/parse-duration.ts) reads --timeout: milliseconds 1..MAX_DURATION_MS, or a UsageError
// naming the option. Nothing else is documented to be thrown.

const UNITS = { ms: 1, s: 1_000, m: 60_000 } as const;
const durationArb = fc
  .tuple(fc.oneof(portText, fc.integer({ min: 0, max: 2 ** 32 }).map(String), fc.double({ min: 0, max: 1e7, noNaN: true }).map(String)), fc.constantFrom("", "ms", "s", "m", "h", "S", " s", "sec"))
  .map(([amount, unit]) => `${amount}${unit}`);

describe("parseDuration (fuzz)", () => {
  it("returns whole milliseconds 1..MAX_DURATION_MS or throws a UsageError naming the option, for any text", () => {
    fc.assert(
      fc.property(fc.oneof(durationArb, mutated(durationArb, 3), anyText), (text) => {
        let caught: unknown;
        const ms = parsesOrThrowsTyped(() => {
          try {
            return parseDuration(text, "--timeout");
          } catch (error) {
            caught = error;
            throw error;
          }
        }, [UsageError]);
        if (ms === undefined) {
          expect(caught).toBeInstanceOf(UsageError);
          expect(String(caught)).toContain("--timeout");
          return;
        }
        expect(Number.isInteger(ms) && ms >= 1 && ms <= MAX_DURATION_MS).toBe(true);
      }),
      runs(1000),
    );
  });

  it("reads N, Nms, Ns and Nm as the number of milliseconds they are, within the limit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 }), fc.constantFrom("", "ms", "s", "m"), (n, unit) => {
        const expected = n * UNITS[unit === "" ? "ms" : unit];
        const text = `${n}${unit}`;
        if (expected >= 1 && expected <= MAX_DURATION_MS) expect(parseDuration(text)).toBe(expected);
        else expect(() => parseDuration(text)).toThrow(UsageError);
      }),
      runs(600),
    );
  });

  it("ignores blanks around the value", () => {
    fc.assert(
      fc.property(durationArb, fc.constantFrom(" ", "\t", "\n", "  "), (text, blank) => {
        const plain = parsesOrThrowsTyped(() => parseDuration(text), [UsageError]);
        const padded = parsesOrThrowsTyped(() => parseDuration(`${blank}${text}${blank}`), [UsageError]);
        expect(padded).toBe(plain);
      }),
      runs(300),
    );
  });
});
