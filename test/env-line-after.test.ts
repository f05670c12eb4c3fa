import { describe, expect, it } from "vitest";
import type { PortReference } from "../src/project/port-reference.js";
import { envLineAfter } from "../src/project/env-line-after.js";

const ref = (over: Partial<PortReference>): PortReference => ({ file: "backend/.env", line: 1, column: 1, offset: 0, length: 4, port: 8000, kind: "env", key: "API_URL", text: "http://localhost:8000", ...over });

describe("the .env line a fix writes", () => {
  it("rewrites the port or the host where it stands once", () => {
    expect(envLineAfter(ref({}), { kind: "port", port: 8020 })).toEqual({ line: "API_URL=http://localhost:8020", masked: false });
    expect(envLineAfter(ref({ host: "localhost" }), { kind: "host", host: "100.1.2.3" })).toEqual({ line: "API_URL=http://100.1.2.3:8000", masked: false });
    expect(envLineAfter(ref({ key: "PORT", text: "8000" }), { kind: "port", port: 8020 })?.line).toBe("PORT=8020");
  });

  it("masks a password and says so; gives no line where the place is not certain", () => {
    expect(envLineAfter(ref({ text: "redis://u:pw@localhost:8000/0" }), { kind: "port", port: 8020 })).toEqual({ line: "API_URL=redis://u:***@localhost:8020/0", masked: true });
    // The port twice in the value: which one the edit means is not certain.
    expect(envLineAfter(ref({ text: "http://localhost:8000/8000" }), { kind: "port", port: 8020 })).toBeUndefined();
    // 18000 is no 8000.
    expect(envLineAfter(ref({ text: "http://localhost:8000/v18000" }), { kind: "port", port: 8020 })?.line).toBe("API_URL=http://localhost:8020/v18000");
    expect(envLineAfter(ref({ kind: "script", key: "dev" }), { kind: "port", port: 8020 })).toBeUndefined();
  });
});
