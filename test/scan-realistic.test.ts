import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { PortReference } from "../src/project/port-reference.js";
import { scanTree } from "../src/project/scan-tree.js";

const ROOT = fileURLToPath(new URL("fixtures/scan-realistic", import.meta.url));

const brief = (r: PortReference): [string, number, number, string | undefined] => [r.file, r.line, r.port, r.role];

/** Files holding only version numbers, timeouts, sleeps, years, phone numbers, a minified bundle. */
const SILENT = ["frontend/src/components/Footer.tsx", "frontend/public/vendor.min.js"];
/** Numbers that stand in the fixtures and are no ports: versions, timeouts, sleeps, years, counts, and 9999 in comments and skipped files. */
const NOT_PORTS = [9999, 2024, 3, 30, 555, 22, 16, 60, 5, 50, 4, 30000, 20, 7];

describe("the scan of a realistic tree (FastAPI backend, Next.js frontend, Go and Ruby services, deploy and CI configs, scripts)", () => {
  it("finds every reference, at its line, with its role", async () => {
    const { references, problems, skipped } = await scanTree(ROOT);
    expect([problems, skipped]).toEqual([[], []]);
    expect(references.map(brief)).toEqual([
      [".github/workflows/ci.yml", 11, 5432, "listen"], // a CI service mapped host:container: the runner's port
      [".github/workflows/ci.yml", 11, 5432, "internal"], // its container side
      [".github/workflows/ci.yml", 15, 6379, "internal"], // a CI service port, not mapped
      [".github/workflows/ci.yml", 17, 5432, "connect"],
      [".github/workflows/ci.yml", 23, 8001, "listen"], // run: uvicorn … --port 8001
      [".github/workflows/ci.yml", 24, 8001, "connect"],
      ["backend/.env.example", 2, 8000, "connect"],
      ["backend/.env.example", 3, 8010, "connect"], // # OLD_API_URL=…: commented out, informational
      ["backend/.env.example", 4, 6379, "connect"], // #REDIS_URL=…: informational
      ["backend/Dockerfile", 4, 8000, "listen"], // ENV API_PORT=8000, on a continued line
      ["backend/Dockerfile", 6, 8000, "listen"], // EXPOSE
      ["backend/Dockerfile", 8, 8000, "listen"], // CMD, exec form
      ["backend/Makefile", 6, 8000, "listen"],
      ["backend/alembic.ini", 4, 5432, "connect"], // sqlalchemy.url
      ["backend/app/config.py", 10, 5432, "connect"], // Field("…", env="DATABASE_URL")
      ["backend/app/config.py", 11, 6379, "connect"],
      ["backend/app/config.py", 12, 11434, "connect"], // Field(default="…", env=…)
      ["backend/app/config.py", 18, 6333, "connect"], // os.getenv("QDRANT_URL", "…")
      ["backend/app/config.py", 19, 7700, "connect"], // os.environ.get("SEARCH_HOST", "localhost:7700")
      ["backend/app/main.py", 9, 3000, "origin"], // the CORS allow-list
      ["backend/app/main.py", 10, 3000, "origin"],
      ["backend/pyproject.toml", 9, 8000, "connect"], // [tool.locust] host
      ["backend/pyproject.toml", 13, 8000, "listen"], // [tool.uvicorn] port
      ["backend/start.sh", 5, 8000, "connect"], // echoed URL
      ["backend/start.sh", 6, 8000, "listen"], // exec uvicorn … --port 8000
      ["ci/pipeline.yml", 6, 5432, "listen"], // ports: - 5432:5432, host side
      ["ci/pipeline.yml", 6, 5432, "internal"],
      ["deploy/Caddyfile", 1, 8080, "listen"],
      ["deploy/Caddyfile", 2, 3000, "connect"],
      ["deploy/Caddyfile", 6, 8000, "connect"],
      ["deploy/compose.yaml", 4, 8000, "internal"], // command: the container's own port
      ["deploy/compose.yaml", 6, 8000, "listen"],
      ["deploy/compose.yaml", 8, 8000, "internal"], // API_PORT equals the container side of 8000:8000
      ["deploy/compose.yaml", 9, 6379, "connect"], // REDIS_PORT: no container maps it
      ["deploy/compose.yaml", 10, 5432, "connect"], // db is no service of this file: a client's
      ["deploy/compose.yaml", 12, 8000, "internal"], // healthcheck test, exec form
      ["deploy/compose.yaml", 16, 5050, "listen"], // "${PGADMIN_PORT:-5050}:80"
      ["deploy/compose.yaml", 18, 80, "internal"], // PGADMIN_LISTEN_PORT: 80, the container side
      ["deploy/compose.yaml", 20, 80, "internal"], // healthcheck test, a string
      ["deploy/compose.yaml", 24, 9100, "listen"], // command under network_mode: host
      ["deploy/k8s/deployment.yaml", 15, 8000, "listen"], // containerPort
      ["deploy/k8s/deployment.yaml", 19, 8000, "internal"], // readinessProbe port
      ["deploy/k8s/deployment.yaml", 29, 80, "listen"], // Service port
      ["deploy/k8s/deployment.yaml", 30, 8000, "internal"], // targetPort
      ["deploy/k8s/deployment.yaml", 31, 30080, "listen"], // nodePort
      ["deploy/nginx.conf", 4, 8000, "connect"], // upstream server
      ["deploy/nginx.conf", 7, 80, "listen"],
      ["deploy/nginx.conf", 8, 80, "listen"],
      ["deploy/nginx.conf", 15, 3000, "connect"], // proxy_pass
      ["frontend/config/app.json", 4, 8000, "connect"],
      ["frontend/config/app.json", 7, 3000, "listen"], // "server": { "port": 3000 }
      ["frontend/config/app.json", 10, 5432, "connect"], // a port beside its host
      ["frontend/config/app.json", 12, 3000, "origin"], // allowedOrigins
      ["frontend/next.config.js", 4, 8000, "connect"], // rewrites destination
      ["frontend/src/app/page.tsx", 2, 8000, "browser"],
      ["frontend/src/lib/api.ts", 1, 8000, "browser"], // process.env.NEXT_PUBLIC_API_URL || '…'
      ["loadtest/artillery.yml", 2, 8002, "connect"], // artillery config.target
      ["scripts/dev.bat", 3, 8000, "listen"], // set PORT=8000
      ["scripts/dev.bat", 5, 8000, "listen"],
      ["scripts/dev.ps1", 2, 8000, "browser"], // $env:NEXT_PUBLIC_API_URL = "…"
      ["scripts/dev.ps1", 3, 3000, "connect"], // Write-Host "…"
      ["scripts/dev.ps1", 4, 3000, "listen"], // npx next dev -p 3000
      ["services/billing/config.rb", 2, 8000, "connect"], // ENV.fetch("API_URL", "…")
      ["services/billing/config.rb", 3, 6379, "connect"], // ENV["REDIS_URL"] || "…"
      ["services/billing/config.rb", 4, 7700, "connect"], // ENV.fetch("SEARCH_URL") { "…" }
      ["services/billing/config.rb", 9, 9090, "connect"], // :metrics_url => "…"
      ["services/gateway/main.go", 9, 8000, "connect"], // getEnv("AUTH_URL", "…")
      ["services/gateway/main.go", 14, 6379, "connect"], // redis.Options{Addr: "…"}
      ["services/gateway/main.go", 17, 7000, "connect"], // a raw string ending in a backslash
      ["services/gateway/main.go", 19, 8080, "listen"], // http.ListenAndServe(":8080", nil)
    ]);
  });

  it("stays silent on version numbers, timeouts, sleeps, years, phone numbers, comments and minified files", async () => {
    const { references, read } = await scanTree(ROOT);
    expect(references.filter((r) => SILENT.includes(r.file))).toEqual([]);
    expect(references.filter((r) => NOT_PORTS.includes(r.port) || (r.port === 3000 && r.role === undefined))).toEqual([]);
    // Lockfiles, TypeScript's settings and (without scan.docs) Markdown are not read at all.
    expect(read.filter((file) => /package-lock\.json|tsconfig\.json|\.md$/.test(file))).toEqual([]);
    expect(read).toContain("frontend/public/vendor.min.js");
    expect(read).toContain(".github/workflows/ci.yml");
  });

  it("marks commented-out env lines informational, and only those", async () => {
    const { references } = await scanTree(ROOT);
    const flagged = references.filter((r) => r.informational === true).map((r) => [r.file, r.line, r.port, r.key]);
    expect(flagged).toEqual([
      ["backend/.env.example", 3, 8010, "OLD_API_URL"],
      ["backend/.env.example", 4, 6379, "REDIS_URL"],
    ]);
  });

  it("reads Markdown only with docs: true, every reference informational", async () => {
    const { references, read } = await scanTree(ROOT, { docs: true });
    expect(read).toContain("docs/SETUP.md");
    const docs = references.filter((r) => r.file === "docs/SETUP.md");
    expect(docs.map((r) => [r.line, r.port, r.role, r.key, r.kind, r.informational])).toEqual([
      [3, 8000, "connect", undefined, "docs", true], // a URL in prose
      [6, 8000, "listen", "command", "docs", true], // $ uvicorn … --port 8000 in a bash block
      [10, 8000, "browser", "NEXT_PUBLIC_API_URL", "docs", true], // an env block
      [11, 3000, "listen", "PORT", "docs", true],
    ]);
    // `node:20` and "30 s" on line 14 stay silent; the rest of the tree is as without docs.
    expect(references.filter((r) => r.file !== "docs/SETUP.md")).toEqual((await scanTree(ROOT)).references);
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
    expect(at("loadtest/artillery.yml", 2)).toEqual({ host: "localhost", key: "config.target", kind: "config" });
    expect(at("frontend/config/app.json", 10)).toEqual({ host: "100.123.51.5", key: "database.port", kind: "config" });
    expect(at("services/gateway/main.go", 9)).toEqual({ host: "localhost", key: "AUTH_URL", kind: "source" });
    expect(at("services/billing/config.rb", 3)).toEqual({ host: "localhost", key: "REDIS_URL", kind: "source" });
    expect(at("deploy/compose.yaml", 18)).toEqual({ host: undefined, key: "PGADMIN_LISTEN_PORT", kind: "compose-env" });
  });
});
