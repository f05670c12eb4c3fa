import { spawn } from "node:child_process";
import { createSocket, type Socket } from "node:dgram";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CheckResult } from "../src/commands/check/check.js";
import type { NextResult } from "../src/commands/next/next.js";
import type { StatusResult } from "../src/commands/status/status.js";
import { close, freePort, listen, portOf, startNodeServer } from "./helpers/listeners.js";
import { CLI, runCli } from "./helpers/run-cli.js";

// Issue 16, the lies sparkport told on loopback, each reproduced first: UDP sockets, checks that see each other, out of
// descriptors, a localhost-only listener called healthy, a node name in capitals. And what already held, kept.
// Every node sits on 127.x.y.z and every socket on loopback: nothing leaves the machine.

const isLinux = process.platform === "linux";
if (!isLinux) console.warn(`skipping the issue-16 loopback e2e tests: they need Linux (all of 127/8 on lo, /proc as the socket table); this is ${process.platform}`);

let scratch: string;
const cleanups: (() => Promise<void> | void)[] = [];
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "sparkport-honest-"));
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

interface Svc {
  name: string;
  node: string;
  port: number;
  protocol?: string;
  access?: string;
  status?: string;
}

/** `here` is this machine (127.0.0.1), `other` and `macmini` are 127.0.0.2 and 127.0.0.3. */
async function registry(name: string, services: Svc[], range: [number, number] = [1024, 65535]): Promise<string> {
  const file = path.join(scratch, `${name}.yaml`);
  const lines = [
    "version: 1",
    "nodes:",
    "  here: {address: 127.0.0.1, os: linux}",
    "  other: {address: 127.0.0.2, os: linux}",
    "  macmini: {address: 127.0.0.3, os: macos}",
    "teams:",
    `  B: {name: Team B, ranges: [{name: main, from: ${range[0]}, to: ${range[1]}}]}`,
    "environments:",
    "  dev: {offset: 0}",
    services.length === 0 ? "services: []" : "services:",
    ...services.map(
      (s) =>
        `  - {name: ${s.name}, team: B, node: ${s.node}, port: ${s.port}, protocol: ${s.protocol ?? "http"}, access: ${s.access ?? "all-nodes"}, status: ${s.status ?? "running"}}`,
    ),
  ];
  await writeFile(file, `${lines.join("\n")}\n`);
  return file;
}

const env = { SPARKPORT_NODE: "here" };

function udpSocket(address: string, port = 0): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket({ type: address.includes(":") ? "udp6" : "udp4", ipv6Only: address.includes(":") && address !== "::" });
    socket.once("error", reject);
    socket.bind({ address, port }, () => resolve(socket));
  });
}

