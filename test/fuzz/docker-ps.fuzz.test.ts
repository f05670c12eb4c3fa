import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDockerPortsField, parseDockerPs, type PublishedPort } from "../../src/observe/parse/docker-ps.js";
import { anyText, isPort, mutated, nearValidOutput, osFixtureNames, parsesOrThrowsTyped, portText, runs } from "./fuzz-helpers.js";
import { osOutput } from "../helpers/os-fixtures.js";

// parseDockerPs and parseDockerPortsField (src/observe/parse/docker-ps.ts) read `docker ps` / `docker compose ps`
// output, tables and JSON; "lines it cannot read are skipped": nothing is documented to throw.

const portOf = (text: string): number | undefined => (/^\d{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65_535 ? Number(text) : undefined);

function checkPorts(ports: readonly PublishedPort[]): void {
  for (const p of ports) {
    expect(isPort(p.containerPort)).toBe(true);
    if (p.hostPort !== null) expect(isPort(p.hostPort)).toBe(true);
    expect(p.hostPort === null).toBe(p.hostIp === null);
    expect(["tcp", "udp"]).toContain(p.protocol);
  }
}

const hostArb = fc.constantFrom("0.0.0.0", "127.0.0.1", "::", "[::]", "[::1]", "");
const entryArb = fc
  .tuple(fc.option(fc.tuple(hostArb, portText), { nil: undefined }), portText, fc.constantFrom("tcp", "udp", "sctp", "TCP", ""))
  .map(([published, container, protocol]) => (published === undefined ? `${container}/${protocol}` : `${published[0]}:${published[1]}->${container}/${protocol}`));
const fieldArb = fc.array(entryArb, { maxLength: 5 }).map((entries) => entries.join(", "));

/** docker ps --format json objects: the fields docker writes, right or wrong in type. */
const jsonLineArb = fc
  .record(
    {
      ID: fc.oneof(fc.stringMatching(/^[0-9a-f]{12}$/), fc.anything()),
      Names: fc.oneof(fc.constantFrom("web", "db,alias", ""), fc.anything()),
      Image: fc.string(),
      Ports: fc.oneof(fieldArb, fc.array(entryArb), fc.anything()),
      Labels: fc.constantFrom("com.docker.compose.service=web,com.docker.compose.project=p", "", "a=b"),
      Publishers: fc.array(
        fc.record({ URL: fc.constantFrom("0.0.0.0", "::", ""), TargetPort: fc.oneof(fc.integer({ min: -2, max: 70_000 }), fc.double()), PublishedPort: fc.oneof(fc.integer({ min: -2, max: 70_000 }), fc.double()), Protocol: fc.constantFrom("tcp", "udp", "sctp", "") }, { requiredKeys: [] }),
        { maxLength: 3 },
      ),
    },
    { requiredKeys: [] },
  )
  .map((o) => JSON.stringify(o));

describe("parseDockerPortsField (fuzz)", () => {
  it("never throws; every published port is 1-65535, with a host address exactly when it has a host port", () => {
    fc.assert(
      fc.property(fc.oneof(fieldArb, mutated(fieldArb, 3), anyText), (field) => {
        checkPorts(parsesOrThrowsTyped(() => parseDockerPortsField(field)) ?? []);
      }),
      runs(1000),
    );
  });

  it("reads HOST:P->C/tcp back, and nothing when a port is not one", () => {
    fc.assert(
      fc.property(fc.constantFrom("0.0.0.0", "127.0.0.1", "::", "[::]"), portText, portText, (host, published, container) => {
        const ports = parseDockerPortsField(`${host}:${published}->${container}/tcp`);
        const hostPort = portOf(published);
        const containerPort = portOf(container);
        if (hostPort !== undefined && containerPort !== undefined) expect(ports).toEqual([{ hostIp: host.replace(/^\[|\]$/g, ""), hostPort, containerPort, protocol: "tcp" }]);
        else if (/^[\w.+]*$/.test(published + container)) expect(ports).toEqual([]);
      }),
      runs(600),
    );
  });

  it("reads the same ports whatever the spacing after the commas", () => {
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 5 }), fc.constantFrom(",", ", ", " ,  ", ",\t"), (entries, separator) => {
        expect(parseDockerPortsField(entries.join(separator))).toEqual(parseDockerPortsField(entries.join(", ")));
      }),
      runs(300),
    );
  });
});

describe("parseDockerPs (fuzz)", () => {
  it("never throws on arbitrary, mutated or generated output (tables and JSON lines); containers are well formed", () => {
    const input = fc.oneof(
      nearValidOutput(/^docker-/, 5),
      fc.array(jsonLineArb, { maxLength: 4 }).map((lines) => lines.join("\n")),
      fc.array(jsonLineArb, { maxLength: 4 }).map((lines) => `[${lines.join(",")}]`),
      fc.json(),
      anyText,
    );
    fc.assert(
      fc.property(input, (text) => {
        for (const c of parsesOrThrowsTyped(() => parseDockerPs(text)) ?? []) {
          expect(typeof c.name).toBe("string");
          expect(c.name).not.toBe("");
          checkPorts(c.ports);
        }
      }),
      runs(800),
    );
  });

  it("parses each real output the same with CRLF line ends and trailing blanks", () => {
    const texts = osFixtureNames(/^docker-/).map(osOutput);
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.constantFrom("\r\n", "\n"), fc.constantFrom("", " ", "   "), (text, eol, trailing) => {
        const changed = text
          .split("\n")
          .map((line) => (line.trim() === "" ? line : line + trailing))
          .join(eol);
        expect(parseDockerPs(changed)).toEqual(parseDockerPs(text));
      }),
      runs(200),
    );
  });

  it("regression: an empty first name (`Names: \",\"`) is no container name", () => {
    expect(parseDockerPs('[{"Names":","}]')).toEqual([]);
    expect(parseDockerPs('{"Names":",web","Service":"web"}')).toEqual([]);
  });

  it("regression: port 0 is no published port (`0.0.0.0:0->80/tcp`, `0-2/tcp`, Publishers with port 0 or 70000)", () => {
    expect(parseDockerPortsField("0.0.0.0:0->80/tcp, 0/tcp, 0-2/tcp, 127.0.0.1:8080->0/tcp")).toEqual([]);
    const line = JSON.stringify({ Name: "web", Publishers: [{ URL: "0.0.0.0", TargetPort: 0, PublishedPort: 8080, Protocol: "tcp" }, { TargetPort: 80, PublishedPort: 70_000 }, { TargetPort: 70_000 }] });
    expect(parseDockerPs(line)).toEqual([{ name: "web", ports: [{ hostIp: null, hostPort: null, containerPort: 80, protocol: "tcp" }] }]);
  });
});
