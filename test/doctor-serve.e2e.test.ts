import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DoctorResult } from "../src/commands/doctor/doctor.js";
import { close, freeStablePort, listen } from "./helpers/listeners.js";
import { CLI, runCli } from "./helpers/run-cli.js";
import { skipping } from "./helpers/skip-reason.js";
import { loopbackRegistry } from "./helpers/loopback-registry.js";

// doctor on a refused remote service asks that node's `sparkport serve` (a real one, started here) which addresses
// the service is bound on: a loopback-only bind is named, with its holder. Node `other` is 127.0.0.2, this machine
// `here` is 127.0.0.1; both are this machine's loopback, so serve on `other` reads the socket table the test's listeners are in.

const skip = skipping(process.platform !== "linux", "doctor with a node's serve", `127.0.0.2 routes to lo only on Linux; this is ${process.platform}`);
const env = { SPARKPORT_NODE: "here" };
let scratch: string;
let registry: string;
let ports: { serve: number; api: number; gone: number };
let serve: ChildProcess | undefined;
const servers: Server[] = [];

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "sparkport-doctor-serve-"));
  const base = await freeStablePort(3);
  ports = { serve: base, api: base + 1, gone: base + 2 };
  registry = path.join(scratch, "ports.yaml");
  const service = (name: string, port: number, more = "") =>
    `  - {name: ${name}, team: B, node: other, port: ${port}, protocol: tcp, access: all-nodes, status: running${more}}`;
  await writeFile(
    registry,
    loopbackRegistry({
      environments: {},
      services: [service("sparkport-other", ports.serve, `, start: "sparkport serve --listen 127.0.0.2:${ports.serve}"`), service("api", ports.api), service("gone", ports.gone)],
    }),
  );
  if (skip) return;
  // api listens on 127.0.0.1 only: from here, 127.0.0.2 is refused.
  servers.push(await listen("127.0.0.1", ports.api));
  serve = spawn(process.execPath, [CLI, "-r", registry, "--this-node", "other", "serve", "--listen", `127.0.0.2:${ports.serve}`], {
    env: { ...process.env, NO_COLOR: "1", SPARKPORT_REGISTRY: undefined },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  serve.stderr?.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
  for (let i = 0; i < 400 && !err.includes("serving") && serve.exitCode === null; i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(err).toContain(`http://127.0.0.2:${ports.serve}/`);
});
afterAll(async () => {
  if (serve !== undefined && serve.exitCode === null) {
    const exited = new Promise((resolve) => serve?.once("exit", resolve));
    serve.kill("SIGTERM");
    await exited;
  }
  await Promise.all(servers.map(close));
  await rm(scratch, { recursive: true, force: true });
});

async function doctor(target: string, lang = "en"): Promise<{ status: number; result: DoctorResult; text: string }> {
  const json = await runCli(["-r", registry, "--lang", lang, "doctor", target, "--json"], { env });
  const text = await runCli(["-r", registry, "--lang", lang, "doctor", target], { env });
  return { status: json.status, result: JSON.parse(json.stdout) as DoctorResult, text: text.stdout };
}

describe.skipIf(skip)("doctor with the node's sparkport serve", () => {
  it("names a loopback-only bind on the other node, with its PID and program", async () => {
    const { status, result, text } = await doctor("api");
    const metrics = `http://127.0.0.2:${ports.serve}/metrics`;
    expect(result.checks).toContainEqual({ check: "serve-metrics", url: metrics });
    expect(result.findings.map((f) => f.code)).toEqual(["doctor-localhost-only-remote"]);
    const holder = `PID ${process.pid}, node`;
    expect(result.findings[0]?.message).toBe(`api listens on 127.0.0.1 only on other (${holder}), so connections from other nodes to ${ports.api} are refused`);
    expect(result.findings[0]?.fix).toContain("make it listen on 0.0.0.0 or other's address");
    expect(result.findings[0]?.evidence).toEqual([
      expect.stringMatching(new RegExp(`^probe 127\\.0\\.0\\.2:${ports.api}: closed after \\d+ ms`)),
      `${metrics}: bound on loopback, held by ${holder}`,
    ]);
    expect(status).toBe(1);
    expect(text).toContain(`observed: ${metrics}: bound on loopback, held by ${holder}`);
    const ko = await doctor("api", "ko");
    expect(ko.result.findings[0]?.message).toContain("127.0.0.1에서만 리스닝합니다");
    expect(ko.text).toContain("바인드 범위 루프백(loopback)");
  });

  it("a refused service serve sees no listener for is still nothing listening, or localhost-only: as before", async () => {
    const { status, result } = await doctor("gone");
    expect(result.checks).toContainEqual({ check: "serve-metrics", url: `http://127.0.0.2:${ports.serve}/metrics` });
    expect(result.findings.map((f) => f.code)).toEqual(["doctor-refused-remote"]);
    expect(status).toBe(1);
  });
});
