import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SparkportInputError } from "../../src/findings/errors.js";
import type { Finding } from "../../src/findings/finding.js";
import { registryRules } from "../../src/rules/registry/index.js";
import { runRules } from "../../src/rules/run-rules.js";
import { loadCatalogue } from "../../src/registry/catalogue.js";
import type { LoadedRegistry } from "../../src/registry/loaded-registry.js";
import { parseRegistry } from "../../src/registry/parse-registry.js";
import { buildModel } from "../../src/registry/model.js";
import { anyText, mutated, parsesOrThrowsTyped, runs } from "./fuzz-helpers.js";

// parseRegistry (src/registry/load.ts) is documented to throw SparkportInputError for every problem, each a
// finding located in the file; nothing else. The documents come from the schema's own keys with values right,
// wrong and hostile, written in block or flow style, then mutated as text.

/** A YAML tree: mappings keep duplicate and special keys (`__proto__`), scalars are YAML source text. */
type Yaml = { map: Array<[string, Yaml]> } | { seq: Yaml[] } | { scalar: string };

const scalar = (text: string): Yaml => ({ scalar: text });
const str = (text: string): Yaml => scalar(JSON.stringify(text));
const map = (entries: Array<[string, Yaml] | undefined>): Yaml => ({ map: entries.filter((e) => e !== undefined) });
const seq = (items: Yaml[]): Yaml => ({ seq: items });

const keyText = (key: string): string => (/^[A-Za-z_][\w.-]*$/.test(key) ? key : JSON.stringify(key));

function flow(y: Yaml): string {
  if ("scalar" in y) return y.scalar;
  if ("seq" in y) return `[${y.seq.map(flow).join(", ")}]`;
  return `{${y.map.map(([k, v]) => `${JSON.stringify(k)}: ${flow(v)}`).join(", ")}}`;
}

function block(y: Yaml, indent: number): string {
  const pad = " ".repeat(indent);
  if ("scalar" in y) return `${pad}${y.scalar}`;
  if ("seq" in y) {
    if (y.seq.length === 0) return `${pad}[]`;
    return y.seq.map((item) => ("scalar" in item ? `${pad}- ${item.scalar}` : `${pad}-\n${block(item, indent + 2)}`)).join("\n");
  }
  if (y.map.length === 0) return `${pad}{}`;
  return y.map
    .map(([k, v]) => ("scalar" in v ? `${pad}${keyText(k)}: ${v.scalar}` : `${pad}${keyText(k)}:\n${block(v, indent + 2)}`))
    .join("\n");
}

// Values: mostly right for the schema (so documents load and reach the model and the rules), with payloads and
// edge ports as data; now and then wrong in type, an unknown or near-miss key, or a duplicate key.
const PAYLOADS = ["; rm -rf /", "$(touch /tmp/x)", "`id`", "| touch /tmp/x", "a\nb", "\u0000", "\u202e", "${HOME}", "%s%n", "{{7*7}}", "<script>", "\\"];
const junk: fc.Arbitrary<Yaml> = fc.oneof(
  fc.constantFrom("~", "[]", "{}", "12", "true", "-1", ".nan", ".inf", "1e400", "0x1F90", "!!binary aGk=", "2001-12-14").map(scalar),
  anyText.map(str),
  fc.constantFrom(seq([scalar("1"), str("a")]), map([["a", scalar("1")]])),
);
// A document has some fifty leaves and twenty mappings: one fault in 400 each leaves most documents valid.
// (fc.oneof's pick is biased towards its ends; an unbiased die keeps the odds as written.)
const oneIn400 = fc.noBias(fc.integer({ min: 0, max: 399 })).map((n) => n === 0);
/** `valid`, else (one time in 400) junk. */
const faulty = (valid: fc.Arbitrary<Yaml>): fc.Arbitrary<Yaml> => fc.tuple(oneIn400, valid, junk).map(([odd, v, j]) => (odd ? j : v));
/** Undefined, else (one time in 400) `arb`. */
const rarely = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.tuple(oneIn400, arb).map(([odd, v]) => (odd ? v : undefined));
const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });

