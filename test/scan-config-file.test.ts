import { describe, expect, it } from "vitest";
import type { PortReference } from "../src/project/port-reference.js";
import { scanConfigFile } from "../src/project/scan-config-file.js";
import { scanTomlFile } from "../src/project/scan-toml-file.js";

const brief = (r: PortReference): [number, number, string | undefined, string | undefined] => [r.line, r.port, r.role, r.key];

describe("scanConfigFile and scanTomlFile: configs that are neither compose nor Kubernetes", () => {
  it("a GitHub workflow gives its URLs and mapped service ports, not versions, timeouts or image tags", () => {
    const text = "jobs:\n  t:\n    timeout-minutes: 30\n    services:\n      db:\n        image: postgres:16\n        ports: ['127.0.0.1:15432:5432', 6379]\n    steps:\n      - with: { node-version: 22, python-version: '3.12' }\n";
    expect(scanConfigFile(text, "ci.yml", "yaml").references.map(brief)).toEqual([
      [7, 15432, "listen", "jobs.t.services.db.ports"],
      [7, 5432, "internal", "jobs.t.services.db.ports"],
      [7, 6379, "internal", "jobs.t.services.db.ports"],
    ]);
  });

  it("JSON: positions of escaped strings, a port beside its host, nothing from arrays of numbers", () => {
    const text = '{\n  "db": { "port": 5432, "host": "100.123.51.5" },\n  "api": "http:\\/\\/localhost:8000",\n  "sizes": [8000, 3000]\n}\n';
    const { references } = scanConfigFile(text, "app.json", "json");
    expect(references.map(brief)).toEqual([
      [2, 5432, "connect", "db.port"],
      [3, 8000, "connect", "api"],
    ]);
    expect(references.map((r) => text.slice(r.offset, r.offset + r.length))).toEqual(["5432", "8000"]);
  });

  it("invalid JSON or YAML is one problem and no references", () => {
    expect(scanConfigFile('{ "a": "http://localhost:8000", }', "x.json", "json")).toMatchObject({ references: [], problems: [{ file: "x.json" }] });
    expect(scanConfigFile("a: [\n", "x.yml", "yaml").problems).toHaveLength(1);
  });

  it("TOML: sections, multi-line arrays and comments; INI: unquoted values", () => {
    const toml = '[server]\nport = 8001 # the API\n\n[cors]\norigins = [\n  "http://localhost:3000",\n  # "http://localhost:9999",\n]\n';
    expect(scanTomlFile(toml, "pyproject.toml", "toml").references.map(brief)).toEqual([
      [2, 8001, "listen", "server.port"],
      [6, 3000, "origin", "cors.origins"],
    ]);
    const ini = "[locust]\nhost = http://localhost:8089\nusers = 10\n";
    expect(scanTomlFile(ini, "locust.conf", "ini").references.map(brief)).toEqual([[2, 8089, "connect", "locust.host"]]);
  });

  it("reads a 1.5 MB JSON data file in one pass", () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => ({ id: i, url: `http://localhost:${(i % 50) + 8000}/x` }));
    const text = JSON.stringify({ rows });
    const { references } = scanConfigFile(text, "data.json", "json");
    expect(references).toHaveLength(40_000);
  });
});
