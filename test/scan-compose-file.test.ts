import { describe, expect, it } from "vitest";
import { envValues, type EnvValues } from "../src/project/env-values.js";
import type { PortReference } from "../src/project/port-reference.js";
import { scanComposeFile } from "../src/project/scan-compose-file.js";

const NO_ENV: EnvValues = new Map();

/** Position, port, and the text at offset/length: what a reader (and --fix) sees. */
const seen = (text: string) => (r: PortReference) => ({
  at: `${r.line}:${r.column}`,
  port: r.port,
  written: text.slice(r.offset, r.offset + r.length),
  ...(r.hostIp === undefined ? {} : { hostIp: r.hostIp }),
  ...(r.host === undefined ? {} : { host: r.host }),
  ...(r.resolvedFrom === undefined ? {} : { resolvedFrom: r.resolvedFrom }),
});

describe("scanComposeFile: ports", () => {
  it("reads every short-syntax form of the Compose specification", () => {
    const text = `services:
  web:
    ports:
      - "3000"
      - "3000-3005"
      - "8000:8000"
      - "9090-9091:8080-8081"
      - "49100:22"
      - "8000-9000:80"
      - "127.0.0.1:8001:8001"
      - "127.0.0.1:5000-5002:5000-5002"
      - "::1:6000:6000"
      - "[::1]:6001:6001"
      - "6060:6060/udp"
      - "127.0.0.1::5000"
      - 8080:80
      - '7070:70'
      - 3001
`;
    const { references, problems } = scanComposeFile(text, "compose.yaml", NO_ENV);
    expect(problems).toEqual([]);
    expect(references.map(seen(text))).toEqual([
      { at: "6:10", port: 8000, written: "8000", hostIp: null },
      { at: "7:10", port: 9090, written: "9090-9091", hostIp: null },
      { at: "7:10", port: 9091, written: "9090-9091", hostIp: null },
      { at: "8:10", port: 49100, written: "49100", hostIp: null },
      { at: "10:20", port: 8001, written: "8001", hostIp: "127.0.0.1" },
      { at: "11:20", port: 5000, written: "5000-5002", hostIp: "127.0.0.1" },
      { at: "11:20", port: 5001, written: "5000-5002", hostIp: "127.0.0.1" },
      { at: "11:20", port: 5002, written: "5000-5002", hostIp: "127.0.0.1" },
      { at: "12:14", port: 6000, written: "6000", hostIp: "::1" },
      { at: "13:16", port: 6001, written: "6001", hostIp: "::1" },
      { at: "14:10", port: 6060, written: "6060", hostIp: null },
      { at: "16:9", port: 8080, written: "8080", hostIp: null },
      { at: "17:10", port: 7070, written: "7070", hostIp: null },
    ]);
    expect(new Set(references.map((r) => `${r.kind} ${r.key ?? ""}`))).toEqual(new Set(["compose-port web"]));
    expect(references[0]?.text).toBe("8000:8000");
  });

  it("reads the long syntax, and substitutes ${VAR} from the .env beside the file", () => {
    const env = envValues("# ports of this machine\nWEB_PORT=8080\nEMPTY=\n", "docker/.env");
    const text = `services:
  app:
    ports:
      - target: 80
        published: \${WEB_PORT}
        host_ip: \${BIND_IP:-127.0.0.1}
      - name: web-secured
        target: 443
        host_ip: 127.0.0.1
        published: "8083-9000"
      - "\${OTHER-7000}:82"
      - "\${EMPTY:-9000}:83"
      - "\${EMPTY-9001}:84"
      - "\${MISSING}:85"
      - "\${WEB_PORT}:86"
`;
    const { references, problems } = scanComposeFile(text, "docker/compose.yaml", env);
    expect(references.map(seen(text))).toEqual([
      { at: "5:20", port: 8080, written: "${WEB_PORT}", hostIp: "127.0.0.1", resolvedFrom: { variable: "WEB_PORT", file: "docker/.env", line: 2 } },
      { at: "11:18", port: 7000, written: "7000", hostIp: null, resolvedFrom: { variable: "OTHER" } },
      { at: "12:19", port: 9000, written: "9000", hostIp: null, resolvedFrom: { variable: "EMPTY" } },
      { at: "15:10", port: 8080, written: "${WEB_PORT}", hostIp: null, resolvedFrom: { variable: "WEB_PORT", file: "docker/.env", line: 2 } },
    ]);
    expect(problems).toEqual([
      {
        file: "docker/compose.yaml",
        line: 14,
        column: 10,
        reason: '${MISSING} in the ports of service app ("${MISSING}:85") is not set in docker/.env and has no default: the published port is unknown',
      },
    ]);
  });

  it("reports the ports of an anchor once for each service that uses it", () => {
    const text = `x-ports: &ports
  - "127.0.0.1:9100:9100"
x-port: &port "9200:9200"
x-long: &long { target: 80, published: 9300 }
services:
  one:
    ports: *ports
  two:
    <<: { ports: *ports }
  three:
    ports: [*port, *long]
`;
    const { references } = scanComposeFile(text, "docker-compose.yml", NO_ENV);
    expect(references.map((r) => `${r.key ?? ""} ${r.line}:${r.column} ${r.port}`)).toEqual(["one 2:16 9100", "two 2:16 9100", "three 3:16 9200", "three 4:40 9300"]);
  });
});

