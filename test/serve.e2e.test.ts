import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { close, freeStablePort, listen } from "./helpers/listeners.js";
import { CLI, runCli } from "./helpers/run-cli.js";
import { skipping } from "./helpers/skip-reason.js";

// Issue 20 part 2: `serve` started from the built CLI on loopback, its registry's one node 127.0.0.1, real listeners
// for registered services, its answers read over HTTP and its metrics checked by promtool.
const PROMTOOL = "/usr/bin/promtool";

let scratch: string;
let registry: string;
let ports: { serve: number; loopback: number; wildcard: number; idle: number; added: number };
const servers: Server[] = [];
const children: ChildProcess[] = [];

function registryText(extra = ""): string {
  const service = (name: string, port: number, protocol: string, more = "") =>
    `  - name: ${name}\n    team: A\n    node: box\n    port: ${port}\n    protocol: ${protocol}\n    access: all-nodes\n    status: running\n${more}`;
  return [
    "version: 1",
    "nodes:",
    "  box:",
    // Not 127.0.0.1: a bind on the node's own address is node-address, and web's on 127.0.0.1 must read as loopback.
    "    address: 127.0.0.2",
    "    os: linux",
    "  far:",
    "    address: 127.0.0.3",
    "    os: linux",
    "teams:",
    "  A:",
    "    name: Infra",
    "    ranges:",
    "      - name: a",
    "        from: 20000",
    "        to: 32000",
    "environments:",
    "  dev:",
    "    offset: 0",
    "services:",
    service("sparkport-box", ports.serve, "http", "    start: sparkport serve\n").trimEnd(),
    service("web", ports.loopback, "http").trimEnd(),
    service("db", ports.wildcard, "tcp").trimEnd(),
    service("idle", ports.idle, "tcp").trimEnd(),
    service("remote", ports.loopback + 100, "tcp").replace("node: box", "node: far").trimEnd(),
    extra,
    "",
  ].join("\n");
}

interface Started {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** `sparkport serve` as a user starts it; resolves once it says where it listens. */
async function startServe(args: readonly string[] = []): Promise<Started> {
  const child = spawn(process.execPath, [CLI, "-r", registry, "--this-node", "box", "serve", ...args], {
    env: { ...process.env, NO_COLOR: "1", SPARKPORT_REGISTRY: undefined },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let err = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  for (let i = 0; i < 200 && !err.includes("serving") && child.exitCode === null; i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(err).toContain("serving box's ports at http://127.0.0.1:");
  return { child, stderr: () => err, exited };
}

const get = async (port: number, pathname: string) => {
  const response = await fetch(`http://127.0.0.1:${port}${pathname}`);
  return { status: response.status, type: response.headers.get("content-type") ?? "", body: await response.text() };
};

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "sparkport-serve-"));
  const base = await freeStablePort(5);
  ports = { serve: base, loopback: base + 1, wildcard: base + 2, idle: base + 3, added: base + 4 };
  // A name with markup in it: the page must show it as text.
  registry = path.join(scratch, "ports<i>&.yaml");
  await writeFile(registry, registryText());
  servers.push(await listen("127.0.0.1", ports.loopback), await listen("0.0.0.0", ports.wildcard));
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await Promise.all(servers.map(close));
  await rm(scratch, { recursive: true, force: true });
});

