import { spawn, spawnSync } from "node:child_process";
import { chmod, copyFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRegistry } from "../src/registry/parse-registry.js";
import { CLI, REPO_ROOT, runCli } from "./helpers/run-cli.js";
import { publicBuild, runAsNobody, whyNotAsNobody } from "./helpers/as-nobody.js";

// Nothing here probes: every run is --no-remote, and the registries of the
// concurrency tests put their only node on 127.0.0.1.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sparkport-allocate-"));
  await chmod(dir, 0o755);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function repoCopy(name: string): Promise<string> {
  const file = path.join(dir, `${name}.yaml`);
  await copyFile(path.join(REPO_ROOT, "ports.yaml"), file);
  return file;
}

async function loopbackRegistry(name: string): Promise<string> {
  const file = path.join(dir, `${name}.yaml`);
  await writeFile(
    file,
    [
      "# A registry for concurrent writers.",
      "version: 1",
      "nodes:",
      "  here: {address: 127.0.0.1, os: linux}",
      "teams:",
      "  B: {name: Backend, ranges: [{name: b, from: 28000, to: 28999}]}",
      "environments:",
      "  dev: {offset: 0}",
      "services:",
      "  - {name: seed, team: B, node: here, port: 28000, protocol: http, access: all-nodes, status: running}",
      "",
    ].join("\n"),
  );
  return file;
}

const sparkport = (file: string, args: string[]) => runCli(["--no-remote", "--registry", file, ...args]);

