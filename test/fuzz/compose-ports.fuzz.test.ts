import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findComposePortLines, parseComposePorts, type ComposePort } from "../../src/observe/parse/compose-ports.js";
import { envValues } from "../../src/project/env-values.js";
import type { PortReference } from "../../src/project/port-reference.js";
import { scanComposeFile } from "../../src/project/scan-compose-file.js";
import { textPosition } from "../../src/util/text-position.js";
import { anyText, isPort, mutated, parsesOrThrowsTyped, portText, runs } from "./fuzz-helpers.js";

// The compose `ports:` parsers: parseComposePorts (one item, short or long syntax), findComposePortLines (every
// item of a file, doctor) and scanComposeFile (lint's scan: ports, environment, command). None is documented to
// throw: an item it cannot read gives [], a file it cannot read gives a problem.

const portOf = (text: string): number | undefined => (/^\d{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65_535 ? Number(text) : undefined);

/** Every mapping has a target 1-65535, a published port 1-65535 or null, and a range within 1-65535. */
function checkPorts(ports: readonly ComposePort[]): void {
  for (const p of ports) {
    if ("unresolved" in p) {
      expect(p.unresolved).toMatch(/\$/);
      continue;
    }
    expect(isPort(p.target)).toBe(true);
    if (p.published !== null) expect(isPort(p.published)).toBe(true);
    if (p.publishedRange !== undefined) {
      expect(isPort(p.publishedRange.from) && isPort(p.publishedRange.to)).toBe(true);
      expect(p.publishedRange.from).toBeLessThanOrEqual(p.publishedRange.to);
    }
    expect(["tcp", "udp"]).toContain(p.protocol);
  }
}

// Short syntax: `[IP:][HOST[-HOST]:]CONTAINER[-CONTAINER][/PROTOCOL]`, with ports right, wrong and at the edges.
const ipPart = fc.constantFrom("", "127.0.0.1:", "0.0.0.0:", "[::1]:", "::1:", "100.123.51.5:", "bad:", "[::]:", "localhost:");
const range = fc.oneof({ weight: 3, arbitrary: portText }, fc.tuple(portText, portText).map(([a, b]) => `${a}-${b}`));
const protocolPart = fc.constantFrom("", "", "/tcp", "/udp", "/sctp", "/TCP", "/");
const shortArb = fc
  .tuple(ipPart, fc.option(range, { nil: undefined }), range, protocolPart)
  .map(([ip, host, container, protocol]) => (host === undefined ? `${ip === "" ? "" : ip}${container}${protocol}` : `${ip}${host}:${container}${protocol}`));
const longArb = fc
  .record(
    {
      target: fc.oneof(portText, fc.integer({ min: -2, max: 70_000 })),
      published: fc.oneof(portText, fc.integer({ min: -2, max: 70_000 }), fc.constant(null)),
      host_ip: fc.constantFrom("127.0.0.1", "::1", "[::1]", "0.0.0.0", "nope", null),
      protocol: fc.constantFrom("tcp", "udp", "sctp", "TCP", null),
      mode: fc.constantFrom("host", "ingress"),
    },
    { requiredKeys: [] },
  );
const itemArb: fc.Arbitrary<unknown> = fc.oneof(shortArb, longArb, fc.integer({ min: -5, max: 70_000 }), fc.constantFrom("${PORT}:80", "${PORT:-8000}:8000", "$P:80"));

describe("parseComposePorts (fuzz)", () => {
  it("never throws on any value; every mapping it returns holds ports 1-65535", () => {
    fc.assert(
      fc.property(fc.oneof(itemArb, mutated(shortArb, 3), fc.anything(), anyText), (entry) => {
        checkPorts(parsesOrThrowsTyped(() => parseComposePorts(entry)) ?? []);
      }),
      runs(1000),
    );
  });

  it("reads HOST:CONTAINER back: the ports written, or nothing when either is not a port", () => {
    fc.assert(
      fc.property(fc.constantFrom("", "127.0.0.1:", "[::1]:"), portText, portText, fc.constantFrom("", "/udp"), (ip, host, container, protocol) => {
        const ports = parseComposePorts(`${ip}${host}:${container}${protocol}`);
        checkPorts(ports);
        const published = portOf(host);
        const target = portOf(container);
        if (published !== undefined && target !== undefined) {
          expect(ports).toEqual([{ hostIp: ip === "" ? null : ip.replace(/^\[|\]:$|:$/g, ""), published, target, protocol: protocol === "" ? "tcp" : "udp" }]);
        } else if (/^[\w.+]*$/.test(host + container) && !(host === "" && target !== undefined)) {
          expect(ports.filter((p) => "target" in p)).toEqual([]);
        }
      }),
      runs(800),
    );
  });

  it("reads the long syntax as the short one", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 65_535 }), fc.integer({ min: 1, max: 65_535 }), fc.constantFrom("tcp", "udp"), (published, target, protocol) => {
        expect(parseComposePorts({ target, published: String(published), protocol })).toEqual(parseComposePorts(`${published}:${target}/${protocol}`));
      }),
      runs(300),
    );
  });
});

