import { describe, expect, it } from "vitest";
import { parseErrorText } from "../src/diagnose/parse-error-text.js";
import { UsageError } from "../src/findings/errors.js";
import { parsePortArg } from "../src/commands/check/parse-port-arg.js";
import { textTable } from "../src/render/text-table.js";

// Cases found by the fuzz and security review that are not fuzz properties themselves.
describe("input regressions", () => {
  it("Python asyncio's refusal (ConnectionRefusedError ... Connect call failed) is a refused connection, with its endpoint", () => {
    expect(parseErrorText("ConnectionRefusedError: [Errno 111] Connect call failed ('127.0.0.1', 8000)")).toMatchObject({
      kind: "connection-refused",
      address: "127.0.0.1",
      port: 8000,
    });
  });

  it("an empty or half-bracketed host is not a host", () => {
    expect(() => parsePortArg("[]:80")).toThrow(UsageError);
    expect(() => parsePortArg("a[b:80")).toThrow(UsageError);
    expect(parsePortArg("[::1]:80")).toMatchObject({ port: 80, host: "::1" });
  });

  it("a cell written over several lines stays on its row", async () => {
    const lines = await textTable(["NAME", "NOTE"], [["api", "first line\nsecond line"], ["web", "one"]]);
    expect(lines).toEqual(["NAME  NOTE", "api   first line ⏎ second line", "web   one"]);
  });
});
