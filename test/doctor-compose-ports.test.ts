import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { findComposePortLines, parseComposePorts, type ComposePort, type ComposePortMapping } from "../src/observe/parse/compose-ports.js";
import { isRecord } from "../src/util/is-record.js";
import { OS_FIXTURES } from "./helpers/os-fixtures.js";

/** The Compose specification's and the legacy v3 reference's `ports:` examples, quoted in compose-ports-spec.md. */
const SPEC = readFileSync(`${OS_FIXTURES}compose-ports-spec.md`, "utf8");
const COMPOSE_FILE = fileURLToPath(new URL("fixtures/doctor-compose/docker-compose.yml", import.meta.url));

/** The `ports:` list of each ```yml / ```yaml block of the spec text, in order. */
const SPEC_LISTS: unknown[][] = [...SPEC.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => {
  const doc: unknown = parse(m[1] ?? "");
  return isRecord(doc) && Array.isArray(doc.ports) ? doc.ports : [];
});

const tcp = (hostIp: string | null, published: number | null, target: number): ComposePortMapping => ({ hostIp, published, target, protocol: "tcp" });
const span = (count: number, f: (i: number) => ComposePortMapping): ComposePortMapping[] => Array.from({ length: count }, (_, i) => f(i));

const SHORT: Record<string, ComposePort[]> = {
  "3000": [tcp(null, null, 3000)],
  "3000-3005": span(6, (i) => tcp(null, null, 3000 + i)),
  "8000:8000": [tcp(null, 8000, 8000)],
  "9090-9091:8080-8081": [tcp(null, 9090, 8080), tcp(null, 9091, 8081)],
  "49100:22": [tcp(null, 49100, 22)],
  // One container port against a host range: the engine picks one host port of the range.
  "8000-9000:80": [{ ...tcp(null, null, 80), publishedRange: { from: 8000, to: 9000 } }],
  "127.0.0.1:8001:8001": [tcp("127.0.0.1", 8001, 8001)],
  "127.0.0.1:5000-5010:5000-5010": span(11, (i) => tcp("127.0.0.1", 5000 + i, 5000 + i)),
  "::1:6000:6000": [tcp("::1", 6000, 6000)],
  "[::1]:6001:6001": [tcp("::1", 6001, 6001)],
  "6060:6060/udp": [{ hostIp: null, published: 6060, target: 6060, protocol: "udp" }],
  // Legacy v3 reference: an empty host port is ephemeral; a host range against one port.
  "127.0.0.1::5000": [tcp("127.0.0.1", null, 5000)],
  "12400-12500:1240": [{ ...tcp(null, null, 1240), publishedRange: { from: 12400, to: 12500 } }],
};

describe("parseComposePorts on every example of compose-ports-spec.md", () => {
  it("finds the four example lists", () => {
    expect(SPEC_LISTS.map((list) => list.length)).toEqual([11, 2, 10, 1]);
  });

  const shortExamples = [...new Set(SPEC_LISTS.flat().filter((item) => typeof item === "string"))];
  it("has an expectation for each short-syntax example", () => {
    expect(shortExamples.sort()).toEqual(Object.keys(SHORT).sort());
  });

  it.each(shortExamples)("%s", (entry) => {
    expect(parseComposePorts(entry)).toEqual(SHORT[entry]);
  });

  it("reads the long syntax of the Compose specification", () => {
    expect(SPEC_LISTS[1]?.map(parseComposePorts)).toEqual([
      [tcp("127.0.0.1", 8080, 80)],
      [{ ...tcp("127.0.0.1", null, 443), publishedRange: { from: 8083, to: 9000 } }],
    ]);
  });

  it("reads the long syntax of the v3 reference", () => {
    expect(SPEC_LISTS[3]?.map(parseComposePorts)).toEqual([[tcp(null, 8080, 80)]]);
  });
});

