import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, rmdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckResult } from "../src/commands/check/check.js";
import type { DoctorResult } from "../src/commands/doctor/doctor.js";
import type { NextResult } from "../src/commands/next/next.js";
import type { StatusResult } from "../src/commands/status/status.js";
import { CLI } from "./helpers/run-cli.js";

// Issue 16 in a network namespace of the test's own, where only lo exists and nftables plays the network:
// desktop (127.0.0.2) drops every packet, macmini (127.0.0.3) has one port REJECTed by a firewall, and the resolver
// (127.0.0.53) swallows every query. Unknown is not free (item 6), a REJECT is not "no route" (item 9), and no command
// outlives its timeout whatever the resolver does (item 12).

const NS = `sparkport-unknown-${process.pid}`;
const NS_ETC = path.join("/etc/netns", NS);
const REJECTED_PORT = 31_501;
const TIMEOUT_MS = 500;
/** Node's start-up and the command's own work, on a slow machine, on top of the timeout. */
const MARGIN_MS = 1_500;

function skipReason(): string | undefined {
  if (process.platform !== "linux") return `network namespaces need Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return "creating a network namespace needs root";
  if (spawnSync("ip", ["-V"]).status !== 0) return "the `ip` command (iproute2) is missing";
  if (spawnSync("nft", ["--version"]).status !== 0) return "the `nft` command (nftables) is missing";
  return undefined;
}
const skip = skipReason();
if (skip !== undefined) console.warn(`skipping the unknown-is-not-free namespace tests: ${skip}`);

// On input, not output: a packet dropped on output fails its send at once (EPERM), where a real drop is silence.
const RULES = `table inet sparkport_unknown {
  chain in {
    type filter hook input priority 0; policy accept;
    ip daddr 127.0.0.2 drop
    ip daddr 127.0.0.3 tcp dport ${REJECTED_PORT} reject with icmp type admin-prohibited
    ip daddr 127.0.0.53 drop
  }
}
`;

let scratch = "";
let registry = "";
let createdEtcNetns = false;

function ip(args: readonly string[]): void {
  const run = spawnSync("ip", args, { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`ip ${args.join(" ")} failed: ${run.stderr}`);
}

beforeAll(async () => {
  if (skip !== undefined) return;
  scratch = await mkdtemp(path.join(tmpdir(), "sparkport-unknown-"));
  ip(["netns", "add", NS]);
  ip(["netns", "exec", NS, "ip", "link", "set", "lo", "up"]);
  // `ip netns exec` mounts /etc/netns/<ns>/resolv.conf over /etc/resolv.conf: the only nameserver is the silent one.
  createdEtcNetns = !existsSync("/etc/netns");
  await mkdir(NS_ETC, { recursive: true });
  await writeFile(path.join(NS_ETC, "resolv.conf"), "nameserver 127.0.0.53\noptions timeout:5 attempts:3\n");
  await writeFile(path.join(scratch, "rules.nft"), RULES);
  ip(["netns", "exec", NS, "nft", "-f", path.join(scratch, "rules.nft")]);
  registry = path.join(scratch, "ports.yaml");
  await writeFile(
    registry,
    [
      "version: 1",
      "nodes:",
      "  here: {address: 127.0.0.1, os: linux}",
      "  desktop: {address: 127.0.0.2, os: linux}",
      "  macmini: {address: 127.0.0.3, os: macos}",
      "  named: {address: unanswered.example, os: linux}",
      "teams:",
      "  A: {name: Team A, ranges: [{name: main, from: 31500, to: 31599}]}",
      "environments:",
      "  dev: {offset: 0}",
      "services:",
      "  - {name: web, team: A, node: desktop, port: 31500, protocol: http, access: all-nodes, status: running}",
      `  - {name: api, team: A, node: macmini, port: ${REJECTED_PORT}, protocol: http, access: all-nodes, status: running}`,
      "  - {name: db, team: A, node: named, port: 31502, protocol: tcp, access: all-nodes, status: running}",
      "",
    ].join("\n"),
  );
}, 30_000);

afterAll(async () => {
  if (skip !== undefined) return;
  spawnSync("ip", ["netns", "delete", NS]);
  await rm(NS_ETC, { recursive: true, force: true });
  if (createdEtcNetns) await rmdir("/etc/netns").catch(() => undefined);
  await rm(scratch, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The built CLI inside the namespace, timed from spawn to exit; killed after 30 s so a hang fails, not stalls. */
function sparkport(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn("ip", ["netns", "exec", NS, process.execPath, CLI, "--registry", registry, ...args], {
      env: { ...process.env, NO_COLOR: "1", SPARKPORT_NODE: "here", SPARKPORT_REGISTRY: undefined, PATH: "/usr/sbin:/usr/bin:/sbin:/bin" },
    });
    const killer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (status) => {
      clearTimeout(killer);
      resolve({ status, stdout, stderr, ms: Date.now() - started });
    });
  });
}

const timeout = ["--timeout", `${TIMEOUT_MS}ms`];

describe.skipIf(skip !== undefined)("unknown is not free (item 6): desktop drops every packet", () => {
  it("next --node desktop marks its ports unverified and exits 1; with --no-remote it exits 0", async () => {
    const run = await sparkport([...timeout, "next", "--team", "A", "--node", "desktop", "--count", "2", "--json"]);
    const result = JSON.parse(run.stdout) as NextResult;
    expect(result.ports).toEqual([31503, 31504]);
    expect(result.unverified).toEqual([31503, 31504]);
    expect(result.findings.map((f) => f.code)).toEqual(["port-unverified-on-node", "port-unverified-on-node"]);
    expect(run.status).toBe(1);
    const text = await sparkport([...timeout, "next", "--team", "A", "--node", "desktop"]);
    expect(text.stdout).toBe("31503 (unverified)\n");
    expect(text.stderr).toContain("desktop could not be asked about it (filtered)");
    expect(text.status).toBe(1);
    const offline = await sparkport(["--no-remote", "next", "--team", "A", "--node", "desktop"]);
    expect(offline.stdout).toBe("31503\n");
    expect(offline.status).toBe(0);
  });

  it("allocate refuses a port on desktop it could not verify, and takes it with --no-remote", async () => {
    const run = await sparkport([...timeout, "allocate", "cache", "--team", "A", "--node", "desktop", "--dry-run", "--json"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("port-unverified-on-node");
    const given = await sparkport([...timeout, "allocate", "cache", "--team", "A", "--node", "desktop", "--port", "31510", "--dry-run"]);
    expect(given.status).toBe(1);
    const offline = await sparkport(["--no-remote", "allocate", "cache", "--team", "A", "--node", "desktop", "--dry-run"]);
    expect(offline.status, offline.stderr).toBe(0);
  });

  it("check, status and doctor of the dropped node end within their timeout", async () => {
    const check = await sparkport([...timeout, "check", "desktop:31500", "--json"]);
    expect((JSON.parse(check.stdout) as CheckResult).checks[0]?.remote?.state).toBe("filtered");
    expect(check.status).toBe(1);
    expect(check.ms).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
    const status = await sparkport([...timeout, "status", "--node", "desktop", "--json"]);
    expect((JSON.parse(status.stdout) as StatusResult).rows[0]?.observed).toBe("filtered");
    expect(status.ms).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
    const doctor = await sparkport([...timeout, "doctor", "web", "--json"]);
    expect((JSON.parse(doctor.stdout) as DoctorResult).findings.map((f) => f.code)).toContain("doctor-filtered");
    expect(doctor.ms).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
  });
});

describe.skipIf(skip !== undefined)("a firewall's REJECT is not 'no route' (item 9)", () => {
  it("check says filtered, refused by a firewall; doctor says a firewall refused", async () => {
    const check = await sparkport([...timeout, "check", `macmini:${REJECTED_PORT}`, "--service", "api", "--json"]);
    const result = JSON.parse(check.stdout) as CheckResult;
    expect(result.checks[0]?.remote).toMatchObject({ state: "filtered", rejected: true, errorCode: "EHOSTUNREACH" });
    expect(result.checks[0]?.findings.map((f) => f.code)).toEqual(["port-rejected-on-node"]);
    expect(check.status).toBe(1);
    const text = await sparkport([...timeout, "check", `macmini:${REJECTED_PORT}`, "--service", "api"]);
    expect(text.stdout).toContain("filtered: a firewall refused");
    const doctor = await sparkport([...timeout, "doctor", "api"]);
    expect(doctor.stdout).toContain("a firewall refused the connection");
    expect(doctor.stdout).not.toContain("cannot be reached");
    expect(doctor.status).toBe(1);
    // No firewall rule for 31500 on macmini: refused by the host itself, closed.
    const closed = await sparkport([...timeout, "check", "macmini:31599", "--json"]);
    expect((JSON.parse(closed.stdout) as CheckResult).checks[0]?.remote?.state).toBe("closed");
  });
});

describe.skipIf(skip !== undefined)("a resolver that never answers (item 12)", () => {
  it("check, next, status and doctor of a node named by a host name end within the timeout", async () => {
    for (const args of [
      ["check", "named:31502", "--json"],
      ["next", "--team", "A", "--node", "named", "--json"],
      ["status", "--node", "named", "--json"],
      ["doctor", "db", "--json"],
    ]) {
      const run = await sparkport([...timeout, ...args]);
      expect(run.ms, args.join(" ")).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
      expect(run.stdout, args.join(" ")).toContain("name-error");
      expect(run.status, args.join(" ")).toBe(1);
    }
  }, 60_000);
});