describe("sparkport serve", () => {
  it("answers /metrics, /targets and / for this node's ports, re-reads an edited registry, and stops on SIGTERM", async () => {
    const serve = await startServe();
    expect(serve.stderr()).toContain(`http://127.0.0.1:${ports.serve}/`);
    const metrics = await get(ports.serve, "/metrics");
    expect(metrics.status).toBe(200);
    expect(metrics.type).toMatch(/^text\/plain; version=0\.0\.4/);
    const at = (service: string, port: number) => `service="${service}",environment="dev",node="box",port="${port}"`;
    const lines = metrics.body.split("\n");
    expect(lines).toContain(`sparkport_service_listening{${at("web", ports.loopback)},protocol="http"} 1`);
    expect(lines).toContain(`sparkport_service_listening{${at("db", ports.wildcard)},protocol="tcp"} 1`);
    expect(lines).toContain(`sparkport_service_listening{${at("idle", ports.idle)},protocol="tcp"} 0`);
    // serve holds its own registered port.
    expect(lines).toContain(`sparkport_service_listening{${at("sparkport-box", ports.serve)},protocol="http"} 1`);
    expect(lines).toContain(`sparkport_service_bind_scope{${at("web", ports.loopback)},scope="loopback"} 1`);
    expect(lines).toContain(`sparkport_service_bind_scope{${at("db", ports.wildcard)},scope="all"} 1`);
    expect(lines.filter((l) => l.startsWith(`sparkport_service_bind_scope{${at("idle", ports.idle)}`))).toEqual([]);
    expect(lines).toContain(`sparkport_service_holder_info{${at("web", ports.loopback)},pid="${process.pid}",program="node"} 1`);
    expect(lines).toContain(`sparkport_service_holder_info{${at("db", ports.wildcard)},pid="${process.pid}",program="node"} 1`);
    expect(lines).toContain(`sparkport_service_holder_info{${at("sparkport-box", ports.serve)},pid="${serve.child.pid}",program="node"} 1`);
    expect(metrics.body).toMatch(/^sparkport_registry_info\{sha="[0-9a-f]{64}"\} 1$/m);
    expect(metrics.body).toMatch(/^sparkport_socket_scan_duration_seconds \d+(\.\d+)?(e-\d+)?$/m);

    const targets = await get(ports.serve, "/targets");
    expect([targets.status, targets.type]).toEqual([200, "application/json"]);
    const exported = await runCli(["-r", registry, "export", "prometheus", "--format", "http_sd"]);
    expect(targets.body).toBe(exported.stdout);

    const page = await get(ports.serve, "/");
    expect([page.status, page.type]).toEqual([200, "text/html; charset=utf-8"]);
    expect(page.body).toContain("ports&lt;i&gt;&amp;.yaml");
    expect(page.body).not.toContain("<i>");
    expect(page.body).toContain(`<tr><td>web</td><td>dev</td><td>${ports.loopback}</td><td>http</td><td>running</td><td>yes</td><td>loopback</td><td>node (PID ${process.pid})</td></tr>`);
    expect((await get(ports.serve, "/nothing")).status).toBe(404);

    // An edit: a new service, listening on 0.0.0.0, appears at the next scrape, with the new file's sha.
    const sha = /sparkport_registry_info\{sha="([0-9a-f]+)"\}/.exec(metrics.body)?.[1];
    const added = await listen("0.0.0.0", ports.added);
    servers.push(added);
    await writeFile(registry, registryText(`  - name: added\n    team: A\n    node: box\n    port: ${ports.added}\n    protocol: tcp\n    access: all-nodes\n    status: running`));
    const reloaded = await get(ports.serve, "/metrics");
    expect(reloaded.body.split("\n")).toContain(`sparkport_service_listening{${at("added", ports.added)},protocol="tcp"} 1`);
    expect(reloaded.body).not.toContain(`sha="${sha}"`);
    // A broken edit keeps the last good registry.
    await writeFile(registry, "version: 1\nservices: [\n");
    const broken = await get(ports.serve, "/metrics");
    expect(broken.body.split("\n")).toContain(`sparkport_service_listening{${at("added", ports.added)},protocol="tcp"} 1`);
    // Said on stderr once, where whoever runs serve looks; and once more when the file reads again.
    await get(ports.serve, "/metrics");
    await writeFile(registry, registryText());
    await get(ports.serve, "/metrics");

    serve.child.kill("SIGTERM");
    expect(await serve.exited).toBe(0);
    const said = serve.stderr().split("\n");
    expect(said.filter((line) => line.startsWith(`${registry} changed but cannot be read; serving its last good contents: `))).toHaveLength(1);
    expect(said.filter((line) => line === `${registry} read again`)).toHaveLength(1);
    expect(serve.stderr()).toMatch(/stopped on SIGTERM after 5 scrapes of \/metrics\n$/);
  });

  it.skipIf(skipping(!existsSync(PROMTOOL), "promtool check metrics on serve's /metrics", `${PROMTOOL} is absent (Debian package prometheus)`))(
    "its metrics pass promtool check metrics",
    async () => {
      const serve = await startServe();
      const metrics = await get(ports.serve, "/metrics");
      const checked = await new Promise<{ code: number; output: string }>((resolve) => {
        const child = execFile(PROMTOOL, ["check", "metrics"], (error, stdout, stderr) =>
          resolve({ code: error === null ? 0 : Number(error.code), output: `${stdout}${stderr}` }),
        );
        child.stdin?.end(metrics.body);
      });
      expect(checked).toEqual({ code: 0, output: "" });
      serve.child.kill("SIGINT");
      expect(await serve.exited).toBe(0);
    },
  );

  it("refuses a held port (exit 1, naming the holder as check does) and a port registered to another service", async () => {
    const held = await listen("127.0.0.1", ports.serve);
    try {
      const refused = await runCli(["-r", registry, "--this-node", "box", "serve"]);
      expect([refused.status, refused.stderr]).toEqual([1, ""]);
      expect(refused.stdout).toMatch(new RegExp(`^port ${ports.serve} is in use by node \\(PID ${process.pid}(, user [^)]+)?\\); serve did not start\n$`));
    } finally {
      await close(held);
    }
    const other = await runCli(["-r", registry, "--this-node", "box", "serve", "--listen", `127.0.0.1:${ports.idle}`]);
    expect([other.status, other.stdout, other.stderr]).toEqual([1, `port ${ports.idle} on box is registered to idle; serve did not start (give --listen a port of its own)\n`, ""]);
    const json = await runCli(["-r", registry, "--this-node", "box", "serve", "--listen", `127.0.0.1:${ports.idle}`, "--json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({ outcome: "registered", owner: "idle", ownerNode: "box", exitCode: 1 });
    // --listen on another node's address (here on this machine): that node's services count too.
    const elsewhere = await runCli(["-r", registry, "--this-node", "box", "serve", "--listen", `127.0.0.3:${ports.loopback + 100}`]);
    expect([elsewhere.status, elsewhere.stdout]).toEqual([1, `port ${ports.loopback + 100} on far is registered to remote; serve did not start (give --listen a port of its own)\n`]);
  });

  it("loads prom-client only when serve runs", async () => {
    // Node's own module loader reports each require; a hook preloaded in every run says whether prom-client was one.
    const hook = path.join(scratch, "report-prom-client.cjs");
    await writeFile(
      hook,
      'const Module = require("node:module");\nconst load = Module._load;\nModule._load = function (request, ...rest) {\n  if (request === "prom-client") process.stderr.write("prom-client loaded\\n");\n  return load.call(this, request, ...rest);\n};\n',
    );
    const env = { NODE_OPTIONS: `--require ${hook}` };
    for (const args of [["list"], ["export", "prometheus"], ["check", String(ports.idle)], ["status"]]) {
      const result = await runCli(["-r", registry, "--this-node", "box", "--no-remote", ...args], { env });
      expect(result.stderr, args.join(" ")).not.toContain("prom-client loaded");
    }
    const serve = spawn(process.execPath, [CLI, "-r", registry, "--this-node", "box", "serve"], { env: { ...process.env, ...env, NO_COLOR: "1" }, stdio: ["ignore", "ignore", "pipe"] });
    children.push(serve);
    let err = "";
    serve.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
    for (let i = 0; i < 200 && !err.includes("serving"); i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
    await get(ports.serve, "/metrics");
    serve.kill("SIGTERM");
    await new Promise((resolve) => serve.once("exit", resolve));
    expect(err).toContain("prom-client loaded");
  });

  it("bad input is one line and exit 2: a name for an address", async () => {
    const result = await runCli(["-r", registry, "--this-node", "box", "serve", "--listen", `localhost:${ports.serve}`]);
    expect([result.status, result.stdout, result.stderr]).toEqual([2, "", `sparkport: --listen "localhost:${ports.serve}": the address must be an IP address, e.g. 127.0.0.1:9097 or [::1]:9097\n`]);
  });
});
