import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { registryJsonSchemaText } from "../src/registry/json-schema.js";

const checkedIn = readFileSync(new URL("../registry/ports.schema.json", import.meta.url), "utf8");

describe("registry/ports.schema.json", () => {
  it("is generated from the current zod schema (run `npm run schema` when this fails)", () => {
    expect(checkedIn).toBe(registryJsonSchemaText());
  });

  it("is strict: unknown keys are not allowed at the top level or in services", () => {
    const schema: unknown = JSON.parse(checkedIn);
    expect(schema).toMatchObject({
      additionalProperties: false,
      properties: { services: { items: { additionalProperties: false, required: expect.arrayContaining(["name", "port", "team", "node"]) } } },
    });
  });

  it("is the schema the repo's ports.yaml points editors at", () => {
    const firstLine = readFileSync(new URL("../ports.yaml", import.meta.url), "utf8").split("\n")[0];
    expect(firstLine).toBe("# yaml-language-server: $schema=./registry/ports.schema.json");
  });
});