/** Integers the schema takes (the 1-65535 bound is a lint rule): ports, the edges, and far outside. */
const portYaml: fc.Arbitrary<Yaml> = faulty(
  fc.oneof(
    { weight: 40, arbitrary: fc.integer({ min: 1, max: 65_535 }).map((p) => scalar(String(p))) },
    { weight: 4, arbitrary: fc.constantFrom("0", "65535", "65536", "-1", "99999", "4294967296", "9007199254740991", "1e3", "8000.0", "0x1F90", "0o17500", "08000", "+8000").map(scalar) },
    { weight: 1, arbitrary: fc.constantFrom("1_000", "9007199254740993", "1e400", ".nan").map(scalar) },
    { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 2n ** 60n }).map((n) => scalar(String(n))) },
  ),
);
const idText = fc.oneof(
  { weight: 40, arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,10}$/) },
  { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "tostring", "hasownproperty", "prototype", "x".repeat(300)) },
  { weight: 1, arbitrary: fc.constantFrom("", "A", "Bad Name", ...PAYLOADS) },
);
const text: fc.Arbitrary<Yaml> = faulty(
  fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 20 }).map(str) }, fc.constantFrom(...PAYLOADS).map(str), anyText.map(str)),
);
const oneOfText = (values: readonly string[]): fc.Arbitrary<Yaml> => faulty(fc.constantFrom(...values).map(scalar));
/** A near miss (did-you-mean), a prototype name, or a stranger. */
const extraKey = fc.constantFrom("adress", "prot", "sttus", "__proto__", "constructor", "ports", "Name", "x-extra", "");
const withExtra = (entries: fc.Arbitrary<Array<[string, Yaml] | undefined>>): fc.Arbitrary<Yaml> =>
  fc.tuple(entries, rarely(fc.tuple(extraKey, junk)), rarely(fc.constant(true))).map(([e, extra, dupFirst]) => {
    const list = [...e];
    if (extra !== undefined) list.push(extra);
    const first = list.find((x) => x !== undefined);
    if (dupFirst === true && first !== undefined) list.push(first);
    return map(list);
  });

const exceptions = fc.option(faulty(fc.constantFrom("outside-team-range", "privileged-port", "no-such-rule").map((rule) => seq([map([["rule", str(rule)], ["reason", str("why")]])]))), { nil: undefined, freq: 8 });
const ADDRESSES = ["127.0.0.1", "127.0.0.2", "0.0.0.0", "255.255.255.255", "224.0.0.1", "239.1.2.3", "::", "ff02::1", "::ffff:0.0.0.0", "host.example", "[::1]", "bad host", "$(id)"];
const node = withExtra(
  fc.tuple(optional(text), faulty(fc.constantFrom(...ADDRESSES).map(str)), oneOfText(["macos", "linux", "windows"]), rarely(text), exceptions).map(([label, address, os, tailscale, ex]) => [
    label === undefined ? undefined : ["label", label],
    ["address", address],
    ["os", os],
    tailscale === undefined ? undefined : ["tailscale", tailscale],
    ex === undefined ? undefined : ["exceptions", ex],
  ]),
);
const range = withExtra(
  fc.tuple(idText, portYaml, portYaml, rarely(fc.constantFrom("true", "false", "yes").map(scalar))).map(([name, from, to, summary]) => [
    ["name", str(name)],
    ["from", from],
    ["to", to],
    summary === undefined ? undefined : ["summary", summary],
  ]),
);
const team = withExtra(fc.tuple(text, faulty(fc.array(range, { minLength: 1, maxLength: 3 }).map(seq))).map(([name, ranges]) => [["name", name], ["ranges", ranges]]));
const environment = withExtra(fc.tuple(faulty(fc.constantFrom("0", "1", "10", "100", "70000").map(scalar))).map(([offset]) => [["offset", offset]]));
const serviceEnv = fc.oneof(
  fc.constant(scalar("{}")),
  fc.constant(scalar("~")),
  withExtra(fc.tuple(optional(portYaml), optional(oneOfText(["running", "reserved", "stopped"])), optional(text)).map(([port, status, start]) => [
    port === undefined ? undefined : ["port", port],
    status === undefined ? undefined : ["status", status],
    start === undefined ? undefined : ["start", start],
  ])),
);
const service = withExtra(
  fc
    .tuple(
      idText,
      fc.constantFrom("A", "B", "B", "Z", "Object"),
      fc.constantFrom("here", "other", "other", "nowhere", "constructor"),
      portYaml,
      oneOfText(["tcp", "http", "https", "udp"]),
      oneOfText(["all-nodes", "backend-only", "developers-browser"]),
      oneOfText(["running", "stopped", "in-development", "reserved", "planned"]),
      optional(text),
      optional(text),
      optional(fc.dictionary(fc.constantFrom("dev", "test", "staging", "nope", "constructor"), serviceEnv, { maxKeys: 3 }).map((d) => map(Object.entries(d)))),
      exceptions,
      rarely(fc.constantFrom("true", "false", "1").map(scalar)),
    )
    .map(([name, t, n, port, protocol, access, status, note, start, envs, ex, locked]) => [
      ["name", str(name)],
      ["team", str(t)],
      ["node", str(n)],
      ["port", port],
      ["protocol", protocol],
      ["access", access],
      ["status", status],
      note === undefined ? undefined : ["note", note],
      start === undefined ? undefined : ["start", start],
      envs === undefined ? undefined : ["environments", envs],
      ex === undefined ? undefined : ["exceptions", ex],
      locked === undefined ? undefined : ["locked", locked],
    ]),
);
const reservation = withExtra(
  fc.tuple(idText, portYaml, text, oneOfText(["high", "medium", "low"]), optional(fc.constantFrom("A", "B", "Z").map(str))).map(([name, port, purpose, priority, t]) => [
    ["name", str(name)],
    ["port", port],
    ["purpose", purpose],
    ["priority", priority],
    t === undefined ? undefined : ["team", t],
  ]),
);
const section = withExtra(fc.tuple(idText, text, optional(fc.constantFrom("A", "B").map(str))).map(([id, title, t]) => [["id", str(id)], ["title", title], t === undefined ? undefined : ["team", t]]));
const scan = withExtra(
  fc.tuple(optional(fc.array(text, { maxLength: 2 }).map(seq)), optional(fc.array(text, { maxLength: 2 }).map(seq))).map(([roots, ignore]) => [
    roots === undefined ? undefined : ["roots", roots],
    ignore === undefined ? undefined : ["ignore", ignore],
  ]),
);