/** A UDP port free on both families right now. */
async function freeUdpPort(): Promise<number> {
  const socket = await udpSocket("::");
  const port = socket.address().port;
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

const closeUdp = (socket: Socket): Promise<void> => new Promise((resolve) => socket.close(() => resolve()));

describe.skipIf(!isLinux)("UDP is seen (item 5)", () => {
  it("a UDP socket on 0.0.0.0:P stops allocate --protocol udp --port P; check --protocol udp and status see it", async () => {
    const socket = await udpSocket("0.0.0.0");
    cleanups.push(() => closeUdp(socket));
    const port = socket.address().port;
    const file = await registry(`udp-${port}`, [{ name: "dns", node: "here", port, protocol: "udp" }]);

    const allocate = await runCli(["allocate", "syslog", "--registry", file, "--team", "B", "--node", "here", "--protocol", "udp", "--port", String(port), "--dry-run"], { env });
    expect(allocate.status, allocate.stderr + allocate.stdout).toBe(1);
    expect(allocate.stdout + allocate.stderr).toContain("port-held");

    // The registered service is UDP, so check looks at UDP by itself; --protocol says it for an unregistered port.
    const registered = await runCli(["check", "--registry", file, "--json", String(port)], { env });
    const checked = JSON.parse(registered.stdout) as CheckResult;
    expect(checked.checks[0]?.protocol).toBe("udp");
    expect(checked.checks[0]?.local?.held).toBe(true);
    expect(checked.checks[0]?.local?.holders[0]).toMatchObject({ pid: process.pid, addresses: ["0.0.0.0"] });
    const empty = await registry(`udp-empty-${port}`, []);
    const explicit = await runCli(["check", "--registry", empty, "--protocol", "udp", "--json", String(port)], { env });
    expect(explicit.status).toBe(1);
    expect((JSON.parse(explicit.stdout) as CheckResult).checks[0]?.local?.held).toBe(true);
    // TCP on the same number is another port.
    expect((await runCli(["check", "--registry", empty, String(port)], { env })).status).toBe(0);

    const status = JSON.parse((await runCli(["status", "--registry", file, "--json"], { env })).stdout) as StatusResult;
    expect(status.rows[0]).toMatchObject({ service: "dns", observed: "listening", addresses: ["0.0.0.0"], mismatch: false });
  });

  it("remote UDP: an ICMP refusal is closed; silence is open|filtered, never free", async () => {
    const socket = await udpSocket("0.0.0.0");
    cleanups.push(() => closeUdp(socket));
    const held = socket.address().port;
    const closedPort = await freeUdpPort();
    const file = await registry(`udp-remote-${held}`, [
      { name: "syslog", node: "other", port: held, protocol: "udp" },
      { name: "statsd", node: "other", port: closedPort, protocol: "udp" },
    ]);
    const silent = await runCli(["--timeout", "300ms", "check", "--registry", file, "--json", `other:${held}`, "--service", "syslog"], { env });
    const silentResult = JSON.parse(silent.stdout) as CheckResult;
    expect(silentResult.checks[0]?.remote).toMatchObject({ state: "open|filtered" });
    expect(silentResult.checks[0]?.findings.map((f) => f.code)).toEqual(["port-udp-silent-on-node"]);
    expect(silent.status).toBe(1);
    const refused = await runCli(["check", "--registry", file, "--json", `other:${closedPort}`, "--service", "statsd"], { env });
    expect((JSON.parse(refused.stdout) as CheckResult).checks[0]?.remote).toMatchObject({ state: "closed", errorCode: "ECONNREFUSED" });
    expect(refused.status).toBe(0);
    const text = await runCli(["--timeout", "300ms", "check", "--registry", file, `other:${held}`, "--service", "syslog"], { env });
    expect(text.stdout).toContain("open|filtered: no ICMP refusal (UDP)");
  });
});

describe.skipIf(!isLinux)("doctor reads a UDP service's own table", () => {
  it("a UDP service bound on 0.0.0.0 is healthy on its node; one with no socket has nothing listening", async () => {
    const socket = await udpSocket("0.0.0.0");
    cleanups.push(() => closeUdp(socket));
    const port = socket.address().port;
    const silentPort = await freeUdpPort();
    const file = await registry(`udp-doctor-${port}`, [
      { name: "dns", node: "here", port, protocol: "udp" },
      { name: "statsd", node: "here", port: silentPort, protocol: "udp" },
    ]);
    const healthy = await runCli(["doctor", "dns", "--registry", file, "--json"], { env });
    expect(healthy.stdout).not.toContain("doctor-nothing-listening");
    expect(healthy.status, healthy.stdout).toBe(0);
    const down = await runCli(["doctor", "statsd", "--registry", file, "--json"], { env });
    expect(down.stdout).toContain("doctor-nothing-listening");
    expect(down.status).toBe(1);
  });
});

describe.skipIf(!isLinux)("concurrent checks do not see each other (item 7)", () => {
  it("rounds of 16 checks of one free port at once: every one says free and exits 0", async () => {
    const port = await freePort();
    const file = await registry(`concurrent-${port}`, []);
    for (let round = 0; round < 4; round += 1) {
      const runs = await Promise.all(Array.from({ length: 16 }, () => runCli(["check", "--registry", file, String(port)], { env })));
      for (const run of runs) {
        expect(run.stdout, run.stdout).not.toContain("cannot see");
        expect(run.status, run.stdout).toBe(0);
      }
    }
  }, 60_000);
});

/** Run the CLI under `ulimit -n`: a fixed script, the CLI's arguments passed as positional parameters. */
function runWithFileLimit(limit: number, args: readonly string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("sh", ["-c", 'ulimit -n "$1" && shift && exec "$@"', "sh", String(limit), process.execPath, CLI, ...args], {
      env: { ...process.env, NO_COLOR: "1", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

describe.skipIf(!isLinux)("out of descriptors is not unreachable (item 8)", () => {
  it("ulimit -n 128 and --concurrency 1000000000: 120 open services are all open, none unreachable (EMFILE)", async () => {
    const servers = await Promise.all(Array.from({ length: 120 }, () => listen("0.0.0.0")));
    cleanups.push(async () => {
      await Promise.all(servers.map(close));
    });
    const file = await registry(
      "emfile",
      servers.map((s, i) => ({ name: `svc-${i}`, node: "other", port: portOf(s) })),
    );
    const run = await runWithFileLimit(128, ["--timeout", "2s", "status", "--registry", file, "--concurrency", "1000000000", "--json"]);
    expect(run.stderr).toBe("");
    const result = JSON.parse(run.stdout) as StatusResult;
    expect(result.rows.filter((r) => r.observed !== "open").map((r) => `${r.port} ${r.observed}`)).toEqual([]);
    expect(run.status).toBe(0);
  });

  it("--concurrency must be a positive decimal integer: 0x10, 1e9, 0, -1 and 1.5 are usage errors (exit 2)", async () => {
    const file = await registry("concurrency-args", []);
    for (const value of ["0x10", "1e9", "0", "-1", "1.5", " 8", ""]) {
      const run = await runCli(["status", "--registry", file, `--concurrency=${value}`], { env });
      expect(run.status, value).toBe(2);
      expect(run.stderr, value).toContain("--concurrency");
    }
    expect((await runCli(["status", "--registry", file, "--concurrency", "16"], { env })).status).toBe(0);
  });
});

describe.skipIf(!isLinux)("a localhost-only listener of an all-nodes service (item 10)", () => {
  it("status on its own node: a mismatch, with doctor's fix; the same bind on 0.0.0.0 is healthy", async () => {
    const loopbackPort = await freePort();
    const redis = await startNodeServer("127.0.0.1", loopbackPort);
    const toolPort = await freePort();
    const tool = await startNodeServer("127.0.0.1", toolPort);
    cleanups.push(() => {
      redis.kill();
      tool.kill();
    });
    const everywhere = await listen("0.0.0.0");
    cleanups.push(() => close(everywhere));
    const file = await registry(`loopback-${loopbackPort}`, [
      { name: "redis", node: "here", port: loopbackPort },
      { name: "api", node: "here", port: portOf(everywhere) },
      { name: "local-tool", node: "here", port: toolPort, access: "developers-browser" },
    ]);
    const run = await runCli(["status", "--registry", file, "--json"], { env });
    const result = JSON.parse(run.stdout) as StatusResult;
    expect(result.rows.map((r) => [r.service, r.observed, r.mismatch])).toEqual([
      ["redis", "listening", true],
      ["api", "listening", false],
      ["local-tool", "listening", false],
    ]);
    const finding = result.findings.find((f) => f.code === "service-localhost-only");
    expect(finding?.message).toContain("127.0.0.1 only");
    expect(finding?.fix).toContain(`sparkport doctor ${loopbackPort}`);
    expect(run.status).toBe(1);
    const text = await runCli(["status", "--registry", file], { env });
    expect(text.stdout).toMatch(/redis .* MISMATCH/);
  });
});

describe.skipIf(!isLinux)("node names match case-insensitively (item 22)", () => {
  it("check MACMINI:P is node macmini at its registered address, no name looked up", async () => {
    const server = await listen("0.0.0.0");
    cleanups.push(() => close(server));
    const port = portOf(server);
    const file = await registry(`case-${port}`, [{ name: "api", node: "macmini", port }]);
    for (const name of ["MACMINI", "MacMini", "macmini"]) {
      const run = await runCli(["--verbose", "check", "--registry", file, "--json", `${name}:${port}`], { env });
      const result = JSON.parse(run.stdout) as CheckResult;
      expect(result.checks[0], name).toMatchObject({ node: "macmini", host: "127.0.0.3", remote: { state: "open", address: "127.0.0.3" } });
      expect(run.stderr).toContain(`probing 127.0.0.3:${port}`);
      expect(run.stderr).not.toContain(name === "macmini" ? "probing macmini" : `probing ${name}`);
    }
    const byOption = JSON.parse((await runCli(["check", "--registry", file, "--json", "--node", "MacMini", String(port)], { env })).stdout) as CheckResult;
    expect(byOption.checks[0]).toMatchObject({ node: "macmini", host: "127.0.0.3" });
    const status = await runCli(["status", "--registry", file, "--json", "--node", "MACMINI"], { env });
    expect((JSON.parse(status.stdout) as StatusResult).rows.map((r) => [r.node, r.observed])).toEqual([["macmini", "open"]]);
    const doctor = await runCli(["doctor", "--registry", file, "--json", `MACMINI:${port}`], { env });
    expect(JSON.parse(doctor.stdout)).toMatchObject({ target: { node: "macmini", host: null } });
  });
});

/** An IPv6 socket on ::ffff:127.0.0.1 (as Java listens on 127.0.0.1): /proc shows it in tcp6. */
function listenMapped(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.destroy());
    server.once("error", reject);
    server.listen({ host: "::ffff:127.0.0.1", port: 0 }, () => resolve(server));
  });
}

describe.skipIf(!isLinux)("keep what already holds: every listener shape is busy", () => {
  it("IPv4-mapped IPv6 (::ffff:127.0.0.1), dual-stack ::, SO_REUSEPORT, and a listener on the node's own address", async () => {
    const mapped = await listenMapped();
    const dual = await listen("::");
    const nodeAddress = await listen("127.0.0.5");
    cleanups.push(() => close(mapped), () => close(dual), () => close(nodeAddress));
    // SO_REUSEPORT: a Python listener that lets others share the port (what detect-port misses).
    const reusePort = await freePort();
    const python = spawn("python3", [
      "-c",
      "import socket, sys, time\ns = socket.socket()\ns.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)\ns.bind(('127.0.0.1', int(sys.argv[1])))\ns.listen()\nprint('ready', flush=True)\ntime.sleep(60)",
      String(reusePort),
    ]);
    cleanups.push(() => {
      python.kill();
    });
    await new Promise<void>((resolve, reject) => {
      python.stdout.once("data", () => resolve());
      python.once("exit", () => reject(new Error("python3 exited before listening")));
    });
    const file = path.join(scratch, "shapes.yaml");
    await writeFile(
      file,
      "version: 1\nnodes:\n  here: {address: 127.0.0.5, os: linux}\nteams:\n  B: {name: B, ranges: [{name: main, from: 1024, to: 65535}]}\nenvironments:\n  dev: {offset: 0}\nservices: []\n",
    );
    const cases: [string, number][] = [
      ["::ffff:127.0.0.1", portOf(mapped)],
      [":: dual-stack", portOf(dual)],
      ["SO_REUSEPORT", reusePort],
      ["node address 127.0.0.5", portOf(nodeAddress)],
    ];
    for (const [shape, port] of cases) {
      const run = await runCli(["check", "--registry", file, "--json", String(port)], { env });
      const result = JSON.parse(run.stdout) as CheckResult;
      expect(result.checks[0]?.local?.held, shape).toBe(true);
      expect(result.checks[0]?.verdict, shape).toBe("conflict");
      expect(run.status, shape).toBe(1);
      const next = JSON.parse((await runCli(["next", "--registry", file, "--team", "B", "--json"], { env })).stdout) as NextResult;
      expect(next.ports).not.toContain(port);
    }
  });

  it("a stuck tailscale CLI (it never answers; a child of it holds its output open): check returns in under a second", async () => {
    const bin = await mkdtemp(path.join(scratch, "bin-"));
    const fake = path.join(bin, "tailscale");
    await writeFile(fake, "#!/bin/sh\nsleep 30\n");
    await chmod(fake, 0o755);
    const port = await freePort();
    const file = path.join(scratch, "stuck-tailscale.yaml");
    // A node whose address is a Tailscale name makes check read Tailscale before anything else.
    await writeFile(
      file,
      (await readFile(await registry("stuck-base", []), "utf8")).replace("  macmini: {address: 127.0.0.3, os: macos}", "  macmini: {address: 127.0.0.3, tailscale: macmini, os: macos}"),
    );
    const started = Date.now();
    const run = await runCli(["--timeout", "300ms", "check", "--registry", file, String(port)], { env: { ...env, PATH: `${bin}:${process.env.PATH ?? ""}` } });
    const elapsed = Date.now() - started;
    expect(run.stdout).toContain("free");
    expect(elapsed).toBeLessThan(1000);
  });
});