/** A compose document: services with ports, environment and command, in block or flow style. */
const serviceArb = fc.record({
  ports: fc.array(itemArb, { maxLength: 4 }),
  environment: fc.dictionary(fc.constantFrom("APP_PORT", "API_URL", "DATABASE_URL", "X"), fc.oneof(portText, portText.map((p) => `http://db:${p}/x`)), { maxKeys: 3 }),
  command: fc.oneof(fc.constant(undefined), portText.map((p) => `uvicorn app:app --port ${p}`), portText.map((p) => ["python", "-m", "http.server", p])),
});
const composeArb = fc
  .tuple(fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/), serviceArb, { minKeys: 1, maxKeys: 3 }), fc.constantFrom("block", "flow"))
  .map(([services, style]) => ({ services, text: style === "flow" ? `${JSON.stringify({ services })}\n` : blockCompose(services) }));

function blockCompose(services: Record<string, { ports: unknown[]; environment: Record<string, string>; command: unknown }>): string {
  const lines = ["services:"];
  for (const [name, s] of Object.entries(services)) {
    lines.push(`  ${name}:`, "    image: nginx");
    if (s.ports.length > 0) lines.push("    ports:", ...s.ports.map((p) => `      - ${JSON.stringify(p)}`));
    const env = Object.entries(s.environment);
    if (env.length > 0) lines.push("    environment:", ...env.map(([k, v]) => `      ${k}: ${JSON.stringify(v)}`));
    if (s.command !== undefined) lines.push(`    command: ${JSON.stringify(s.command)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** YAML that has broken or slowed parsers: cycles, merge chains, many aliases, deep nesting, odd tags and keys. */
function mergeChain(levels: number, fan: number): string {
  const lines = ["x-0: &l0 {a: 1}"];
  for (let i = 1; i <= levels; i++) lines.push(`x-${i}: &l${i} {<<: [${Array.from({ length: fan }, () => `*l${i - 1}`).join(", ")}]}`);
  return `${lines.join("\n")}\nservices:\n  web: {<<: *l${levels}, image: nginx, ports: ["8080:80"]}\n`;
}
const HAZARDS = [
  "services:\n  web:\n    ports:\n      - &p {target: 80, published: 8080, x: *p}\n",
  "services: &s\n  web:\n    ports: [\"8080:80\"]\n    x: *s\n",
  "services:\n  web: &w\n    <<: *w\n    ports: [\"8081:80\"]\n",
  mergeChain(9, 9),
  `x: &p "8080:80"\nservices:\n  web:\n    ports: [${Array.from({ length: 200 }, () => "*p").join(", ")}]\n`,
  `t: &t 80\nservices:\n  web:\n    ports:\n${"      - {target: *t, published: 8080}\n".repeat(100)}`,
  `services:\n  web:\n    ports: ["8080:80"]\n    x: ${"[".repeat(300)}${"]".repeat(300)}\n`,
  "services:\n  web:\n    ports:\n      - !!binary aGk=\n      - !!set {a, b}\n      - {__proto__: 1, target: 80, published: 8080}\n",
  "services:\n  web:\n    ports:\n      - *missing\n",
  "services: [a, b]\n",
  "services:\n  ~:\n    ports: [80]\n  ? [x]\n  : {ports: [81]}\n",
  "services:\n  web:\n    ports: \"8080:80\"\n",
  "services:\n  web:\n    environment: [\"A=http://db:5432\", B, \"=x\", 5]\n    command: [1, {a: b}, \"--port\", 8000]\n",
];

/** A reference points at a port 1-65535 inside the file, at the line and column of its offset. */
function checkReferences(text: string, references: readonly PortReference[]): void {
  const position = textPosition(text);
  for (const r of references) {
    expect(isPort(r.port)).toBe(true);
    expect(r.offset >= 0 && r.offset + r.length <= text.length).toBe(true);
    expect({ line: r.line, column: r.column }).toEqual(position(r.offset));
  }
}

const ENV = envValues("PORT=8088\nEMPTY=\n", ".env");

describe("findComposePortLines and scanComposeFile (fuzz)", () => {
  const input = fc.oneof(
    { weight: 4, arbitrary: composeArb.map((c) => c.text) },
    { weight: 3, arbitrary: mutated(composeArb.map((c) => c.text), 4) },
    { weight: 1, arbitrary: fc.constantFrom(...HAZARDS) },
    { weight: 1, arbitrary: mutated(fc.constantFrom(...HAZARDS), 2) },
    { weight: 1, arbitrary: anyText },
  );

  it("never throw on arbitrary, mutated, generated or hostile YAML; positions and ports are in range", () => {
    fc.assert(
      fc.property(input, (text) => {
        for (const line of parsesOrThrowsTyped(() => findComposePortLines(text, "compose.yaml")) ?? []) {
          expect(line.line >= 1 && line.column >= 1).toBe(true);
          checkPorts(line.ports);
        }
        const scanned = parsesOrThrowsTyped(() => scanComposeFile(text, "compose.yaml", ENV));
        checkReferences(text, scanned?.references ?? []);
      }),
      runs(250),
    );
  });

  it("finds the same published ports in a file written in block or in flow style", () => {
    fc.assert(
      fc.property(composeArb, ({ services }) => {
        const brief = (text: string): string[] =>
          scanComposeFile(text, "compose.yaml", ENV)
            .references.filter((r) => r.kind === "compose-port")
            .map((r) => `${r.key ?? ""} ${r.port} ${String(r.hostIp)}`)
            .sort();
        expect(brief(`${JSON.stringify({ services })}\n`)).toEqual(brief(blockCompose(services)));
      }),
      runs(200),
    );
  });

  it("reports each published HOST:CONTAINER port of a generated file, from both parsers alike", () => {
    fc.assert(
      fc.property(composeArb, ({ text }) => {
        const published = findComposePortLines(text, "compose.yaml").flatMap((l) => l.ports.flatMap((p) => ("target" in p && p.published !== null ? [`${l.service} ${p.published}`] : [])));
        const scanned = scanComposeFile(text, "compose.yaml", ENV).references.filter((r) => r.kind === "compose-port");
        // The scanner substitutes ${PORT} from the .env beside the file: it can only find more.
        expect(scanned.map((r) => `${r.key ?? ""} ${r.port}`)).toEqual(expect.arrayContaining(published));
      }),
      runs(200),
    );
  });

  it("regression: port 0 is no port, published or target (`0:80`, `8080:0`, long syntax)", () => {
    for (const entry of ["0:80", "8080:0", "0-2:80-82", "127.0.0.1:0:80", { target: 80, published: 0 }, { target: "0", published: 8080 }]) {
      expect(parseComposePorts(entry)).toEqual([]);
    }
    const text = 'services:\n  web:\n    ports: ["0:80", {target: 0, published: 8080}]\n';
    expect(scanComposeFile(text, "c.yml", ENV).references).toEqual([]);
  });

  it("regression: an item holding itself (`- &p {..., x: *p}`) is read, not a TypeError from JSON.stringify", () => {
    const text = HAZARDS[0] ?? "";
    expect(findComposePortLines(text, "c.yml")).toEqual([
      { file: "c.yml", service: "web", entry: "{ target: 80, published: 8080, x: [circular] }", line: 4, column: 12, ports: [{ hostIp: null, published: 8080, target: 80, protocol: "tcp" }] },
    ]);
    expect(scanComposeFile(text, "c.yml", ENV).references.map((r) => r.port)).toEqual([8080]);
  });

  it("regression: a chain of nine merges of nine (a few hundred bytes) is read in linear time, not exponential", () => {
    const text = mergeChain(9, 9);
    expect(parsesOrThrowsTyped(() => findComposePortLines(text, "c.yml"))?.map((l) => l.entry)).toEqual(["8080:80"]);
    expect(parsesOrThrowsTyped(() => scanComposeFile(text, "c.yml", ENV))?.references.map((r) => r.port)).toEqual([8080]);
  });

  it("regression: deep nesting beside the services is no stack overflow", () => {
    const text = `services:\n  web:\n    ports: ["8080:80"]\n    x: ${"[".repeat(3000)}${"]".repeat(3000)}\n`;
    expect(parsesOrThrowsTyped(() => findComposePortLines(text, "c.yml"))).toBeDefined();
    expect(parsesOrThrowsTyped(() => scanComposeFile(text, "c.yml", ENV))).toBeDefined();
  });

  it("regression: thousands of aliases, and of items holding one, are read in linear time (yaml resolved each by a walk of the file)", () => {
    const aliases = `x: &p "8080:80"\nservices:\n  web:\n    ports: [${Array.from({ length: 5000 }, () => "*p").join(", ")}]\n`;
    expect(parsesOrThrowsTyped(() => findComposePortLines(aliases, "c.yml"))).toHaveLength(5000);
    const items = `t: &t 80\nservices:\n  web:\n    ports:\n${"      - {target: *t, published: 8080}\n".repeat(1000)}`;
    expect(parsesOrThrowsTyped(() => scanComposeFile(items, "c.yml", ENV))?.references).toHaveLength(1000);
  });
});
