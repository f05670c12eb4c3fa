import fc from "fast-check";
import type { PathSegment } from "../../src/registry/source-map.js";

interface Item {
  name: string;
  port: number;
  style: "flow" | "block" | "dash-alone";
  keyOrder: number;
  note: "none" | "quoted" | "literal" | "empty-env";
  envs: boolean;
  comment: "none" | "column-0" | "indented" | "blank";
}

const item: fc.Arbitrary<Omit<Item, "name" | "port">> = fc.record({
  style: fc.constantFrom("flow", "block", "dash-alone"),
  keyOrder: fc.nat(5),
  note: fc.constantFrom("none", "quoted", "literal", "empty-env"),
  envs: fc.boolean(),
  comment: fc.constantFrom("none", "column-0", "indented", "blank"),
});

function fields(it: Item): [string, string][] {
  const base: [string, string][] = [
    ["name", it.name],
    ["team", "B"],
    ["node", "here"],
    ["port", String(it.port)],
    ["protocol", "http"],
    ["access", "all-nodes"],
    ["status", "running"],
  ];
  const turn = it.keyOrder % base.length;
  return [...base.slice(turn), ...base.slice(0, turn)];
}

function render(it: Item, indent: string): string {
  const lines: string[] = [];
  if (it.comment === "column-0") lines.push("# a comment at column 0 between items");
  if (it.comment === "indented") lines.push(`${indent}  # an indented comment`);
  if (it.comment === "blank") lines.push("");
  if (it.style === "flow" && it.note !== "literal" && it.note !== "empty-env" && !it.envs) {
    const note = it.note === "quoted" ? [`note: "a: b # not a comment"`] : [];
    lines.push(`${indent}- {${[...fields(it).map(([k, v]) => `${k}: ${v}`), ...note].join(", ")}}`);
    return lines.join("\n");
  }
  const pad = `${indent}  `;
  const body = fields(it).map(([k, v]) => `${pad}${k}: ${v}`);
  if (it.note === "quoted") body.push(`${pad}note: 'it''s "quoted": # still text'`);
  if (it.note === "literal") body.push(`${pad}note: |`, `${pad}  first line`, "", `${pad}  - not an item`, `${pad}  third: line`);
  const envs = it.envs ? [`${pad}  test: {}`, `${pad}  staging:`, `${pad}    port: ${it.port + 10}`] : [];
  // An environment written with no value at all (`dev:`): its location is its key's.
  if (it.note === "empty-env") envs.push(`${pad}  dev:`);
  if (envs.length > 0) body.push(`${pad}environments:`, ...envs);
  if (it.style === "dash-alone") lines.push(`${indent}-`, ...body);
  else lines.push(`${indent}- ${(body[0] ?? "").trimStart()}`, ...body.slice(1));
  return lines.join("\n");
}

function registry(items: readonly Item[], indent: string, servicesFirst: boolean): string {
  const head = [
    "# yaml-language-server: $schema=./ports.schema.json",
    "version: 1",
    "nodes:",
    "  here: {address: 127.0.0.1, os: linux}",
    "teams:",
    "  B:",
    "    name: Backend",
    "    ranges: [{name: b, from: 20000, to: 29999}]",
    "environments:",
    "  dev: {offset: 0}",
    "  test: {offset: 1}",
    "  staging: {offset: 10}",
  ];
  const services = ["services:", ...items.map((i) => render(i, indent))];
  const reservations = ["reservations:", `${indent}- {name: later, port: 29999, purpose: "held: for later", priority: low}`];
  return `${(servicesFirst ? [head[0] ?? "", ...services, ...head.slice(1), ...reservations] : [...head, ...services, ...reservations]).join("\n")}\n`;
}

/** Registries of 1-140 services in every style the chunked parse must cut: flow and block items, comments, literal notes, empty environments. */
export const registries = fc
  .record({ items: fc.array(item, { minLength: 1, maxLength: 140 }), indent: fc.constantFrom("", "  ", "    "), servicesFirst: fc.boolean() })
  .map(({ items, indent, servicesFirst }) => registry(items.map((x, i) => ({ ...x, name: `s${i}`, port: 20000 + i * 20 })), indent, servicesFirst));

/** Paths a finding can name in such a registry, with ones that do not exist (the nearest ancestor answers). */
export function paths(count: number): { at: PathSegment[][]; keyAt: [PathSegment[], string][] } {
  const at: PathSegment[][] = [["services"], ["services", "x"], ["services", -1], ["version"], ["nodes", "here", "address"], ["reservations", 0, "purpose"], ["teams", "B", "ranges", 0]];
  const keyAt: [PathSegment[], string][] = [[["teams", "B"], "name"], [["services"], "x"], [["services", count + 1], "port"]];
  for (let i = 0; i < count; i += 1) {
    at.push(["services", i], ["services", i, "port"], ["services", i, "note"], ["services", i, "missing"], ["services", i, "environments"], ["services", i, "environments", "staging", "port"], ["services", i, "environments", "test"], ["services", i, "environments", "dev"]);
    keyAt.push([["services", i], "status"], [["services", i], "nope"], [["services", i, "environments"], "staging"]);
  }
  at.push(["services", count + 5, "port"]);
  return { at, keyAt };
}
