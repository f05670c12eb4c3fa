import { describe, expect, it } from "vitest";
import { UsageError } from "../src/findings/errors.js";
import { MAX_DURATION_MS, parseDuration } from "../src/util/parse-duration.js";

describe("parseDuration", () => {
  it.each([
    ["500ms", 500],
    ["2s", 2_000],
    ["1.5s", 1_500],
    ["750", 750],
    ["1m", 60_000],
    ["0.25m", 15_000],
    [".5s", 500],
    ["1.4ms", 1],
    [" 3s ", 3_000],
    [String(MAX_DURATION_MS), MAX_DURATION_MS],
  ])("%j is %d ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(["abc", "-1", "0", "0s", "0.4ms", "", " ", "5h", "1 s", "2S", "1e3", "NaN", "Infinity", "1.", "s", "25d", String(MAX_DURATION_MS + 1), "36000m"])(
    "%j is a UsageError",
    (text) => {
      expect(() => parseDuration(text)).toThrow(UsageError);
    },
  );

  it("says what was expected, for which option, and what it got", () => {
    expect(() => parseDuration("abc", "--timeout")).toThrow(
      '--timeout must be a positive duration such as 500ms, 2s, 1.5s, 1m or 750 (milliseconds); got "abc"',
    );
    expect(() => parseDuration("0.2ms", "--timeout")).toThrow(/got "0\.2ms", which is less than 1 ms$/);
    expect(() => parseDuration("40000m")).toThrow(/^duration must be .*longer than 2147483647 ms/);
  });
});
