import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, runCli } from "./helpers/run-cli.js";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "scan-bare-ports");

interface Report {
  scan: { references: number };
  findings: { code: string; message: string; location: { file: string; line: number } }[];
}

describe("the scan reads ports written alone in source, where a port-named key, variable or listen call holds them", () => {
  it("finds settings-class fields, env fallbacks, listen calls and framework config ports, and stays silent on the rest", async () => {
    const run = await runCli(["lint", "--json"], { cwd: FIXTURE });
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    const scan = report.findings.filter((f) => f.code.startsWith("scan-")).map((f) => `${f.location.file}:${f.location.line} ${f.code}`);
    expect(scan).toEqual([
      "backend/app/config.py:10 scan-unregistered-port",
      "backend/app/config.py:11 scan-unregistered-port",
      "backend/app/main.py:5 scan-unregistered-port",
      "frontend/mock-server.js:8 scan-unregistered-port",
      "frontend/vite.config.ts:5 scan-unregistered-port",
      "worker/worker.rb:4 scan-unregistered-port",
    ]);
    // The registered ones agree and say nothing: api_port 8000, REDIS_PORT 6379, vite's 3000, PORT || 3005. Bounds
    // (min_port, max_port), timeouts, range(8000, 8010), a viewport, setTimeout(…, 3000) and a commented-out
    // default are no references at all.
    expect(report.scan.references).toBe(10);
    const messages = report.findings.map((f) => f.message);
    expect(messages).toContain("redis_port: int = 6380 uses 6380, which no service on macmini holds; redis runs on macmini at 6379");
    expect(messages).toContain('PORT = int(os.getenv("PORT", "8020")) uses 8020, which no service on macmini holds');
    expect(messages).toContain("preview: { port: 4173 }, uses 4173, which no service on laptop holds");
  });
});
