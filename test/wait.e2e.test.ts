import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import type { Server as NetServer } from "node:net";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { WaitResult } from "../src/commands/wait/wait.js";
import { close, freeStablePort, listen, startNodeServer } from "./helpers/listeners.js";
import { runInTerminal } from "./helpers/pseudo-terminal.js";
import { CLI, runCli } from "./helpers/run-cli.js";
import { skipping } from "./helpers/skip-reason.js";

// Network safety: the one node is 127.0.0.1, every listener and URL is on loopback.

let scratch: string;
let base: number;
const children: ChildProcess[] = [];
const servers: NetServer[] = [];

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "sparkport-wait-"));
  base = await freeStablePort(20);
  await writeFile(
    path.join(scratch, "ports.yaml"),
    [
      "version: 1",
      "nodes:",
      "  box: {address: 127.0.0.1, os: linux}",
      "teams:",
      `  A: {name: Team A, ranges: [{name: main, from: ${base}, to: ${base + 19}}]}`,
      "environments:",
      "  dev: {offset: 0}",
      "  test: {offset: 1}",
      "services:",
      `  - {name: redis, team: A, node: box, port: ${base}, protocol: tcp, access: all-nodes, status: running}`,
      `  - {name: api, team: A, node: box, port: ${base + 10}, protocol: http, access: all-nodes, status: running, environments: {test: null}}`,
      "",
    ].join("\n"),
  );
});
afterEach(async () => {
  for (const child of children.splice(0)) child.kill();
  for (const server of servers.splice(0)) await close(server);
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const sparkport = (args: readonly string[], env: Record<string, string> = {}) => runCli(args, { cwd: scratch, env: { SPARKPORT_NODE: "", ...env } });

/** A listener on 127.0.0.1:PORT from a child Node that starts listening after `delayMs`. */
function listenLater(port: number, delayMs: number): ChildProcess {
  const script = `setTimeout(() => require("node:net").createServer((s) => s.destroy()).listen(${port}, "127.0.0.1"), ${delayMs});`;
  const child = spawn(process.execPath, ["-e", script], { stdio: "ignore" });
  children.push(child);
  return child;
}

describe("sparkport wait", () => {
  it("waits for a listener that appears after a second, and for every target at once", async () => {
    listenLater(base, 1000);
    listenLater(base + 11, 1500);
    const run = await sparkport(["wait", "redis", `127.0.0.1:${base + 11}`, "--json"]);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as WaitResult;
    expect(result.outcome).toBe("ready");
    expect(result.targets.map((t) => [t.label, t.ready])).toEqual([
      [`redis (localhost:${base})`, true],
      [`127.0.0.1:${base + 11}`, true],
    ]);
    const [redis, other] = result.targets;
    // Each is told when it came: the later listener later.
    expect(redis?.readyAfterMs).toBeLessThan(other?.readyAfterMs ?? 0);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(other?.readyAfterMs ?? Number.POSITIVE_INFINITY);
  });

  it("waits for an HTTP URL to answer 2xx-3xx: 503 twice, then 200", async () => {
    let asked = 0;
    const server = createServer((_, response) => {
      asked += 1;
      response.writeHead(asked <= 2 ? 503 : 200).end();
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(base + 10, "127.0.0.1", resolve));
    const run = await sparkport(["wait", `http://127.0.0.1:${base + 10}/health`, "--interval", "100ms"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^✔ http://127\\.0\\.0\\.1:${base + 10}/health ready after \\d+\\.\\ds\\n$`));
    expect(asked).toBe(3);
  });

  it("gives up at the timeout, naming what was not ready and the last answer, exit 1", async () => {
    const server = await startNodeServer("127.0.0.1", base);
    children.push(server);
    const started = Date.now();
    const run = await sparkport(["wait", "redis", "api.test", "--timeout", "700ms"]);
    expect(run.status).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
    expect(run.stdout).toMatch(new RegExp(`^✔ redis \\(localhost:${base}\\) ready after 0\\.\\ds\\n✖ api\\.test \\(localhost:${base + 11}\\) not ready \\(last: closed\\)\\n$`));
    expect(run.stderr).toBe("timed out after 0.7s: 1 not ready\n");
  });

  it("reports the last real HTTP answer at the timeout, with a timeout shorter than one look", async () => {
    // 503 first; after that the server holds every request unanswered, so the last look is cut short by the deadline.
    let asked = 0;
    const server = createServer((_, response) => {
      asked += 1;
      if (asked === 1) response.writeHead(503).end();
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(base + 12, "127.0.0.1", resolve));
    const run = await sparkport(["wait", `http://127.0.0.1:${base + 12}/`, "--timeout", "1300ms", "--interval", "100ms"]);
    server.closeAllConnections();
    expect(run.status, run.stderr).toBe(1);
    expect(asked).toBeGreaterThanOrEqual(2);
    expect(run.stdout).toBe(`✖ http://127.0.0.1:${base + 12}/ not ready (last: HTTP 503)\n`);
    expect(run.stderr).toBe("timed out after 1.3s: 1 not ready\n");
    // Nothing listening: the refusal is the answer, never a timer's error.
    const refused = await sparkport(["wait", `http://127.0.0.1:${base + 13}/`, "--timeout", "700ms", "--interval", "100ms"]);
    expect(refused.stdout).toBe(`✖ http://127.0.0.1:${base + 13}/ not ready (last: ECONNREFUSED)\n`);
    // In Korean, the code is said in words.
    const ko = await sparkport(["wait", `http://127.0.0.1:${base + 13}/`, "127.0.0.1:" + String(base + 13), "--timeout", "500ms"], { LANG: "ko_KR.UTF-8" });
    expect(ko.stdout).toBe(`✖ http://127.0.0.1:${base + 13}/ 준비 안 됨 (마지막 결과: 연결 거부)\n✖ 127.0.0.1:${base + 13} 준비 안 됨 (마지막 결과: 닫힘)\n`);
  });

  it.skipIf(skipping(process.platform !== "linux", "the own-address case", "only Linux answers on all of 127.0.0.0/8"))("asks an address written out as written, even this node's own; a node's name on localhost", async () => {
    // This node is 127.0.0.2: a server on 127.0.0.1 alone does not answer there, one on 127.0.0.2 does.
    const own = path.join(scratch, "own");
    await mkdir(own, { recursive: true });
    await writeFile(path.join(own, "ports.yaml"), "version: 1\nnodes:\n  box: {address: 127.0.0.2, os: linux}\nteams: {}\nenvironments: {dev: {offset: 0}}\nservices: []\n");
    const waitHere = (args: string[]) => runCli(["wait", "--timeout", "600ms", "--interval", "100ms", ...args], { cwd: own, env: { SPARKPORT_NODE: "box" } });
    const loopbackOnly = await startNodeServer("127.0.0.1", base + 14);
    children.push(loopbackOnly);
    const written = await waitHere([`127.0.0.2:${base + 14}`]);
    expect([written.status, written.stdout]).toEqual([1, `✖ 127.0.0.2:${base + 14} not ready (last: closed)\n`]);
    expect((await waitHere([`box:${base + 14}`])).status).toBe(0);
    servers.push(await listen("127.0.0.2", base + 15));
    expect((await waitHere([`127.0.0.2:${base + 15}`])).stdout).toMatch(/ready after/);
  });

  it("reads a service name with a dot as check and run do: an exact name wins, then NAME.ENV", async () => {
    const dotted = path.join(scratch, "dotted");
    await mkdir(dotted, { recursive: true });
    await writeFile(
      path.join(dotted, "ports.yaml"),
      [
        "version: 1",
        "nodes:",
        "  box: {address: 127.0.0.1, os: linux}",
        "teams:",
        `  A: {name: Team A, ranges: [{name: main, from: ${base}, to: ${base + 19}}]}`,
        "environments:",
        "  dev: {offset: 0}",
        "  test: {offset: 1}",
        "services:",
        `  - {name: api, team: A, node: box, port: ${base + 16}, protocol: http, access: all-nodes, status: running}`,
        `  - {name: api.v2, team: A, node: box, port: ${base + 17}, protocol: http, access: all-nodes, status: running, environments: {test: null}}`,
        "",
      ].join("\n"),
    );
    const waitThere = (target: string) => runCli(["wait", target, "--timeout", "2s", "--json"], { cwd: dotted, env: { SPARKPORT_NODE: "" } });
    const v2 = await startNodeServer("127.0.0.1", base + 17);
    children.push(v2);
    const named = await waitThere("api.v2");
    expect(named.status, named.stderr).toBe(0);
    expect((JSON.parse(named.stdout) as WaitResult).targets[0]).toMatchObject({ label: `api.v2 (localhost:${base + 17})`, port: base + 17 });
    const test = await startNodeServer("127.0.0.1", base + 18);
    children.push(test);
    const env = await waitThere("api.v2.test");
    expect(env.status, env.stderr).toBe(0);
    expect((JSON.parse(env.stdout) as WaitResult).targets[0]?.port).toBe(base + 18);
  });

  it("asks a URL with a user and password by basic auth, and never shows the password", async () => {
    const expected = `Basic ${Buffer.from("ops:s@cret", "utf8").toString("base64")}`;
    const server = createServer((request, response) => response.writeHead(request.headers.authorization === expected ? 200 : 401).end());
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(base + 19, "127.0.0.1", resolve));
    const ok = await sparkport(["wait", `http://ops:s%40cret@127.0.0.1:${base + 19}/health`]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(new RegExp(`^✔ http://ops:\\*\\*\\*@127\\.0\\.0\\.1:${base + 19}/health ready after`));
    const wrong = await sparkport(["wait", `http://ops:wr0ng@127.0.0.1:${base + 19}/health`, "--timeout", "500ms", "--json"]);
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).not.toContain("wr0ng");
    expect(JSON.parse(wrong.stdout) as WaitResult).toMatchObject({
      targets: [{ input: `http://ops:***@127.0.0.1:${base + 19}/health`, url: `http://ops:***@127.0.0.1:${base + 19}/health`, last: "HTTP 401" }],
    });
    const bad = await sparkport(["wait", "--free", `http://ops:wr0ng@127.0.0.1:${base + 19}/`]);
    expect([bad.status, bad.stderr.includes("wr0ng")]).toEqual([2, false]);
  });

  it("with --free waits until nothing listens", async () => {
    const holder = await startNodeServer("127.0.0.1", base);
    children.push(holder);
    let killedAt = Number.POSITIVE_INFINITY;
    setTimeout(() => {
      killedAt = Date.now();
      holder.kill();
    }, 800);
    const run = await sparkport(["wait", "--free", "redis", "--interval", "100ms"]);
    expect(run.status, run.stderr).toBe(0);
    // Free only once the holder was gone.
    expect(Date.now()).toBeGreaterThanOrEqual(killedAt);
    expect(run.stdout).toMatch(new RegExp(`^✔ redis \\(localhost:${base}\\) free after \\d+\\.\\ds\\n$`));
  });

  it("then runs the command as run does: its output, its exit code; never when a target is not ready", async () => {
    const server = await startNodeServer("127.0.0.1", base);
    children.push(server);
    const marker = path.join(scratch, "started");
    const program = "require('node:fs').writeFileSync(process.argv[1], 'yes'); process.exit(4)";
    const run = await sparkport(["wait", "redis", "--", process.execPath, "-e", program, marker]);
    expect(run.status).toBe(4);
    expect(await readFile(marker, "utf8")).toBe("yes");
    expect(run.stderr).toMatch(/^▶ ready after \d\.\ds: starting .*node\n$/);
    await rm(marker);
    const late = await sparkport(["wait", "api", "--timeout", "300ms", "--", process.execPath, "-e", program, marker]);
    expect(late.status).toBe(1);
    await expect(readFile(marker, "utf8")).rejects.toThrow();
    expect((await sparkport(["wait", "redis", "--", "no-such-program-here"])).status).toBe(127);
  });

  it("says what is wrong with bad input in one line, exit 2", async () => {
    const cases: [string[], string][] = [
      [["wait", "rdis"], 'sparkport: no service, port, host:port or URL "rdis"; did you mean "redis"? Services: redis, api.\n'],
      [["wait", "redis", "--timeout", "soon"], 'sparkport: --timeout must be a positive duration such as 500ms, 2s, 1.5s, 1m or 750 (milliseconds); got "soon"\n'],
      [["wait", "redis", "--interval", "0"], 'sparkport: --interval must be a positive duration such as 500ms, 2s, 1.5s, 1m or 750 (milliseconds); got "0", which is less than 1 ms\n'],
      [["wait", "redis", "--"], "sparkport: -- with no command after it: sparkport wait <target...> -- <command...>\n"],
      [["wait", "--free", `http://127.0.0.1:${base}/`], `sparkport: --free waits for a port to close, not for a URL: give http://127.0.0.1:${base}/'s host:port instead\n`],
      [["wait", "api.prod"], 'sparkport: api has no environment "prod". Its environments: dev, test.\n'],
      [["wait", `ftp://u:pw@127.0.0.1:${base}/`], `sparkport: ftp://u:***@127.0.0.1:${base}/: wait asks URLs over http or https only; give the ftp server's host:port instead\n`],
    ];
    for (const [args, stderr] of cases) {
      const run = await sparkport(args);
      expect({ args, status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ args, status: 2, stdout: "", stderr });
    }
    // No target at all: the hint is wait's usage.
    const none = await sparkport(["wait"]);
    expect([none.status, none.stderr]).toEqual([
      2,
      "error: missing required argument 'target'\n(usage: sparkport wait <service|node:port|host:port|URL...> [-- <command...>]; options of the program you start go after --, as in -- next dev -p 3000)\n(run with --help for usage)\n",
    ]);
  });

  it.skipIf(skipping(process.platform === "win32", "the progress-line case", "the pseudo-terminal is Python's pty, POSIX only"))("shows what it waits on on a terminal, and clears the line before the answer", async () => {
    listenLater(base, 1200);
    const env = { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, SPARKPORT_NODE: "" };
    const run = await runInTerminal([process.execPath, CLI, "--registry", path.join(scratch, "ports.yaml"), "wait", "redis", "api", "--timeout", "2s"], env);
    // api never comes: the line goes on naming it alone until the time is up.
    expect(run.status).toBe(1);
    expect(run.output).toMatch(new RegExp(`probing 0/2 · \\d\\.\\ds · waiting on redis \\(localhost:${base}\\), api \\(localhost:${base + 10}\\)`));
    expect(run.output).toMatch(new RegExp(`probing 1/2 · \\d\\.\\ds · waiting on api \\(localhost:${base + 10}\\)`));
    expect(run.output.lastIndexOf("waiting on")).toBeLessThan(run.output.indexOf("✔ redis"));
    expect(run.output.slice(run.output.lastIndexOf("waiting on"))).toMatch(/\r\u001b\[K/);
  });
});
