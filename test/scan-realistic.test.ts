import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { PortReference } from "../src/project/port-reference.js";
import { scanTree } from "../src/project/scan-tree.js";

const ROOT = fileURLToPath(new URL("fixtures/scan-realistic", import.meta.url));

const brief = (r: PortReference): [string, number, number, string | undefined] => [r.file, r.line, r.port, r.role];

/** Files holding only version numbers, timeouts, sleeps, years, phone numbers, a minified bundle, a CI config. */
const SILENT = ["frontend/src/components/Footer.tsx", "frontend/public/vendor.min.js", "ci/pipeline.yml"];

describe("the scan of a realistic tree (FastAPI backend, Next.js frontend, deploy configs, scripts)", () => {
  it("finds every reference, at its line, with its role", async () => {
    const { references, problems, skipped } = await scanTree(ROOT);
    expect([problems, skipped]).toEqual([[], []]);
    expect(references.map(brief)).toEqual([
      ["backend/Dockerfile", 4, 8000, "listen"], // ENV API_PORT=8000, on a continued line
      ["backend/Dockerfile", 6, 8000, "listen"], // EXPOSE
      ["backend/Dockerfile", 8, 8000, "listen"], // CMD, exec form
      ["backend/Makefile", 6, 8000, "listen"],
      ["backend/app/config.py", 10, 5432, "connect"], // Field("…", env="DATABASE_URL")
      ["backend/app/config.py", 11, 6379, "connect"],
      ["backend/app/config.py", 12, 11434, "connect"], // Field(default="…", env=…)
      ["backend/app/config.py", 18, 6333, "connect"], // os.getenv("QDRANT_URL", "…")
      ["backend/app/config.py", 19, 7700, "connect"], // os.environ.get("SEARCH_HOST", "localhost:7700")
      ["backend/app/main.py", 9, 3000, "origin"], // the CORS allow-list
      ["backend/app/main.py", 10, 3000, "origin"],
      ["backend/start.sh", 5, 8000, "connect"], // echoed URL
      ["backend/start.sh", 6, 8000, "listen"], // exec uvicorn … --port 8000
      ["deploy/Caddyfile", 1, 8080, "listen"],
      ["deploy/Caddyfile", 2, 3000, "connect"],
      ["deploy/Caddyfile", 6, 8000, "connect"],
      ["deploy/k8s/deployment.yaml", 15, 8000, "listen"], // containerPort
      ["deploy/k8s/deployment.yaml", 19, 8000, "internal"], // readinessProbe port
      ["deploy/k8s/deployment.yaml", 29, 80, "listen"], // Service port
      ["deploy/k8s/deployment.yaml", 30, 8000, "internal"], // targetPort
      ["deploy/k8s/deployment.yaml", 31, 30080, "listen"], // nodePort
      ["deploy/nginx.conf", 4, 8000, "connect"], // upstream server
      ["deploy/nginx.conf", 7, 80, "listen"],
      ["deploy/nginx.conf", 8, 80, "listen"],
      ["deploy/nginx.conf", 15, 3000, "connect"], // proxy_pass
      ["frontend/next.config.js", 4, 8000, "connect"], // rewrites destination
      ["frontend/src/app/page.tsx", 2, 8000, "browser"],
      ["frontend/src/lib/api.ts", 1, 8000, "browser"], // process.env.NEXT_PUBLIC_API_URL || '…'
      ["scripts/dev.bat", 3, 8000, "listen"], // set PORT=8000
      ["scripts/dev.bat", 5, 8000, "listen"],
      ["scripts/dev.ps1", 2, 8000, "browser"], // $env:NEXT_PUBLIC_API_URL = "…"
      ["scripts/dev.ps1", 3, 3000, "connect"], // Write-Host "…"
      ["scripts/dev.ps1", 4, 3000, "listen"], // npx next dev -p 3000
    ]);
  });

  it("stays silent on version numbers, timeouts, sleeps, years, phone numbers, comments and minified files", async () => {
    const { references, read } = await scanTree(ROOT);
    expect(references.filter((r) => SILENT.includes(r.file))).toEqual([]);
    expect(references.filter((r) => [9999, 2024, 3, 30, 555].includes(r.port) || (r.port === 3000 && r.role === undefined))).toEqual([]);
    // A YAML file that is no Kubernetes manifest is not read at all.
    expect(read).not.toContain("ci/pipeline.yml");
    expect(read).toContain("frontend/public/vendor.min.js");
  });

  it("keeps the hosts and keys a rule needs", async () => {
    const { references } = await scanTree(ROOT);
    const at = (file: string, line: number): Partial<PortReference> | undefined => {
      const r = references.find((x) => x.file === file && x.line === line);
      return r === undefined ? undefined : { host: r.host, key: r.key, kind: r.kind };
    };
    expect(at("backend/app/config.py", 10)).toEqual({ host: "db.internal.example", key: "DATABASE_URL", kind: "source" });
    expect(at("frontend/src/lib/api.ts", 1)).toEqual({ host: "localhost", key: "NEXT_PUBLIC_API_URL", kind: "source" });
    expect(at("backend/Dockerfile", 8)).toEqual({ host: "0.0.0.0", key: "CMD", kind: "dockerfile" });
    expect(at("deploy/nginx.conf", 8)).toEqual({ host: "::", key: "listen", kind: "nginx" });
  });
});
