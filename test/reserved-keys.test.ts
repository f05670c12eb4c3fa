import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SparkportInputError } from "../src/findings/errors.js";
import { parseRegistry } from "../src/registry/parse-registry.js";
import { runCli } from "./helpers/run-cli.js";

// `__proto__:` under teams, nodes or environments vanished on its way through the schema (zod skips it), so
// lint saw a clean file; `constructor` and `prototype` name JavaScript's own machinery too. Each is refused
// where it is written, wherever a mapping of the user's keys holds it.

const base = (extra: { nodes?: string; teams?: string; environments?: string; service?: string; scan?: string } = {}) =>
  [
    "version: 1",
    "nodes:",
    "  here: {address: 127.0.0.1, os: linux}",
    ...(extra.nodes === undefined ? [] : [`  ${extra.nodes}`]),
    "teams:",
    "  B: {name: B, ranges: [{name: b, from: 18000, to: 18999}]}",
    ...(extra.teams === undefined ? [] : [`  ${extra.teams}`]),
    "environments:",
    "  dev: {offset: 0}",
    ...(extra.environments === undefined ? [] : [`  ${extra.environments}`]),
    "services:",
    "  - name: api",
    "    team: B",
    "    node: here",
    "    port: 18000",
    "    protocol: http",
    "    access: all-nodes",
    "    status: running",
    ...(extra.service === undefined ? [] : ["    environments:", `      ${extra.service}`]),
    ...(extra.scan === undefined ? [] : ["scan:", "  nodes:", `    ${extra.scan}`]),
    "",
  ].join("\n");

function problems(text: string, chunked: boolean): [string, number | undefined, number | undefined, string][] {
  try {
    parseRegistry(text, "ports.yaml", "/r/ports.yaml", { chunked });
  } catch (error) {
    if (error instanceof SparkportInputError) return error.problems.map((p) => [p.code, p.location.line, p.location.column, p.message]);
    throw error;
  }
  return [];
}

describe("reserved keys in the registry", () => {
  it("__proto__, constructor and prototype as a node, team, environment, service environment or scan.nodes key: schema-invalid at the key", () => {
    const cases: [Parameters<typeof base>[0], string, number, number][] = [
      [{ nodes: "__proto__: {address: 127.0.0.2, os: linux}" }, "__proto__", 4, 3],
      [{ teams: "__proto__: {name: X, ranges: [{name: x, from: 19000, to: 19999}]}" }, "__proto__", 6, 3],
      [{ environments: "__proto__: {offset: 5}" }, "__proto__", 8, 3],
      [{ nodes: "constructor: {address: 127.0.0.2, os: linux}" }, "constructor", 4, 3],
      [{ teams: "prototype: {name: X, ranges: [{name: x, from: 19000, to: 19999}]}" }, "prototype", 6, 3],
      [{ environments: "constructor: {offset: 5}" }, "constructor", 8, 3],
      [{ service: "__proto__: {status: reserved}" }, "__proto__", 17, 7],
      [{ scan: "__proto__: here" }, "__proto__", 18, 5],
    ];
    for (const [extra, key, line, column] of cases) {
      for (const chunked of [false, true]) {
        expect(problems(base(extra), chunked), `${key} ${JSON.stringify(extra)} chunked=${String(chunked)}`).toEqual([
          ["schema-invalid", line, column, `expected a name other than __proto__, constructor or prototype (JavaScript's own object properties), received "${key}"`],
        ]);
      }
    }
    expect(problems(base(), false)).toEqual([]);
  });

  it("a quoted \"__proto__\" key and one inside a list item are refused too", () => {
    const text = base({ teams: '"__proto__": {name: X, ranges: [{name: x, from: 19000, to: 19999, __proto__: {summary: true}}]}' });
    expect(problems(text, false).map(([code, line]) => [code, line])).toEqual([
      ["schema-invalid", 6],
      // Inside the refused team: reported once, at the outer key.
    ]);
    const nested = base().replace("  - name: api\n", "  - name: api\n    __proto__: {locked: true}\n");
    expect(problems(nested, false).map(([code, line, column]) => [code, line, column])).toEqual([["schema-invalid", 10, 5]]);
  });

  it("the CLI exits 2 and names file:line:column, in lint and check", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sparkport-reserved-"));
    const file = path.join(dir, "ports.yaml");
    writeFileSync(file, base({ teams: "__proto__: {name: X, ranges: [{name: x, from: 19000, to: 19999}]}" }));
    for (const args of [["lint", "--no-scan"], ["check", "18001"], ["list"]]) {
      const run = await runCli(["--registry", file, ...args], { cwd: dir, env: { SPARKPORT_NO_CACHE: "1" } });
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stdout + run.stderr).toMatch(/ports\.yaml:6:3\b.*__proto__/);
    }
  });
});
