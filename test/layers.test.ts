import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers/run-cli.js";

// The floors of src/, lowest first: a module imports only from its own floor or below, and no
// import, type-only ones included, closes a circle.
const FLOORS: readonly (readonly string[])[] = [
  ["util", "findings", "words"],
  ["io"],
  ["registry"],
  ["observe", "command-line", "programs"],
  ["fixes", "project", "edit", "changes", "network"],
  ["rules", "diagnose"],
  ["render", "reporters"],
  ["commands"],
  ["cli", "cli.ts", "index.ts", "bin.cts"],
];

const SRC = path.join(path.resolve(REPO_ROOT), "src");
const modules = readdirSync(SRC, { recursive: true, encoding: "utf8" }).filter((name) => /\.c?ts$/.test(name));

function floorOf(module: string): number {
  const top = module.split(path.sep)[0] ?? "";
  const floor = FLOORS.findIndex((names) => names.includes(top));
  if (floor < 0) throw new Error(`src/${module} sits in no floor: add its folder to FLOORS`);
  return floor;
}

/** The modules of src/ that `module` imports, statically or dynamically. */
function importsOf(module: string): string[] {
  const text = readFileSync(path.join(SRC, module), "utf8");
  // The launcher's require of the bundle (built from cli.ts) and of package.json are no source modules.
  const specifiers = [...text.matchAll(/(?:\bfrom|\bimport|\brequire)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)]
    .map((m) => m[1] ?? "")
    .filter((s) => !s.endsWith(".json") && s !== "./sparkport.cjs");
  return specifiers.map((s) => path.relative(SRC, path.resolve(SRC, path.dirname(module), s)).replace(/\.js$/, ".ts").replace(/\.cjs$/, ".cts"));
}

const graph = new Map(modules.map((m) => [m, importsOf(m)]));

function circles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (m: string): void => {
    state.set(m, "open");
    stack.push(m);
    for (const next of graph.get(m) ?? []) {
      if (state.get(next) === "open") found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(m, "done");
  };
  for (const m of modules) if (!state.has(m)) visit(m);
  return found;
}

describe("the floors of src/", () => {
  it("every import resolves to a module of src/", () => {
    const missing = [...graph].flatMap(([m, targets]) => targets.filter((t) => !graph.has(t)).map((t) => `${m} -> ${t}`));
    expect(missing).toEqual([]);
  });

  it("no module imports from a floor above its own", () => {
    const upward = [...graph].flatMap(([m, targets]) => targets.filter((t) => floorOf(t) > floorOf(m)).map((t) => `${m} -> ${t}`));
    expect(upward).toEqual([]);
  });

  it("no imports close a circle", () => {
    expect(circles().map((c) => c.join(" -> "))).toEqual([]);
  });
});
