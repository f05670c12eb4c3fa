import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, runCli } from "./helpers/run-cli.js";
import { skipping } from "./helpers/skip-reason.js";

// Issue 20 part 2: the README's Prometheus files are checked by Prometheus's own tools, with targets `export` wrote.
const EXAMPLES = path.join(REPO_ROOT, "examples", "prometheus");
const PROMTOOL = "/usr/bin/promtool";
const BLACKBOX = "/usr/bin/prometheus-blackbox-exporter";
const run = promisify(execFile);

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "sparkport-prom-examples-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("examples/prometheus", () => {
  it.skipIf(skipping(!existsSync(PROMTOOL), "the prometheus.yml check", `${PROMTOOL} is absent (Debian package prometheus)`))(
    "prometheus.yml passes promtool check config, its file_sd file written by export",
    async () => {
      const targets = path.join(scratch, "sparkport-targets.json");
      const exported = await runCli(["-r", path.join(REPO_ROOT, "test", "fixtures", "prometheus", "ports.yaml"), "export", "prometheus", "--write", targets]);
      expect(exported.status, exported.stderr).toBe(0);
      const config = (await readFile(path.join(EXAMPLES, "prometheus.yml"), "utf8")).replaceAll("/etc/prometheus/sparkport-targets.json", targets);
      expect(config).toContain(targets);
      const file = path.join(scratch, "prometheus.yml");
      await writeFile(file, config);
      const { stdout, stderr } = await run(PROMTOOL, ["check", "config", file]);
      expect(`${stdout}${stderr}`).toContain("SUCCESS");
      expect(`${stdout}${stderr}`).not.toContain("WARNING");
    },
  );

  it.skipIf(skipping(!existsSync(BLACKBOX), "the blackbox.yml check", `${BLACKBOX} is absent (Debian package prometheus-blackbox-exporter)`))(
    "blackbox.yml passes the exporter's --config.check, with the modules export names",
    async () => {
      const file = path.join(EXAMPLES, "blackbox.yml");
      const { stderr } = await run(BLACKBOX, ["--config.check", `--config.file=${file}`]);
      expect(stderr).toContain("Config file is ok");
      const text = await readFile(file, "utf8");
      for (const module of ["tcp_connect", "http_2xx"]) expect(text).toMatch(new RegExp(`^  ${module}:$`, "m"));
    },
  );
});
