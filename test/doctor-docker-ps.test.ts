import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDockerPortsField, parseDockerPs, type DockerContainer, type PublishedPort } from "../src/observe/parse/docker-ps.js";
import { OS_FIXTURES, osOutput } from "./helpers/os-fixtures.js";

/** Real `docker ps` / `docker compose ps` outputs (see SOURCES.md there). */

const tcp = (hostIp: string | null, hostPort: number | null, containerPort: number): PublishedPort => ({ hostIp, hostPort, containerPort, protocol: "tcp" });
/** docker publishes on both families: `0.0.0.0:P->C/tcp, :::P->C/tcp` (or `[::]:P`). */
const dual = (hostPort: number, containerPort: number): PublishedPort[] => [tcp("0.0.0.0", hostPort, containerPort), tcp("::", hostPort, containerPort)];

const EXPECTED: Record<string, DockerContainer[]> = {
  "docker-compose-ps-loopback.txt": [
    {
      name: "solo-shop-builder-private-e-commerce-for-micro-sellers-postgres-1",
      image: "postgres:16-alpine",
      service: "postgres",
      ports: [tcp("127.0.0.1", 5432, 5432)],
    },
  ],
  "docker-ps-format-json-2022.txt": [
    { id: "059a153f844c", name: "stupefied_kirch", image: "fedora:35", ports: [] },
    { id: "b778cbd0fc54", name: "foo", image: "nginx:alpine", ports: [tcp(null, null, 80)] },
    { id: "5b88bd2598fc", name: "keen_dubinsky", image: "quay.io/goswagger/swagger:0.7.4", ports: [] },
  ],
  "docker-ps-format-json.txt": [
    { id: "30a73eea432e", name: "bar", image: "nginx:alpine", ports: [tcp(null, null, 80)] },
    { id: "9124ad73c355", name: "foo", image: "nginx:alpine", ports: [tcp(null, null, 80)] },
  ],
  "docker-ps-grep-ipv6-brackets.txt": [{ id: "e51209c28716", name: "infallible_torvalds", image: "chromadb/chroma", ports: dual(8000, 8000) }],
  // A custom `table` format without a NAMES column: the service names the container.
  "docker-ps-project-service-status-ports.txt": [
    { name: "agent", service: "agent", project: "ladder99", ports: dual(5000, 5000) },
    { name: "dozzle", service: "dozzle", project: "ladder99", ports: dual(8080, 8080) },
    { name: "grafana", service: "grafana", project: "ladder99", ports: dual(80, 3000) },
    { name: "pgadmin", service: "pgadmin", project: "ladder99", ports: dual(5050, 5050) },
    { name: "portainer", service: "portainer", project: "ladder99", ports: [tcp(null, null, 8000), tcp(null, null, 9443), ...dual(9000, 9000)] },
    { name: "postgres", service: "postgres", project: "ladder99", ports: dual(5432, 5432) },
  ],
  "docker-ps-table-ephemeral-issue-syspass37.txt": [
    { id: "a25de533af49", name: "syspass-app", image: "syspass/syspass:3.1.2", ports: [tcp("0.0.0.0", 32770, 80), tcp("0.0.0.0", 32769, 443)] },
    { id: "2a8a0a0c17a9", name: "syspass-db", image: "mariadb:10.2", ports: [tcp("0.0.0.0", 32768, 3306)] },
  ],
  "docker-ps-table-ipv4-ipv6.txt": [{ id: "2898799554ce", name: "psql_12", image: "postgres:12", ports: dual(5432, 5432) }],
};

describe("parseDockerPs on every docker fixture", () => {
  it("has an expectation for each docker-*.txt file", () => {
    const files = readdirSync(OS_FIXTURES).filter((name) => name.startsWith("docker-"));
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))("%s", (file, expected) => {
    expect(parseDockerPs(osOutput(file))).toEqual(expected);
  });

  it.each(Object.entries(EXPECTED))("%s with CRLF line endings", (file, expected) => {
    expect(parseDockerPs(osOutput(file).replace(/\r?\n/g, "\r\n"))).toEqual(expected);
  });
});

