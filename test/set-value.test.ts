import { describe, expect, it } from "vitest";
import { setValue } from "../src/edit/splice.js";

// move writes an environment's own port, set-status its status: one splice each, every other byte kept.
describe("setValue", () => {
  const set = (text: string): string => setValue(text, ["a", "test", "port"], 8005);

  it("replaces a scalar, adds a key to a block or flow mapping", () => {
    expect(set("a:\n  test: { port: 8001 }  # c\n")).toBe("a:\n  test: { port: 8005 }  # c\n");
    expect(set("a:\n  test: {}\n")).toBe("a:\n  test: { port: 8005 }\n");
    expect(set("a:\n  test: { status: x }  # c\n")).toBe("a:\n  test: { status: x, port: 8005 }  # c\n");
    expect(set("a:\n  test:\n    status: x # s\n  b: 1\n")).toBe("a:\n  test:\n    status: x # s\n    port: 8005\n  b: 1\n");
  });

  it("fills an empty mapping written as nothing or null, keeping a comment after it", () => {
    expect(set("a:\n  test:\n  b: 1\n")).toBe("a:\n  test: { port: 8005 }\n  b: 1\n");
    expect(set("a:\n  test:   # c\n  b: 1\n")).toBe("a:\n  test: { port: 8005 }   # c\n  b: 1\n");
    expect(set("a:\n  test: ~\n")).toBe("a:\n  test: { port: 8005 }\n");
    expect(set("a: { test: null, b: 1 }\n")).toBe("a: { test: { port: 8005 }, b: 1 }\n");
  });

  it("writes a number as a number and a word unquoted", () => {
    expect(setValue("s:\n  port: 1\n  status: running\n", ["s", "status"], "stopped")).toBe("s:\n  port: 1\n  status: stopped\n");
    expect(setValue("s:\n  port: 1\n", ["s", "port"], 2)).toBe("s:\n  port: 2\n");
  });
});