const named = <T extends Yaml>(keys: fc.Arbitrary<string>, value: fc.Arbitrary<T>, max: number): fc.Arbitrary<Yaml> =>
  fc.uniqueArray(fc.tuple(keys, value), { maxLength: max, selector: ([key]) => key }).map((entries) => map(entries));

/** A whole registry document: every top-level key of the schema, each possibly missing, wrong or hostile. */
const registryYaml: fc.Arbitrary<Yaml> = fc
  .tuple(
    faulty(fc.constant(scalar("1"))),
    optional(text),
    faulty(named(fc.oneof(fc.constantFrom("here", "other"), idText), node, 3)),
    faulty(named(fc.oneof(fc.constantFrom("A", "B"), idText), team, 3)),
    faulty(named(fc.oneof(fc.constantFrom("dev", "test", "staging"), idText), environment, 3)),
    faulty(fc.array(service, { maxLength: 4 }).map(seq)),
    optional(faulty(fc.array(reservation, { maxLength: 2 }).map(seq))),
    optional(faulty(fc.array(section, { maxLength: 2 }).map(seq))),
    optional(scan),
    rarely(fc.constant(true)),
  )
  .map(([version, project, nodes, teams, environments, services, reservations, sections, scanned, drop]) =>
    map([
      ["version", version],
      project === undefined ? undefined : ["project", project],
      ["nodes", nodes],
      ["teams", teams],
      drop === true ? undefined : ["environments", environments],
      ["services", services],
      reservations === undefined ? undefined : ["reservations", reservations],
      sections === undefined ? undefined : ["sections", sections],
      scanned === undefined ? undefined : ["scan", scanned],
    ]),
  );

/** A document in block or flow style, sometimes with YAML's own features (anchors, tags, BOM, comments, documents). */
const documentText: fc.Arbitrary<string> = fc
  .tuple(registryYaml, fc.constantFrom("block", "flow", "mixed"), fc.constantFrom("", "\uFEFF", "# comment\n", "%YAML 1.2\n---\n", "---\n"), fc.oneof({ weight: 20, arbitrary: fc.constantFrom("", "\n", "\n...\n", "\n# end") }, { weight: 1, arbitrary: fc.constant("\n---\nversion: 1\n") }))
  .map(([y, style, head, tail]) => {
    const body = style === "flow" ? flow(y) : style === "block" ? block(y, 0) : "map" in y ? y.map.map(([k, v]) => `${keyText(k)}: ${flow(v)}`).join("\n") : flow(y);
    return `${head}${body}${tail}`;
  });

const YAML_HAZARDS = [
  "a: &a [*a]\n",
  "x: &x {y: *x}\nversion: 1\n",
  "lol: &a [1,1,1,1,1,1,1,1,1,1]\nlol2: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nlol3: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nlol4: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n",
  "version: 1\nnodes: !!set {a, b}\n",
  "version: 1\nnodes: !!omap [a: 1]\n",
  "version: !!binary aGVsbG8=\n",
  "version: 1\n<<: {nodes: {}}\n",
  "version: 1\nservices: !custom []\n",
  "version: 1\nnodes: {a: {address: 2001-12-14t21:59:43.10-05:00, os: linux}}\n",
  "version:\t1\n",
  "\tversion: 1\n",
  "version: 1\r\nnodes: {}\r",
  "'unterminated\n",
  "[",
  "{a: 1, a: 2}",
  "version: 1\nversion: 1\n",
  "- 1\n- 2\n",
  "42",
  "~",
  "",
  "\u0000",
];

