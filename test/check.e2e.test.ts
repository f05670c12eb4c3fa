import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CheckResult } from "../src/commands/check/check.js";
import type { NextResult } from "../src/commands/next/next.js";
import type { StatusResult } from "../src/commands/status/status.js";
import { close, freePort, freeStablePort, listen, portOf, pythonProgram, startNodeServer, startPythonServer } from "./helpers/listeners.js";
import { runCli } from "./helpers/run-cli.js";

// Network safety: every registry here puts its nodes on 127.0.0.1 and
// 127.0.0.2, and every listener is on loopback; nothing leaves the machine.

const isLinux = process.platform === "linux";
if (!isLinux) console.log(`skipping the check e2e tests that need Linux (127.0.0.2 routed to lo, /proc as the socket table): this is ${process.platform}`);
if (!isLinux) console.warn("skipping the 127.0.0.2 cases: only Linux routes all of 127/8 to lo without setup");

let scratch: string;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "sparkport-check-"));
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

interface ServiceSpec {
  name: string;
  team: string;
  node: string;
  port: number;
  status?: string;
  environments?: string;
}

/** A registry whose nodes sit on loopback: `here` is 127.0.0.1 (this machine), `other` is 127.0.0.2. */
async function registry(name: string, services: ServiceSpec[], ranges: Record<string, [number, number]> = { B: [1024, 65535] }): Promise<string> {
  const file = path.join(scratch, `${name}.yaml`);
  const lines = [
    "version: 1",
    "nodes:",
    "  here: {address: 127.0.0.1, os: linux}",
    "  other: {address: 127.0.0.2, os: linux}",
    "teams:",
    ...Object.entries(ranges).map(([team, [from, to]]) => `  ${team}: {name: Team ${team}, ranges: [{name: main, from: ${from}, to: ${to}}]}`),
    "environments:",
    "  dev: {offset: 0}",
    "  test: {offset: 1}",
    "  staging: {offset: 10}",
    "services:",
    ...services.map(
      (s) =>
        `  - {name: ${s.name}, team: ${s.team}, node: ${s.node}, port: ${s.port}, protocol: http, access: all-nodes, status: ${s.status ?? "running"}${s.environments === undefined ? "" : `, environments: ${s.environments}`}}`,
    ),
    ...(services.length === 0 ? ["  []"] : []),
  ];
  await writeFile(file, `${lines.join("\n").replace("services:\n  []", "services: []")}\n`);
  return file;
}

const env = { SPARKPORT_NODE: "here" };

async function checkJson(file: string, args: string[]): Promise<{ status: number; result: CheckResult }> {
  const run = await runCli(["check", "--registry", file, "--json", ...args], { env });
  return { status: run.status, result: JSON.parse(run.stdout) as CheckResult };
}

