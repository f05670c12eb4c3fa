import { spawnSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DoctorResult } from "../src/commands/doctor/doctor.js";
import { close, freePort, listen, pythonProgram, startNodeServer, startPythonServer } from "./helpers/listeners.js";
import { OS_FIXTURES } from "./helpers/os-fixtures.js";
import { CLI, runCli } from "./helpers/run-cli.js";

const spawnSyncOk = (file: string, args: string[]): boolean => spawnSync(file, args, { stdio: "ignore" }).status === 0;

// Network safety: nodes sit on 127.0.0.1 (laptop) and 127.0.0.2 (server);
// every listener is on loopback; no name is ever resolved.

const isLinux = process.platform === "linux";
if (!isLinux) console.warn("skipping doctor's 127.0.0.2 cases: only Linux routes all of 127/8 to lo without setup");

let root: string;
const cleanups: (() => unknown)[] = [];
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "sparkport-doctor-"));
});
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A project folder with a registry: laptop 127.0.0.1, server 127.0.0.2; services on the server. */
async function project(name: string, port: number, extra: Record<string, string> = {}): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(dir, { recursive: true });
  const registry = [
    "version: 1",
    "nodes:",
    "  laptop: {address: 127.0.0.1, os: macos}",
    "  server: {address: 127.0.0.2, os: macos}",
    "teams:",
    `  B: {name: Backend, ranges: [{name: b, from: ${port}, to: ${port + 20}}]}`,
    "environments:",
    "  dev: {offset: 0}",
    "  test: {offset: 1}",
    "services:",
    `  - {name: fastapi, team: B, node: server, port: ${port}, protocol: http, access: all-nodes, status: running, start: "uvicorn app.main:app --host 0.0.0.0 --port ${port}", environments: {dev: {}, test: {status: reserved}}}`,
    `  - {name: redis, team: B, node: server, port: ${port + 5}, protocol: tcp, access: all-nodes, status: running}`,
  ].join("\n");
  await writeFile(path.join(dir, "ports.yaml"), `${registry}\n`);
  for (const [file, text] of Object.entries(extra)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

async function doctorJson(cwd: string, args: string[]): Promise<{ status: number; result: DoctorResult; text: string }> {
  const json = await runCli(["doctor", ...args, "--json"], { cwd });
  const text = await runCli(["doctor", ...args], { cwd });
  expect(text.status).toBe(json.status);
  return { status: json.status, result: JSON.parse(json.stdout) as DoctorResult, text: text.stdout };
}

const codes = (r: DoctorResult): string[] => r.findings.map((f) => f.code);

describe.skipIf(!isLinux)("sparkport doctor", () => {
  it("localhost only: a 127.0.0.1 listener refused through 127.0.0.2, with the bind fix in the program's words", async () => {
    const port = await freePort();
    const dir = await project("localhost-only", port);
    const child = await startPythonServer("127.0.0.1", port + 5);
    cleanups.push(() => child.kill());
    const { status, result, text } = await doctorJson(dir, ["redis", "--from", "server"]);
    expect(status).toBe(1);
    expect(codes(result)).toContain("doctor-localhost-only");
    const finding = result.findings.find((f) => f.code === "doctor-localhost-only");
    expect(finding?.evidence).toEqual(expect.arrayContaining([`probe 127.0.0.2:${port + 5}: closed`]));
    expect(finding?.commands?.join("\n")).toContain("--bind 0.0.0.0");
    expect(text).toContain("$ ");
    expect(text).toContain("--bind 0.0.0.0");
  });

  it("localhost only, by a program the fix table does not know: named as the socket table shows it, never 'unknown'", async () => {
    const port = await freePort();
    const dir = await project("localhost-only-unknown", port);
    const child = await startNodeServer("127.0.0.1", port + 5);
    cleanups.push(() => child.kill());
    const { result, text } = await doctorJson(dir, ["redis", "--from", "server"]);
    const finding = result.findings.find((f) => f.code === "doctor-localhost-only");
    expect(finding?.message).toBe(`redis listens on 127.0.0.1 only (${path.basename(process.execPath)}), so connections from other nodes to ${port + 5} are refused`);
    expect(text).not.toContain("unknown");
  });

  it("address already in use: the pasted error names the port; the holder's real PID and the kill command", async () => {
    const port = await freePort();
    const dir = await project("in-use", port);
    const child = await startPythonServer("0.0.0.0", port + 7);
    cleanups.push(() => child.kill());
    const error = `Error: listen EADDRINUSE: address already in use :::${port + 7}`;
    const { status, result, text } = await doctorJson(dir, ["--from", "laptop", "--error", error]);
    expect(status).toBe(1);
    const finding = result.findings.find((f) => f.code === "doctor-port-in-use");
    expect(finding?.message).toContain(`${pythonProgram()} (PID ${String(child.pid)}`);
    expect(finding?.commands).toEqual(expect.arrayContaining([`kill ${String(child.pid)}`]));
    expect(text).toContain(`$ kill ${String(child.pid)}`);
  });

  it("healthy: open from here, with what was checked", async () => {
    const port = await freePort();
    const dir = await project("healthy", port);
    const server = await listen("0.0.0.0", port);
    cleanups.push(() => close(server));
    const { status, result, text } = await doctorJson(dir, ["fastapi", "--from", "laptop"]);
    expect(status).toBe(0);
    expect(codes(result)).toContain("doctor-healthy");
    expect(result.healthy).toBe(true);
    expect(text).toContain("✔ no problem found");
  });

  it("refused from another node, and nothing listening on its own node with the start command", async () => {
    const port = await freePort();
    const dir = await project("refused", port);
    const remote = await doctorJson(dir, ["fastapi", "--from", "laptop"]);
    expect(remote.status).toBe(1);
    expect(codes(remote.result)).toContain("doctor-refused-remote");
    const here = await doctorJson(dir, ["fastapi", "--from", "server"]);
    const nothing = here.result.findings.find((f) => f.code === "doctor-nothing-listening");
    expect(nothing?.commands).toEqual([`uvicorn app.main:app --host 0.0.0.0 --port ${port}`]);
  });

  it("env mismatch: the frontend calls the test port while the backend runs on dev", async () => {
    const port = await freePort();
    const dir = await project("env", port, { "frontend/.env.local": `# API\nNEXT_PUBLIC_API_URL=http://127.0.0.2:${port + 1}\n` });
    const server = await listen("0.0.0.0", port);
    cleanups.push(() => close(server));
    const { status, result } = await doctorJson(dir, ["fastapi", "--from", "laptop"]);
    expect(status).toBe(1);
    const finding = result.findings.find((f) => f.code === "doctor-env-mismatch");
    expect(finding?.location).toMatchObject({ file: path.join("frontend", ".env.local"), line: 2 });
    // The line to write into the file, not a command to run.
    expect(finding?.commands).toBeUndefined();
    expect(finding?.fix).toBe(`write \`NEXT_PUBLIC_API_URL=http://127.0.0.2:${port}\` in frontend/.env.local, then restart the client`);
  });

  it("env mismatch in a URL with a password: the password appears nowhere in text or JSON", async () => {
    const port = await freePort();
    const dir = await project("env-secret", port, { "frontend/.env.local": `NEXT_PUBLIC_API_URL=http://app:s3cr3t-pw@127.0.0.2:${port + 1}/v1\n` });
    const server = await listen("0.0.0.0", port);
    cleanups.push(() => close(server));
    const { status, result, text } = await doctorJson(dir, ["fastapi", "--from", "laptop"]);
    expect(status).toBe(1);
    const finding = result.findings.find((f) => f.code === "doctor-env-mismatch");
    expect(finding?.fix).toBe(
      `write \`NEXT_PUBLIC_API_URL=http://app:***@127.0.0.2:${port}/v1\` in frontend/.env.local (with your own secret where *** stands), then restart the client`,
    );
    expect(JSON.stringify(result)).not.toContain("s3cr3t-pw");
    expect(text).not.toContain("s3cr3t-pw");
    expect(text).toContain(`app:***@127.0.0.2:${port + 1}`);
  });

  it("a compose file publishing on 127.0.0.1: the line and the replacement", async () => {
    const port = await freePort();
    const compose = `services:\n  postgres:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:${port + 5}:5432"\n`;
    const dir = await project("compose", port, { "docker-compose.yml": compose });
    const server = await listen("0.0.0.0", port + 5);
    cleanups.push(() => close(server));
    const { status, result } = await doctorJson(dir, ["redis", "--from", "laptop"]);
    expect(status).toBe(1);
    const finding = result.findings.find((f) => f.code === "doctor-compose-loopback");
    expect(finding?.location).toMatchObject({ file: "docker-compose.yml", line: 5 });
    expect(finding?.fix).toContain(`"${port + 5}:5432"`);
    expect(finding?.commands?.join("\n")).toContain("docker compose up -d");
  });

  it("Tailscale stopped here is said, from a fake tailscale on PATH", async () => {
    const port = await freePort();
    const dir = await project("tailscale", port);
    const bin = path.join(dir, "bin");
    await mkdir(bin);
    const status = { BackendState: "Stopped", TUN: true, Self: null, Peer: {} };
    await writeFile(path.join(bin, "tailscale"), `#!/bin/sh\necho '${JSON.stringify(status)}'\n`);
    await chmod(path.join(bin, "tailscale"), 0o755);
    const run = await runCli(["doctor", "fastapi", "--from", "laptop", "--json"], { cwd: dir, env: { PATH: `${bin}:${process.env.PATH ?? ""}` } });
    const result = JSON.parse(run.stdout) as DoctorResult;
    expect(result.notes.map((n) => n.code)).toEqual(["tailscale-down"]);
  });

  it("bad input: an unknown service lists close names, exit 2", async () => {
    const port = await freePort();
    const dir = await project("bad", port);
    const run = await runCli(["doctor", "fastap"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('did you mean "fastapi"?');
    const garbage = await runCli(["doctor", "--error", "all good"], { cwd: dir });
    expect(garbage.status).toBe(2);
  });

  const asRoot = process.getuid?.() === 0;
  const hasTools = asRoot && spawnSyncOk("ip", ["-V"]) && spawnSyncOk("nft", ["--version"]);
  if (!hasTools) console.warn("skipping doctor's filtered case: needs root, ip and nft for a network namespace");

  it.skipIf(!hasTools)("filtered: packets dropped inside a namespace → the firewall check and fix for the node's OS", async () => {
    const port = await freePort();
    const dir = await project("filtered", port);
    const ns = `sparkport-doctor-${process.pid}`;
    const run = (args: string[]): void => {
      if (spawnSync("ip", args).status !== 0) throw new Error(`ip ${args.join(" ")} failed`);
    };
    run(["netns", "add", ns]);
    cleanups.push(() => spawnSync("ip", ["netns", "delete", ns]));
    run(["netns", "exec", ns, "ip", "link", "set", "lo", "up"]);
    // Inside the namespace only: everything to 127.0.0.2 is dropped.
    run(["netns", "exec", ns, "nft", "add table inet sp; add chain inet sp out { type filter hook output priority 0; }; add rule inet sp out ip daddr 127.0.0.2 drop"]);
    const doctorRun = spawnSync("ip", ["netns", "exec", ns, process.execPath, CLI, "--timeout", "300ms", "doctor", "fastapi", "--from", "laptop", "--json"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(doctorRun.status).toBe(1);
    const result = JSON.parse(doctorRun.stdout) as DoctorResult;
    const finding = result.findings.find((f) => f.code === "doctor-filtered");
    expect(finding?.evidence?.[0]).toMatch(new RegExp(`^probe 127\\.0\\.0\\.2:${port}: filtered`));
    // The node is a Mac: the macOS application firewall's commands.
    expect(finding?.commands?.join("\n")).toContain("socketfilterfw");
  });

  it("docker ps publishing on 127.0.0.1 (a fake docker on PATH prints a real `docker ps --format json` line)", async () => {
    const port = await freePort();
    const dir = await project("docker", port);
    const server = await listen("127.0.0.1", port + 5);
    cleanups.push(() => close(server));
    const real = (await readFile(path.join(OS_FIXTURES, "docker-ps-format-json.txt"), "utf8")).split("\n")[0] ?? "";
    const line = real.replace('"Ports":"80/tcp"', `"Ports":"127.0.0.1:${port + 5}->6379/tcp"`).replace('"Names":"bar"', '"Names":"redis"');
    expect(line).toContain(`127.0.0.1:${port + 5}->6379/tcp`);
    const bin = path.join(dir, "bin");
    await mkdir(bin);
    await writeFile(path.join(bin, "docker"), `#!/bin/sh\ncat <<'JSON'\n${line}\nJSON\n`);
    await chmod(path.join(bin, "docker"), 0o755);
    const run = await runCli(["doctor", "redis", "--from", "server", "--json"], { cwd: dir, env: { PATH: `${bin}:${process.env.PATH ?? ""}` } });
    const result = JSON.parse(run.stdout) as DoctorResult;
    const finding = result.findings.find((f) => f.code === "doctor-docker-loopback");
    expect(finding?.message).toBe(`the Docker container redis publishes ${port + 5} on 127.0.0.1 only`);
    expect(finding?.commands?.join("\n")).toContain("docker compose up -d");
    expect(run.status).toBe(1);
  });

  it("Tailscale with userspace networking and the peer offline: both in the evidence, with their fixes", async () => {
    const port = await freePort();
    const dir = await project("tailscale-peer", port);
    const bin = path.join(dir, "bin");
    await mkdir(bin);
    // Addresses are loopback so that nothing leaves the machine; the shape is tailscale's.
    const status = {
      BackendState: "Running",
      TUN: false,
      Self: { HostName: "laptop", DNSName: "laptop.tail.ts.net.", TailscaleIPs: ["127.0.0.1"], Online: true, OS: "macOS" },
      Peer: { k: { HostName: "macmini", DNSName: "macmini.tail.ts.net.", TailscaleIPs: ["127.0.0.2"], Online: false, OS: "macOS" } },
    };
    await writeFile(path.join(bin, "tailscale"), `#!/bin/sh\nif [ "$1" = status ]; then echo '${JSON.stringify(status)}'; else echo "ping: no reply"; exit 1; fi\n`);
    await chmod(path.join(bin, "tailscale"), 0o755);
    const run = await runCli(["doctor", "fastapi", "--from", "laptop", "--json"], { cwd: dir, env: { PATH: `${bin}:${process.env.PATH ?? ""}` } });
    const result = JSON.parse(run.stdout) as DoctorResult;
    expect(result.notes.map((n) => n.code)).toEqual(["tailscale-userspace"]);
    expect(run.status).toBe(1);
  });

  it("review regressions: an explicit address is probed; a pasted refusal is a reachability question; no kill for a service on its own port", async () => {
    const port = await freePort();
    const dir = await project("regressions", port, { "web/.env.local": `MINIO_ENDPOINT=127.0.0.2:${port + 2}\n` });
    const child = await startPythonServer("127.0.0.1", port + 5);
    cleanups.push(() => child.kill());
    const given = await doctorJson(dir, [`[::1]:${port + 5}`, "--from", "server"]);
    expect(given.status).toBe(1);
    expect(codes(given.result)).toContain("doctor-family-mismatch");

    const refused = await doctorJson(dir, ["--from", "server", "--error", `Error: connect ECONNREFUSED 127.0.0.2:${port + 5}`]);
    expect(codes(refused.result)).toContain("doctor-localhost-only");
    expect(codes(refused.result)).not.toContain("doctor-port-in-use");

    const server = await listen("0.0.0.0", port);
    cleanups.push(() => close(server));
    const own = await doctorJson(dir, [String(port), "--from", "server"]);
    expect(codes(own.result)).not.toContain("doctor-port-in-use");
    // MINIO_ENDPOINT names another (unregistered) service: not fastapi's business.
    expect(codes(own.result)).not.toContain("doctor-env-mismatch");
    expect(own.status).toBe(0);

    const conflict = await runCli(["doctor", String(port), "--error", `Error: listen EADDRINUSE: address already in use :::${port + 5}`], { cwd: dir });
    expect(conflict.status).toBe(2);
    expect(conflict.stderr).toContain(`the target names port ${port} but the pasted error names ${port + 5}`);
  });
});