/** Every problem of the error is a located, worded finding in the file given. */
function checkFindings(problems: readonly Finding[], textOfFile: string): void {
  expect(problems.length).toBeGreaterThan(0);
  const lineCount = textOfFile.split(/\r\n|\r|\n/).length;
  for (const p of problems) {
    expect(typeof p.code).toBe("string");
    expect(p.severity).toBe("error");
    expect(p.message.length).toBeGreaterThan(0);
    expect(p.location.file).toBe("ports.yaml");
    if (p.location.line !== undefined) {
      expect(Number.isInteger(p.location.line) && p.location.line >= 1 && p.location.line <= lineCount + 1).toBe(true);
      expect(Number.isInteger(p.location.column) && (p.location.column ?? 0) >= 1).toBe(true);
    }
  }
}

/** parseRegistry's outcome: the loaded registry, or the SparkportInputError's findings. Anything else fails. */
function load(textOfFile: string): { loaded?: LoadedRegistry; problems?: readonly Finding[] } {
  try {
    return { loaded: parsesOrThrowsTyped(() => parseRegistry(textOfFile, "ports.yaml")) };
  } catch (error) {
    if (error instanceof SparkportInputError) return { problems: error.problems };
    throw error;
  }
}

/** A loaded registry holds what the schema promises: version 1, integer ports. */
function checkLoaded(loaded: LoadedRegistry): void {
  expect(loaded.data.version).toBe(1);
  for (const s of loaded.data.services) expect(Number.isInteger(s.port)).toBe(true);
  for (const t of Object.values(loaded.data.teams)) for (const r of t.ranges) expect(Number.isInteger(r.from) && Number.isInteger(r.to)).toBe(true);
}

describe("parseRegistry (fuzz)", () => {
  const input = fc.oneof(
    { weight: 5, arbitrary: documentText },
    { weight: 3, arbitrary: mutated(documentText, 3) },
    { weight: 1, arbitrary: fc.constantFrom(...YAML_HAZARDS) },
    { weight: 1, arbitrary: mutated(fc.constantFrom(...YAML_HAZARDS), 2) },
    { weight: 1, arbitrary: anyText },
  );

  it("returns a registry or throws SparkportInputError with located findings, for any document", () => {
    fc.assert(
      fc.property(input, (textOfFile) => {
        const { loaded, problems } = load(textOfFile);
        if (problems !== undefined) checkFindings(problems, textOfFile);
        if (loaded !== undefined) checkLoaded(loaded);
      }),
      runs(300),
    );
  });

  it("reads the same data from a document in block and in flow style", () => {
    fc.assert(
      fc.property(registryYaml, (y) => {
        const a = load(block(y, 0));
        const b = load(flow(y));
        expect(b.loaded === undefined).toBe(a.loaded === undefined);
        if (a.loaded !== undefined && b.loaded !== undefined) expect(b.loaded.data).toEqual(a.loaded.data);
        // Past YAML syntax, the schema sees the same data and reports the same problems.
        const schemaCodes = (problems: readonly Finding[] | undefined): string[] | undefined =>
          problems === undefined || problems.some((p) => p.code.startsWith("yaml-")) ? undefined : problems.map((p) => p.code).sort();
        const codesA = schemaCodes(a.problems);
        const codesB = schemaCodes(b.problems);
        if (codesA !== undefined && codesB !== undefined) expect(codesB).toEqual(codesA);
      }),
      runs(200),
    );
  });

  it("deep nesting and self-referencing anchors are input errors, not a stack overflow or a hang", () => {
    for (const text of [
      `version: 1\nnodes: ${"[".repeat(5000)}${"]".repeat(5000)}\n`,
      `version: 1\nnodes: ${"{a: ".repeat(3000)}1${"}".repeat(3000)}\n`,
      "version: 1\nnodes: &n {a: *n}\nteams: {}\nenvironments: {}\nservices: []\n",
      "version: 1\nnodes: {}\nteams: {}\nenvironments: {}\nservices: &s [*s]\n",
    ]) {
      const { loaded, problems } = load(text);
      expect(loaded).toBeUndefined();
      checkFindings(problems ?? [], text);
    }
  });

  it("a complex (collection) key is an unknown key, not a crash", () => {
    const { problems } = load("version: 1\n? [complex, key]\n: value\n");
    expect(problems?.map((p) => p.code)).toContain("schema-unknown-key");
  });

  it("a registry it accepts builds a model and lints without throwing (lint findings located in the file)", () => {
    const catalogue = loadCatalogue();
    fc.assert(
      fc.property(documentText, (textOfFile) => {
        const { loaded } = load(textOfFile);
        if (loaded === undefined) return;
        const run = parsesOrThrowsTyped(() => runRules(buildModel(loaded), catalogue, registryRules));
        for (const f of run?.findings ?? []) expect(f.location.file).toBe("ports.yaml");
      }),
      runs(250),
    );
  });
});