describe("sparkport check: who holds a port on this machine", () => {
  const shapes = ["127.0.0.1", "::1", "0.0.0.0", "::"] as const;

  for (const address of shapes) {
    it(`reports a listener on ${address} in this process: held, by this PID, on that address`, async () => {
      const server = await listen(address);
      cleanups.push(() => close(server));
      const port = portOf(server);
      const file = await registry(`inproc-${port}`, []);
      const { status, result } = await checkJson(file, [String(port)]);
      expect(status).toBe(1);
      const check = result.checks[0];
      expect(check?.verdict).toBe("conflict");
      expect(check?.local?.holders).toEqual([expect.objectContaining({ pid: process.pid, command: expect.stringMatching(/node/), addresses: [address] })]);
      expect(check?.findings.map((f) => f.code)).toContain("port-held-locally");
    });

    it(`reports python3 -m http.server --bind ${address} in a child process: held, by its PID`, async () => {
      const port = await freePort();
      const child = await startPythonServer(address, port);
      cleanups.push(() => {
        child.kill();
      });
      const file = await registry(`child-${port}`, []);
      // Linux names it by its executable, symlinks resolved (python3 may be python3.11).
      const command = isLinux ? pythonProgram() : "python3";
      const { status, result } = await checkJson(file, [`:${port}`]);
      expect(status).toBe(1);
      expect(result.checks[0]?.local?.holders).toEqual([expect.objectContaining({ pid: child.pid, command, addresses: [address] })]);
      const text = await runCli(["check", "--registry", file, String(port)], { env });
      expect(text.stdout).toContain(`local     held by ${command} (PID ${String(child.pid)}`);
      expect(text.stdout).toContain(`port-held-locally  ${port} is held on this machine by ${command}`);
    });
  }

  // Node 24 and 26 name their main thread (MainThread, node-MainThread), which is what /proc/PID/comm reads; the
  // retitled child has a thread-like comm on every Node. The holder is still named by its executable.
  for (const title of [undefined, "MainThread"]) {
    it.skipIf(!isLinux)(`names a child Node server${title === undefined ? "" : ` titled ${title}`} by its executable, not its main thread`, async () => {
      const program = path.basename(process.execPath);
      const port = await freePort();
      const child = await startNodeServer("127.0.0.1", port, title);
      cleanups.push(() => {
        child.kill();
      });
      const file = await registry(`node-child-${port}`, []);
      const { status, result } = await checkJson(file, [String(port)]);
      expect(status).toBe(1);
      expect(result.checks[0]?.local?.holders).toEqual([expect.objectContaining({ pid: child.pid, command: program, addresses: ["127.0.0.1"] })]);
      const text = await runCli(["check", "--registry", file, String(port)], { env });
      expect(text.stdout).toContain(`local     held by ${program} (PID ${String(child.pid)}`);
      expect(text.stdout).not.toContain("MainThread");
    });
  }

  it("says free, on every address, when nothing holds the port, and exits 0", async () => {
    const port = await freePort();
    const file = await registry(`free-${port}`, []);
    const { status, result } = await checkJson(file, [String(port)]);
    expect(status).toBe(0);
    const check = result.checks[0];
    expect(check?.verdict).toBe("free");
    expect(check?.local?.binds.map((b) => [b.address, b.state])).toEqual(
      expect.arrayContaining([
        ["0.0.0.0", "free"],
        ["127.0.0.1", "free"],
      ]),
    );
    expect(check?.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  // Linux only: elsewhere the socket table is a program (lsof, netstat).
  it.skipIf(!isLinux)("a check of a free and a held port here, without Tailscale installed, loads no child-process module", async () => {
    // Every start pays for what it loads: nothing in a local check runs a program (commander's
    // child_process is a stand-in until used, and the binds go around net's cluster module).
    const server = await listen("127.0.0.1");
    cleanups.push(() => close(server));
    const held = portOf(server);
    const free = await freePort();
    const file = await registry(`modules-${free}`, []);
    const preload = path.join(scratch, "module-list.cjs");
    await writeFile(preload, 'process.on("exit", () => require("node:fs").writeFileSync(process.env.MODULE_LIST, process.moduleLoadList.join("\\n")));\n');
    for (const port of [free, held]) {
      const list = path.join(scratch, `modules-${port}.txt`);
      const run = await runCli(["check", "--registry", file, String(port)], {
        env: { ...env, PATH: path.dirname(process.execPath), NODE_OPTIONS: `--require ${preload}`, MODULE_LIST: list },
      });
      expect(run.status, run.stderr).toBe(port === free ? 0 : 1);
      const loaded = (await readFile(list, "utf8")).split("\n");
      expect(loaded).toContain("NativeModule net");
      expect(loaded.filter((m) => /child_process|cluster/.test(m))).toEqual([]);
    }
  });

  it("never matches a port by prefix: a holder of 1PORT is not a holder of PORT", async () => {
    const server = await listen("127.0.0.1", 0);
    cleanups.push(() => close(server));
    const held = portOf(server);
    // Port 0 hands out ephemeral ports (>= 32768 on Linux), so dropping the last digit leaves a real port.
    const shorter = Math.floor(held / 10);
    const file = await registry(`prefix-${held}`, []);
    const { result } = await checkJson(file, [String(shorter)]);
    expect(result.checks[0]?.local?.holders.some((h) => h.pid === process.pid)).toBe(false);
  });
});

describe("sparkport check: the registry verdict", () => {
  it("names the owning service, team and node; --service makes its own port no conflict", async () => {
    const port = await freeStablePort(21);
    const file = await registry(`owned-${port}`, [{ name: "api", team: "B", node: "here", port, environments: "{dev: {}, test: {}}" }], {
      B: [port, port + 20],
      C: [3000, 3099],
    });
    const taken = await checkJson(file, [String(port), "--team", "C"]);
    expect(taken.status).toBe(1);
    const codes = taken.result.checks[0]?.findings.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(["port-allocated", "port-outside-team-range"]));
    expect(taken.result.checks[0]?.registry.allocations).toEqual([expect.objectContaining({ service: "api", team: "B", node: "here", environment: "dev" })]);
    // The next free port comes from the caller's team C, not from the owner's.
    expect(taken.result.checks[0]?.next[0]).toBeGreaterThanOrEqual(3000);
    const mine = await checkJson(file, [String(port), "--service", "api"]);
    expect(mine.status).toBe(0);
    // base + 1 is the test environment's port: allocated too.
    const derived = await checkJson(file, [String(port + 1)]);
    expect(derived.result.checks[0]?.findings.map((f) => [f.code, f.message])).toEqual([["port-allocated", `${port + 1} is allocated to api (test) of team B on here`]]);
    // In the port's own environment: the first base whose test port is free is port + 2, so its test port.
    expect(derived.result.checks[0]?.next).toEqual([port + 3]);
  });

  it("exits 2 on bad ports and unknown names, listing the valid ones", async () => {
    const file = await registry("bad-input", []);
    for (const arg of ["abc", "70000", "0", "80a", "host:"]) {
      const run = await runCli(["check", "--registry", file, arg], { env });
      expect(run.status, arg).toBe(2);
      expect(run.stderr).toContain("expected a port 1-65535, written 8002, :8002, host:8002 or node:8002");
    }
    const negative = await runCli(["check", "--registry", file, "-1"], { env });
    expect(negative.status).toBe(2);
    const team = await runCli(["check", "--registry", file, "8000", "--team", "Q"], { env });
    expect(team).toMatchObject({ status: 2 });
    // One letter that shares nothing with "B" is no typo of it: no suggestion, a sentence before the list.
    expect(team.stderr).toContain('unknown team "Q". Known: B.');
    const node = await runCli(["check", "--registry", file, "8000", "--node", "nowhere"], { env });
    expect(node.status).toBe(2);
    expect(node.stderr).toContain("Known: here, other");
    const timeout = await runCli(["--timeout", "soon", "check", "--registry", file, "8000"], { env });
    expect(timeout.status).toBe(2);
    expect(timeout.stderr).not.toMatch(/\n\s+at /);
  });
});

describe.skipIf(!isLinux)("sparkport check and status: remote verdicts over 127.0.0.2", () => {
  it("a 0.0.0.0 listener is open via 127.0.0.2; a 127.0.0.1 listener is closed via 127.0.0.2", async () => {
    const everywhere = await listen("0.0.0.0");
    const loopbackOnly = await listen("127.0.0.1");
    cleanups.push(() => close(everywhere), () => close(loopbackOnly));
    const a = portOf(everywhere);
    const b = portOf(loopbackOnly);
    const file = await registry(`remote-${a}`, [
      { name: "api", team: "B", node: "other", port: a },
      { name: "redis", team: "B", node: "other", port: b },
    ]);
    const open = await checkJson(file, [String(a), "--service", "api"]);
    expect(open.result.checks[0]).toMatchObject({ node: "other", host: "127.0.0.2", remote: { state: "open" } });
    expect(open.result.checks[0]?.findings.map((f) => f.code)).toEqual(["port-open-on-node"]);
    expect(open.status).toBe(1);
    const closed = await checkJson(file, [`other:${b}`, "--service", "redis"]);
    expect(closed.result.checks[0]).toMatchObject({ node: "other", remote: { state: "closed" }, verdict: "free" });
    expect(closed.status).toBe(0);

    const status = await runCli(["status", "--registry", file, "--json"], { env });
    const result = JSON.parse(status.stdout) as StatusResult;
    expect(result.rows.map((r) => [r.service, r.observed, r.mismatch])).toEqual([
      ["api", "open", false],
      ["redis", "closed", true],
    ]);
    expect(result.findings.map((f) => f.code)).toEqual(["declared-running-but-down"]);
    expect(status.status).toBe(1);
  });

  it("--no-remote and SPARKPORT_OFFLINE=1 probe nothing; --verbose lists each probe", async () => {
    const server = await listen("0.0.0.0");
    cleanups.push(() => close(server));
    const port = portOf(server);
    const file = await registry(`offline-${port}`, [{ name: "api", team: "B", node: "other", port, status: "stopped" }]);
    for (const run of [
      await runCli(["--no-remote", "check", "--registry", file, "--json", String(port), "--service", "api"], { env }),
      await runCli(["check", "--registry", file, "--json", String(port), "--service", "api"], { env: { ...env, SPARKPORT_OFFLINE: "1" } }),
    ]) {
      const result = JSON.parse(run.stdout) as CheckResult;
      expect(result.checks[0]?.remote).toBeNull();
      expect(result.checks[0]?.findings.map((f) => f.code)).toEqual(["remote-skipped"]);
    }
    const verbose = await runCli(["--verbose", "status", "--registry", file], { env });
    expect(verbose.stderr).toMatch(new RegExp(`probing 127\\.0\\.0\\.2:${port} \\(timeout \\d+ ms\\)`));
    expect(verbose.stdout).toMatch(/api +\d+ +other +stopped +open +MISMATCH/);
  });
});

describe("sparkport next", () => {
  it("skips allocated, env-derived and locally held ports", async () => {
    const base = await freeStablePort(10);
    const held = await listen("127.0.0.1", base + 3);
    cleanups.push(() => close(held));
    const file = await registry(`next-${base}`, [{ name: "api", team: "B", node: "here", port: base, environments: "{dev: {}, test: {}}" }], {
      B: [base, base + 9],
    });
    const run = await runCli(["next", "--registry", file, "--team", "B", "--count", "3", "--json"], { env });
    const result = JSON.parse(run.stdout) as NextResult;
    // base and base+1 are allocated (dev, test); base+3 is held on 127.0.0.1 only.
    expect(result.ports.slice(0, 2)).toEqual([base + 2, base + 4]);
    expect(run.status).toBe(0);
    const withEnvs = JSON.parse((await runCli(["next", "--registry", file, "--team", "B", "--env", "dev,test", "--json"], { env })).stdout) as NextResult;
    expect(withEnvs.environments[0]).toEqual({ dev: base + 4, test: base + 5 });
  });

  it("exits 1 when the team's ranges are full, and 2 without --team", async () => {
    const base = await freePort();
    const file = await registry(`full-${base}`, [{ name: "api", team: "B", node: "here", port: base }], { B: [base, base] });
    expect((await runCli(["next", "--registry", file, "--team", "B"], { env })).status).toBe(1);
    expect((await runCli(["next", "--registry", file], { env })).status).toBe(2);
  });
});

describe("Tailscale", () => {
  it.skipIf(!isLinux)("a check of a port here runs no tailscale; one that finds no listener on another node reads it, once", async () => {
    // A fake tailscale that leaves a mark each time it runs.
    const bin = await mkdtemp(path.join(scratch, "bin-"));
    const marks = path.join(bin, "runs");
    const fake = path.join(bin, "tailscale");
    await writeFile(fake, `#!/bin/sh\necho run >> '${marks}'\necho '{"BackendState":"Running","TUN":true,"Self":{"HostName":"here","DNSName":"here.tail.ts.net.","TailscaleIPs":["127.0.0.1"],"Online":true,"OS":"linux"},"Peer":{}}'\n`);
    await chmod(fake, 0o755);
    const runs = async () => (await readFile(marks, "utf8").catch(() => "")).split("\n").filter((l) => l !== "").length;
    const pathEnv = `${bin}:${process.env.PATH ?? ""}`;
    const [here, there] = [await freePort(), await freePort()];
    const file = await registry(`lazy-tailscale-${here}`, [{ name: "ollama", team: "B", node: "other", port: there, status: "stopped" }]);
    const local = await runCli(["check", "--registry", file, "--json", String(here)], { env: { ...env, PATH: pathEnv } });
    expect(local.status, local.stderr).toBe(0);
    expect((JSON.parse(local.stdout) as CheckResult).notes).toEqual([]);
    expect(await runs()).toBe(0);
    const next = await runCli(["next", "--registry", file, "--team", "B", "--json"], { env: { ...env, PATH: pathEnv } });
    expect(next.status, next.stderr).toBe(0);
    expect(await runs()).toBe(0);
    // Its node is 127.0.0.2, where nothing listens: closed, so Tailscale is asked whether the peer is offline.
    const remote = await runCli(["check", "--registry", file, "--json", String(there), String(there)], { env: { ...env, PATH: pathEnv } });
    expect((JSON.parse(remote.stdout) as CheckResult).checks.map((c) => c.remote?.state)).toEqual(["closed", "closed"]);
    expect(await runs()).toBe(1);
  });

  it("says once that the tailscale CLI is missing and goes on with declared addresses", async () => {
    const port = await freePort();
    const file = await registry(`no-tailscale-${port}`, [{ name: "ollama", team: "B", node: "other", port, status: "stopped" }]);
    const run = await runCli(["check", "--registry", file, "--json", String(port), String(port)], { env: { ...env, PATH: path.dirname(process.execPath) } });
    const result = JSON.parse(run.stdout) as CheckResult;
    expect(result.notes.map((n) => n.code)).toEqual(["tailscale-missing"]);
  });

  it("reads a stopped backend from a fake tailscale on PATH and warns", async () => {
    const bin = await mkdtemp(path.join(scratch, "bin-"));
    const fake = path.join(bin, "tailscale");
    await writeFile(fake, `#!/bin/sh\necho '{"BackendState":"Stopped","TUN":true,"Self":{"HostName":"laptop","DNSName":"laptop.tail.ts.net.","TailscaleIPs":["100.101.68.23"],"Online":false,"OS":"linux"},"Peer":{}}'\n`);
    await chmod(fake, 0o755);
    const port = await freePort();
    const file = await registry(`stopped-tailscale-${port}`, [{ name: "ollama", team: "B", node: "other", port, status: "stopped" }]);
    const run = await runCli(["check", "--registry", file, "--json", String(port)], { env: { ...env, PATH: `${bin}:${process.env.PATH ?? ""}` } });
    const result = JSON.parse(run.stdout) as CheckResult;
    expect(result.notes.map((n) => [n.code, n.message])).toEqual([["tailscale-down", "Tailscale is Stopped on this machine; 100.x addresses are unreachable"]]);
  });

  it.skipIf(!isLinux)("names a peer that Tailscale reports offline when its port does not answer", async () => {
    const bin = await mkdtemp(path.join(scratch, "bin-"));
    const fake = path.join(bin, "tailscale");
    // The peer's address is 127.0.0.2 only so that the test stays on loopback.
    const status = {
      BackendState: "Running",
      TUN: true,
      Self: { HostName: "here", DNSName: "here.tail.ts.net.", TailscaleIPs: ["127.0.0.1"], Online: true, OS: "linux" },
      Peer: { key: { HostName: "other", DNSName: "other.tail.ts.net.", TailscaleIPs: ["127.0.0.2"], Online: false, OS: "windows" } },
    };
    await writeFile(fake, `#!/bin/sh\necho '${JSON.stringify(status)}'\n`);
    await chmod(fake, 0o755);
    const port = await freePort();
    const file = await registry(`offline-peer-${port}`, [{ name: "ollama", team: "B", node: "other", port, status: "stopped" }]);
    const run = await runCli(["check", "--registry", file, "--json", String(port), "--service", "ollama"], { env: { ...env, PATH: `${bin}:${process.env.PATH ?? ""}` } });
    const result = JSON.parse(run.stdout) as CheckResult;
    expect(result.notes).toEqual([]);
    expect(result.checks[0]?.remote?.state).toBe("closed");
    expect(result.checks[0]?.findings.map((f) => [f.code, f.message])).toEqual([["tailscale-peer-offline", "Tailscale reports other (127.0.0.2) offline"]]);
  });
});

describe("check: review regressions", () => {
  it("host:port naming this machine ([::1], 127.0.0.1) gets the full local verdict", async () => {
    const server = await listen("127.0.0.1");
    cleanups.push(() => close(server));
    const port = portOf(server);
    const file = await registry(`local-host-${port}`, []);
    const { status, result } = await checkJson(file, [`[::1]:${port}`]);
    expect(status).toBe(1);
    expect(result.checks[0]?.remote).toBeNull();
    expect(result.checks[0]?.local?.holders[0]?.pid).toBe(process.pid);
  });

  it("with --env, the next free port is that environment's port, its base free too", async () => {
    const base = await freeStablePort(31);
    const file = await registry(`env-next-${base}`, [{ name: "api", team: "B", node: "here", port: base }], { B: [base, base + 30] });
    const { result } = await checkJson(file, [String(base), "--env", "staging", "--team", "B"]);
    expect(result.checks[0]?.next).toEqual([base + 11]);
  });

  it("--service takes name.env and checks its port when none is given; a typo is bad input with the close name", async () => {
    const port = await freePort();
    const file = await registry(`service-env-${port}`, [{ name: "fastapi", team: "B", node: "here", port, environments: "{dev: {}, test: {}}" }]);
    // The test environment's own port is no conflict when starting fastapi.test.
    const own = await checkJson(file, [String(port + 1), "--service", "fastapi.test"]);
    expect([own.status, own.result.checks[0]?.verdict]).toEqual([0, "free"]);
    const implied = await checkJson(file, ["--service", "fastapi.test"]);
    expect([implied.status, implied.result.checks.map((c) => c.port)]).toEqual([0, [port + 1]]);
    const base = await checkJson(file, ["--service", "fastapi"]);
    expect(base.result.checks.map((c) => c.port)).toEqual([port]);
    const typo = await runCli(["check", "--registry", file, String(port + 1), "--service", "fastapu"], { env });
    expect([typo.status, typo.stdout]).toEqual([2, ""]);
    expect(typo.stderr).toContain('unknown service "fastapu"; did you mean "fastapi"?');
    const noEnv = await runCli(["check", "--registry", file, "--service", "fastapi.prod"], { env });
    expect([noEnv.status, noEnv.stderr.trim()]).toEqual([2, 'sparkport: fastapi has no environment "prod". Its environments: dev, test.']);
    const none = await runCli(["check", "--registry", file], { env });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("sparkport check --service fastapi");
  });

  it("takes ranges and lists of ports, a host before the first holding for the rest", async () => {
    const file = await registry("ranges", [{ name: "api", team: "B", node: "here", port: 20001 }]);
    const range = await checkJson(file, ["20000-20002"]);
    expect(range.result.checks.map((c) => [c.port, c.verdict])).toEqual([
      [20000, "free"],
      [20001, "conflict"],
      [20002, "free"],
    ]);
    expect(range.status).toBe(1);
    const list = await checkJson(file, ["here:20000,20002-20003", "127.0.0.1:20005"]);
    expect(list.result.checks.map((c) => [c.port, c.node])).toEqual([
      [20000, "here"],
      [20002, "here"],
      [20003, "here"],
      [20005, "here"],
    ]);
    for (const [arg, text] of [
      ["20000-30000", '"20000-30000" names 10001 ports; check at most 256 at once.'],
      ["20005-20000", '"20005-20000" is not a range: 20000 comes before 20005.'],
      ["20000,abc", '"abc" is not a port'],
      // 02000 would be 2000 here and may be octal elsewhere: refused, as allocate's and move's --port are.
      ["02000", '"02000" has a leading zero: write 2000'],
      ["here:02001", '"here:02001" has a leading zero: write 2001'],
      ["02000-2002", '"02000" has a leading zero: write 2000'],
    ] as const) {
      const run = await runCli(["check", "--registry", file, arg], { env });
      expect([run.status, run.stdout], arg).toEqual([2, ""]);
      expect(run.stderr, arg).toContain(text);
    }
  });

  it("an unknown SPARKPORT_NODE is bad input, with the valid names", async () => {
    const file = await registry("bogus-node", []);
    const run = await runCli(["check", "--registry", file, "8000"], { env: { SPARKPORT_NODE: "bogus" } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('"bogus" (this machine, from --this-node or SPARKPORT_NODE). Known: here, other.');
  });
});