describe("scanComposeFile: environment and command", () => {
  it("reads environment maps and lists, merged and aliased, and commands as strings, lists and folded text", () => {
    const env = envValues("API_PORT=8000\n", ".env");
    const text = `x-env: &common-env
  SHARED_URL: http://shared:7000
services:
  a:
    environment:
      <<: *common-env
      OWN_PORT: "7001"
      NOTHING:
    command: ["sh", "-c", "PORT=7002 node server.js"]
  b:
    environment: *common-env
    entrypoint: uvicorn main:app --port=\${API_PORT}
  c:
    environment:
      - LIST_URL=http://list:\${LIST_PORT:-7003}/x
      - NOT_A_PAIR
      - "QUOTED_PORT=7005"
    command: >
      vite preview
      --host 0.0.0.0
      --port 7004
`;
    const { references, problems } = scanComposeFile(text, "compose.yml", env);
    expect(problems).toEqual([]);
    expect(references.map((r) => ({ kind: r.kind, key: r.key, ...seen(text)(r), program: r.program }))).toEqual([
      { kind: "compose-env", key: "SHARED_URL", at: "2:29", port: 7000, written: "7000", host: "shared", program: undefined },
      { kind: "compose-env", key: "OWN_PORT", at: "7:18", port: 7001, written: "7001", program: undefined },
      { kind: "compose-command", key: "a", at: "9:33", port: 7002, written: "7002", program: "PORT=" },
      {
        kind: "compose-command",
        key: "b",
        at: "12:41",
        port: 8000,
        written: "${API_PORT}",
        resolvedFrom: { variable: "API_PORT", file: ".env", line: 1 },
        program: "uvicorn",
      },
      { kind: "compose-env", key: "LIST_URL", at: "15:43", port: 7003, written: "7003", host: "list", resolvedFrom: { variable: "LIST_PORT" }, program: undefined },
      { kind: "compose-env", key: "QUOTED_PORT", at: "17:22", port: 7005, written: "7005", program: undefined },
      { kind: "compose-command", key: "c", at: "21:14", port: 7004, written: "7004", host: "0.0.0.0", program: "vite" },
    ]);
    expect(references.find((r) => r.key === "LIST_URL")?.text).toBe("http://list:${LIST_PORT:-7003}/x");
    expect(references.find((r) => r.key === "a")?.text).toBe("sh -c PORT=7002 node server.js");
    expect(references.find((r) => r.key === "c")?.text).toBe("vite preview --host 0.0.0.0 --port 7004\n");
  });
});

describe("scanComposeFile: bad input", () => {
  it.each([
    ["an unclosed flow sequence", "services:\n  web:\n    ports: [\"8080:80\"\n    image: x\n", 4, 5],
    ["a tab for indentation", "services:\n\tweb:\n    ports:\n      - 80:80\n", 2, 1],
    ["two documents", "services: {}\n---\nservices: {}\n", 2, 1],
  ])("%s is one problem with its line and column, and no references", (_, text, line, column) => {
    const { references, problems } = scanComposeFile(text, "compose.yaml", NO_ENV);
    expect(references).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "compose.yaml", line, column });
    expect(problems[0]?.reason).toMatch(/^invalid YAML: /);
  });

  it.each([
    ["empty", ""],
    ["a list", "- a\n- b\n"],
    ["services as a list", "services:\n  - web\n"],
    ["ports as a string", "services:\n  web:\n    ports: 8080:80\n"],
    ["odd items", "services:\n  web:\n    ports: [null, true, {}, [1], \"x:y\", \"99999:80\"]\n    environment: [1, null]\n    command: [[\"--port\", 1]]\n"],
    ["an alias bomb", `a: &a ["1:1","1:1"]\nb: &b [*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b]\nservices:\n  web:\n    ports: *c\n`],
  ])("%s gives nothing and does not throw", (_, text) => {
    expect(scanComposeFile(text, "compose.yaml", NO_ENV)).toEqual({ references: [], problems: [] });
  });
});
