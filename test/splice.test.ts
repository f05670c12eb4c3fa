import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { setValue } from "../src/edit/splice.js";

// setValue splices one value into the registry's text. A flow mapping nested in another (`{dev: {}, test: {…}}`, the
// quick start's style) once took the enclosing brace for its own: the port landed in `environments`.
describe("setValue", () => {
  it("adds a key to a flow mapping nested in another, keeping each one's spacing", () => {
    const tight = "environments: {dev: {}, test: {status: reserved}}\n";
    expect(setValue(tight, ["environments", "test", "port"], 8005)).toBe("environments: {dev: {}, test: {status: reserved, port: 8005}}\n");
    const spaced = "environments: { dev: {}, test: { status: reserved } }\n";
    expect(setValue(spaced, ["environments", "test", "port"], 8005)).toBe("environments: { dev: {}, test: { status: reserved, port: 8005 } }\n");
    const last = "environments: {test: {status: reserved}, dev: {}}\n";
    expect(parse(setValue(last, ["environments", "test", "port"], 8005))).toEqual({ environments: { test: { status: "reserved", port: 8005 }, dev: {} } });
  });

  it("fills an empty flow mapping and replaces a written value", () => {
    expect(setValue("environments: {dev: {}, test: {}}\n", ["environments", "test", "port"], 8005)).toBe("environments: {dev: {}, test: { port: 8005 }}\n");
    expect(setValue("environments: {test: {port: 8001}}\n", ["environments", "test", "port"], 8005)).toBe("environments: {test: {port: 8005}}\n");
  });
});
