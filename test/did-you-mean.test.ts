import { describe, expect, it } from "vitest";
import { didYouMean, editDistance } from "../src/util/did-you-mean.js";

describe("didYouMean", () => {
  it("counts a swap of neighbouring letters as one edit", () => {
    expect(editDistance("alpah", "alpha")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(didYouMean("protcol", ["port", "protocol", "access"])).toBe("protocol");
    expect(didYouMean("potr", ["port", "protocol"])).toBe("port");
  });

  it("suggests a key cut short", () => {
    expect(didYouMean("prot", ["port", "protocol"])).toBe("port");
    expect(didYouMean("envir", ["environments", "exceptions"])).toBe("environments");
  });

  it("stays quiet when nothing is close", () => {
    expect(didYouMean("colour", ["port", "protocol", "access"])).toBeUndefined();
    expect(didYouMean("x", ["port"])).toBeUndefined();
    // Short names that share nothing: --team X is no typo of team A.
    expect(didYouMean("X", ["A", "B", "C"])).toBeUndefined();
    expect(didYouMean("QA", ["B"])).toBeUndefined();
    expect(didYouMean("a", ["A", "B"])).toBe("A");
    expect(didYouMean("runing", ["running", "planned", "reserved"])).toBe("running");
  });
});