describe("allocate, release, set-status on the repo's own ports.yaml", () => {
  it("allocate then release is a byte-for-byte round trip; every comment and untouched line stays", async () => {
    const file = await repoCopy("roundtrip");
    const original = await readFile(file, "utf8");
    const added = await sparkport(file, ["allocate", "storybook", "--team", "C", "--node", "laptop", "--port", "3002", "--note", "Storybook (guide: 3002-3099 for extra tools)"]);
    expect(added.status).toBe(0);
    expect(added.stdout).toContain("+  - name: storybook");
    const after = await readFile(file, "utf8");
    // Only lines were added: the original's lines all survive, in order.
    const kept = original.split("\n");
    const now = after.split("\n");
    expect(now.filter((line) => !kept.includes(line))).toEqual(
      expect.arrayContaining(["  - name: storybook", "    port: 3002", '    note: "Storybook (guide: 3002-3099 for extra tools)"']),
    );
    expect((await runCli(["lint", "--registry", file])).status).toBe(0);
    expect((await sparkport(file, ["release", "storybook"])).status).toBe(0);
    expect(await readFile(file, "utf8")).toBe(original);
  });

  it("without --port takes the next free port in the team's range, env-derived ports counted; --dry-run writes nothing", async () => {
    const file = await repoCopy("next");
    const original = await readFile(file, "utf8");
    const run = await sparkport(file, ["allocate", "worker", "--team", "B", "--node", "macmini", "--env", "test", "--dry-run", "--json"]);
    const result = JSON.parse(run.stdout) as { plan: { port: number; ports: Record<string, number> }; edit: { written: boolean } };
    // 8000/8001/8010 are FastAPI's; 8002 and 8003 are free.
    expect(result.plan.ports).toEqual({ dev: 8002, test: 8003 });
    expect(result.edit.written).toBe(false);
    expect(await readFile(file, "utf8")).toBe(original);
  });

  it("refuses, with exit 1 and nothing written: allocated, locked, outside the range, reserved; --exception records its reason", async () => {
    const file = await repoCopy("refusals");
    const original = await readFile(file, "utf8");
    const cases: [string[], string][] = [
      [["allocate", "x", "--team", "B", "--node", "macmini", "--port", "8000"], "port-allocated  8000 is allocated to FastAPI (dev)"],
      [["allocate", "x", "--team", "A", "--node", "macmini", "--port", "5432"], "allocate-locked  5432 is the locked port of PostgreSQL"],
      [["allocate", "x", "--team", "B", "--node", "macmini", "--port", "3005"], "port-outside-team-range  3005 is outside team B's ranges (8000-8099)"],
      [["allocate", "x", "--team", "A", "--node", "macmini", "--port", "5555"], "allocate-reserved  5555 is reserved for Celery Flower (medium priority)"],
      [["allocate", "fastapi", "--team", "B", "--node", "macmini", "--port", "8050"], 'allocate-name-taken  a service named "fastapi" already exists'],
      [["release", "postgresql"], "release-locked  postgresql is locked shared infrastructure"],
    ];
    for (const [args, message] of cases) {
      const run = await sparkport(file, args);
      expect(run.status, args.join(" ")).toBe(1);
      expect(run.stdout).toContain(message);
      expect(run.stdout).toContain("nothing was written");
      // allocate prints no "next free port below": it says how to get one.
      expect(run.stdout).not.toContain("see the next free port below");
    }
    const taken = await sparkport(file, cases[0]?.[0] ?? []);
    expect(taken.stdout).toContain("fix: leave out --port to take the next free port in the team's ranges");
    expect(await readFile(file, "utf8")).toBe(original);
    const excepted = await sparkport(file, ["allocate", "grafana-dev", "--team", "C", "--node", "laptop", "--port", "3150", "--exception", "Grafana's reserved neighbourhood"]);
    expect(excepted.status).toBe(0);
    expect(await readFile(file, "utf8")).toContain("      reason: Grafana's reserved neighbourhood");
    expect((await runCli(["lint", "--registry", file])).status).toBe(0);
  });

  it("bad input exits 2 and names the valid values", async () => {
    const file = await repoCopy("bad");
    const cases: [string[], string][] = [
      [["allocate", "x", "--team", "Z", "--node", "macmini"], 'unknown team "Z"'],
      [["allocate", "x", "--team", "B", "--node", "macmini", "--port", "70000"], "port-out-of-range"],
      [["allocate", "x", "--team", "B", "--node", "macmini", "--port", "abc"], '--port must be a port 1-65535, got "abc"'],
      [["allocate", "Bad Name", "--team", "B", "--node", "macmini"], "is not a service name"],
      [["set-status", "ollama", "sleeping"], 'unknown status "sleeping". Known: running, stopped'],
      [["set-status", "ollama", "runing"], 'unknown status "runing"; did you mean "running"? Known: running, stopped'],
      [["release", "fastap"], 'no service or reservation "fastap"; did you mean "fastapi"?'],
    ];
    for (const [args, message] of cases) {
      const run = await sparkport(file, args);
      expect(`${run.stdout}${run.stderr}`, args.join(" ")).toContain(message);
      expect(run.status === 2 || (run.status === 1 && message === "port-out-of-range"), args.join(" ")).toBe(true);
    }
  });

  it("set-status adds a status to an environment written as {} without touching another byte; the file's mode stays", async () => {
    const file = await repoCopy("status-insert");
    await chmod(file, 0o600);
    const original = await readFile(file, "utf8");
    expect((await sparkport(file, ["set-status", "fastapi.dev", "stopped"])).status).toBe(0);
    const after = await readFile(file, "utf8");
    expect(after).toBe(original.replace("      dev: {}\n      test: # 8001", "      dev: { status: stopped }\n      test: # 8001"));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it("a note with a newline is bad input, not a broken file", async () => {
    const file = await repoCopy("newline");
    const run = await sparkport(file, ["allocate", "m1", "--team", "B", "--node", "macmini", "--note", "a\nb"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--note must be one line of text");
  });

  it("set-status changes one scalar and nothing else", async () => {
    const file = await repoCopy("status");
    const original = await readFile(file, "utf8");
    expect((await sparkport(file, ["set-status", "fastapi.test", "running"])).status).toBe(0);
    const after = await readFile(file, "utf8");
    const changed = after.split("\n").filter((line, i) => line !== original.split("\n")[i]);
    expect(changed).toEqual(["        status: running"]);
  });
});

describe("nothing lost under concurrency or faults", () => {
  it("four processes allocating at once never take the same port and never lose an entry", async () => {
    const file = await loopbackRegistry("race");
    const runs = await Promise.all([1, 2, 3, 4].map((n) => sparkport(file, ["allocate", `svc${n}`, "--team", "B", "--node", "here"])));
    for (const run of runs) expect(run.status, run.stdout + run.stderr).toBe(0);
    const data = parseRegistry(await readFile(file, "utf8"), file).data;
    const names = data.services.map((s) => s.name).sort();
    expect(names).toEqual(["seed", "svc1", "svc2", "svc3", "svc4"]);
    const ports = data.services.map((s) => s.port);
    expect(new Set(ports).size).toBe(ports.length);
  });

  it("a process killed with SIGKILL mid-run leaves a valid file, and the next run takes over its stale lock", async () => {
    const file = await loopbackRegistry("killed");
    for (let i = 0; i < 8; i += 1) {
      const child = spawn(process.execPath, [CLI, "--no-remote", "--registry", file, "allocate", `k${i}`, "--team", "B", "--node", "here"], {
        stdio: "ignore",
        env: { ...process.env, NO_COLOR: "1" },
      });
      const exited = new Promise((resolve) => child.once("exit", resolve));
      await new Promise((resolve) => setTimeout(resolve, 40 + i * 25));
      child.kill("SIGKILL");
      await exited;
      expect(() => parseRegistry(spawnSync("cat", [file], { encoding: "utf8" }).stdout, file)).not.toThrow();
    }
    const after = await sparkport(file, ["allocate", "survivor", "--team", "B", "--node", "here"]);
    expect(after.status, after.stderr).toBe(0);
    const data = parseRegistry(await readFile(file, "utf8"), file).data;
    expect(data.services.map((s) => s.name)).toContain("survivor");
    const leftovers = (await readdir(dir)).filter((name) => name.includes("killed.yaml") && name !== "killed.yaml");
    expect(leftovers).toEqual([]);
  });

  const whyNot = whyNotAsNobody();
  if (whyNot !== undefined) console.warn(`skipping the read-only folder case: ${whyNot}`);

  it.skipIf(whyNot !== undefined)("a folder the user cannot write: exit 2, nothing written", async () => {
    const file = await loopbackRegistry("readonly");
    await chmod(file, 0o644);
    const original = await readFile(file, "utf8");
    const run = runAsNobody([path.join(publicBuild(), "dist/bin.cjs"), "--no-remote", "--registry", file, "allocate", "ro", "--team", "B", "--node", "here"], { ...process.env, NO_COLOR: "1" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("not writable; nothing was written");
    expect(await readFile(file, "utf8")).toBe(original);
  });
});
