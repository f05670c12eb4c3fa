import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers/run-cli.js";

// The suite must pass from a fresh clone with nothing beside it: no test reads outside the repository.

const ROOT = path.resolve(REPO_ROOT);
const TEST_DIR = path.join(ROOT, "test");
/** Test code; the fixture trees under test/fixtures are data, read relative to themselves. */
const sources = readdirSync(TEST_DIR, { recursive: true, encoding: "utf8" })
  .filter((name) => /\.(c|m)?[jt]s$/.test(name) && !name.startsWith(`fixtures${path.sep}`) && name !== "self-contained.test.ts")
  .map((name) => path.join(TEST_DIR, name));

/** Relative paths in string literals, resolved against the file's folder (as `new URL(p, import.meta.url)` does). */
function escapingPaths(file: string, text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/["'`](\.\.?\/[^"'`$\s]*)["'`]/g)) {
    const literal = match[1] ?? "";
    const resolved = path.resolve(path.dirname(file), literal);
    if (resolved !== ROOT && !resolved.startsWith(`${ROOT}${path.sep}`)) out.push(literal);
  }
  // Absolute paths beside the repository (a sibling folder such as ../shared), and shared/ by name.
  const beside = `${path.dirname(ROOT)}${path.sep}`;
  for (const match of text.matchAll(/["'`]([^"'`]*)["'`]/g)) {
    const literal = match[1] ?? "";
    if ((literal.startsWith(beside) && !literal.startsWith(`${ROOT}${path.sep}`)) || /\bshared\/fixtures\b/.test(literal)) out.push(literal);
  }
  return out;
}

describe("the test suite", () => {
  it("reads nothing outside the repository", () => {
    expect(sources.length).toBeGreaterThan(30);
    const found = sources.flatMap((file) => escapingPaths(file, readFileSync(file, "utf8")).map((p) => `${path.relative(ROOT, file)}: ${p}`));
    expect(found).toEqual([]);
  });

  it("would notice a test that did", () => {
    const file = path.join(TEST_DIR, "helpers", "example.ts");
    expect(escapingPaths(file, 'new URL("../../../shared/fixtures/os-output/", import.meta.url)')).toEqual(["../../../shared/fixtures/os-output/", "../../../shared/fixtures/os-output/"]);
    const sibling = path.join(path.dirname(ROOT), "shared", "x.txt");
    expect(escapingPaths(file, `readFileSync(${JSON.stringify(sibling)})`)).toEqual([sibling]);
    expect(escapingPaths(file, 'new URL("../fixtures/os-output/", import.meta.url)')).toEqual([]);
  });
});