describe("parseComposePorts on other items", () => {
  it("reads a bare number, as YAML gives `- 3000`", () => {
    expect(parseComposePorts(3000)).toEqual([tcp(null, null, 3000)]);
  });

  it.each([
    ["${WEB_PORT}:80", "${WEB_PORT}:80"],
    ["127.0.0.1:${PG_PORT:-5432}:5432", "127.0.0.1:${PG_PORT:-5432}:5432"],
    ["$PORT:3000", "$PORT:3000"],
  ])("leaves %s unresolved", (entry, unresolved) => {
    expect(parseComposePorts(entry)).toEqual([{ unresolved }]);
  });

  it("leaves a long-syntax variable unresolved", () => {
    expect(parseComposePorts({ target: 80, published: "${WEB_PORT}", host_ip: "127.0.0.1" })).toEqual([{ unresolved: "${WEB_PORT}" }]);
    expect(parseComposePorts({ target: 80, published: 8080, host_ip: "${BIND_IP}" })).toEqual([{ unresolved: "${BIND_IP}" }]);
  });

  it("reads a long-syntax IPv6 host and a string target", () => {
    expect(parseComposePorts({ target: "6001", published: "6001", host_ip: "::1", protocol: "udp" })).toEqual([
      { hostIp: "::1", published: 6001, target: 6001, protocol: "udp" },
    ]);
  });

  it.each([
    null,
    undefined,
    true,
    0,
    70_000,
    3.5,
    "",
    "abc",
    "70000",
    "8000:",
    "/udp",
    "6060:6060/sctp",
    "1:2:3:4",
    "localhost:8000:8000",
    "9090-9091:8080-8082",
    "9-1:9-1",
    [],
    ["3000"],
    {},
    { target: "x" },
    { target: 80, host_ip: "localhost" },
    { target: 80, protocol: "sctp" },
    { published: 80 },
  ])("gives [] for %j", (entry) => {
    expect(parseComposePorts(entry)).toEqual([]);
  });
});

describe("findComposePortLines", () => {
  it("names service, entry, line and column of every ports item of a compose file", () => {
    const text = readFileSync(COMPOSE_FILE, "utf8");
    expect(findComposePortLines(text, "docker-compose.yml")).toEqual([
      { file: "docker-compose.yml", service: "postgres", entry: "127.0.0.1:5432:5432", line: 8, column: 9, ports: [tcp("127.0.0.1", 5432, 5432)] },
      { file: "docker-compose.yml", service: "redis", entry: "6379:6379", line: 13, column: 9, ports: [tcp(null, 6379, 6379)] },
      {
        file: "docker-compose.yml",
        service: "minio",
        entry: "{ target: 9000, published: 9000, host_ip: 127.0.0.1, protocol: tcp, mode: host }",
        line: 19,
        column: 9,
        hostIpAt: { line: 21, column: 18 },
        ports: [tcp("127.0.0.1", 9000, 9000)],
      },
      { file: "docker-compose.yml", service: "minio", entry: "9001:9001", line: 24, column: 9, ports: [tcp(null, 9001, 9001)] },
    ]);
  });

  it("follows an anchor and a merge key to the lines that hold the ports", () => {
    const text = [
      "x-db: &db",
      "  ports:",
      '    - "127.0.0.1:5432:5432"',
      "services:",
      "  main:",
      "    <<: *db",
      "  replica:",
      "    ports: &replica",
      "      - 5433:5432",
      "  other:",
      "    ports: *replica",
      "",
    ].join("\r\n");
    expect(findComposePortLines(text, "compose.yaml").map(({ service, entry, line, column }) => ({ service, entry, line, column }))).toEqual([
      { service: "main", entry: "127.0.0.1:5432:5432", line: 3, column: 7 },
      { service: "replica", entry: "5433:5432", line: 9, column: 9 },
      { service: "other", entry: "5433:5432", line: 9, column: 9 },
    ]);
  });

  it.each([
    "",
    "services: [",
    "::::",
    "services: 3",
    "services:\n  web:\n    ports: 3000\n",
    "services:\n  web:\n    image: nginx\n",
    "- 1\n- 2\n",
    "a: &a [*a]\nservices: *a\n",
    "\u0000\u0001 binary \uFFFD",
  ])("gives [] for %j", (text) => {
    expect(findComposePortLines(text, "compose.yaml")).toEqual([]);
  });
});