describe("parseDockerPs on other real outputs", () => {
  // docker/compose docs/reference/compose_ps.md: compose before 2.21 printed a JSON array with Publishers only.
  it("reads the JSON array of `docker compose ps --format json` and its Publishers", () => {
    const output =
      `[{"ID":"1553b0236cf4d2715845f053a4ee97042c4f9a2ef655731ee34f1f7940eaa41a","Name":"example-bar-1","Command":"/docker-entrypoint.sh nginx -g 'daemon off;'","Project":"example","Service":"bar","State":"exited","Health":"","ExitCode":0,"Publishers":null},` +
      `{"ID":"f02a4efaabb67416e1ff127d51c4b5578634a0ad5743bd65225ff7d1909a3fa0","Name":"example-foo-1","Command":"/docker-entrypoint.sh nginx -g 'daemon off;'","Project":"example","Service":"foo","State":"running","Health":"","ExitCode":0,"Publishers":[{"URL":"0.0.0.0","TargetPort":80,"PublishedPort":8080,"Protocol":"tcp"}]}]`;
    expect(parseDockerPs(output)).toEqual([
      { id: "1553b0236cf4d2715845f053a4ee97042c4f9a2ef655731ee34f1f7940eaa41a", name: "example-bar-1", service: "bar", project: "example", ports: [] },
      { id: "f02a4efaabb67416e1ff127d51c4b5578634a0ad5743bd65225ff7d1909a3fa0", name: "example-foo-1", service: "foo", project: "example", ports: [tcp("0.0.0.0", 8080, 80)] },
    ]);
  });

  // Same page: a `docker compose ps` table whose exited container has an empty PORTS cell.
  it("reads a compose table with an empty PORTS cell", () => {
    const output = [
      "NAME            IMAGE     COMMAND           SERVICE    CREATED         STATUS          PORTS",
      'example-foo-1   alpine    "/entrypoint.…"   foo        4 seconds ago   Up 2 seconds    0.0.0.0:8080->80/tcp',
      'example-bar-1   alpine    "/entrypoint.…"   bar        4 seconds ago   exited (0)',
    ].join("\n");
    expect(parseDockerPs(output)).toEqual([
      { name: "example-foo-1", image: "alpine", service: "foo", ports: [tcp("0.0.0.0", 8080, 80)] },
      { name: "example-bar-1", image: "alpine", service: "bar", ports: [] },
    ]);
  });

  it.each([
    ["", []],
    ["\n\n", []],
    ["hello world", []],
    ["CONTAINER ID   IMAGE   COMMAND   CREATED   STATUS   PORTS   NAMES", []],
    ['{"Names":', []],
    ["[1, 2, 3]", []],
    ['{"ID":"abc"}', []],
    ["null", []],
    ["\u0000\u0001 binary \uFFFD", []],
    ["a".repeat(10_000), []],
  ])("garbage %#", (text, expected) => {
    expect(parseDockerPs(text)).toEqual(expected);
  });
});

describe("parseDockerPortsField", () => {
  it("reads loopback, IPv4, both IPv6 spellings, exposed-only ports and ranges", () => {
    expect(parseDockerPortsField("127.0.0.1:5432->5432/tcp, 0.0.0.0:8000->8000/tcp, :::8000->8000/tcp, [::]:8000->8000/tcp, 6379/tcp, 0.0.0.0:8000-8005->8000-8005/tcp")).toEqual([
      tcp("127.0.0.1", 5432, 5432),
      tcp("0.0.0.0", 8000, 8000),
      tcp("::", 8000, 8000),
      tcp("::", 8000, 8000),
      tcp(null, null, 6379),
      ...[0, 1, 2, 3, 4, 5].map((i) => tcp("0.0.0.0", 8000 + i, 8000 + i)),
    ]);
  });

  // microrealestate/microrealestate#250: `docker ps --format "table {{.Names}}\t{{.Ports}}"`, with udp.
  it("reads udp entries", () => {
    expect(parseDockerPortsField("80/tcp, 0.0.0.0:443->443/tcp, [::]:443->443/tcp, 2019/tcp, 443/udp, 0.0.0.0:8080->8080/tcp, [::]:8080->8080/tcp")).toEqual([
      tcp(null, null, 80),
      ...dual(443, 443),
      tcp(null, null, 2019),
      { hostIp: null, hostPort: null, containerPort: 443, protocol: "udp" },
      ...dual(8080, 8080),
    ]);
  });

  // docker-archive/compose-cli#98: a published range of 1001 ports.
  it("expands a long range", () => {
    const ports = parseDockerPortsField("0.0.0.0:80->80/tcp, 0.0.0.0:8000-9000->8000-9000/tcp");
    expect(ports).toHaveLength(1002);
    expect(ports.at(-1)).toEqual(tcp("0.0.0.0", 9000, 9000));
  });

  it.each(["", "  ", "80", "80/", "/tcp", "0.0.0.0:99999->80/tcp", "0.0.0.0:8000-8001->80/tcp", "0.0.0.0:9-1->9-1/tcp", "132/sctp", "->80/tcp", "x".repeat(5000)])(
    "leaves out %j",
    (field) => {
      expect(parseDockerPortsField(field)).toEqual([]);
    },
  );
});
