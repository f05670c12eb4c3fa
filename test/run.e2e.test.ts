import { spawn } from "node:child_process";
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunResult } from "../src/commands/run/run.js";
import { freeStablePort, startNodeServer } from "./helpers/listeners.js";
import { runInTerminal } from "./helpers/pseudo-terminal.js";
import { CLI, runCli } from "./helpers/run-cli.js";
import { skipping } from "./helpers/skip-reason.js";

const onWindows = process.platform === "win32";

// Network safety: node `box` is 127.0.0.1; node `lan` (192.0.2.10, a documentation address) is only ever this
// machine by SPARKPORT_NODE, and run checks its own node's ports locally: nothing is sent to it.

let scratch: string;
let base: number;
const cleanups: (() => void)[] = [];

const registry = (port: number): string => `version: 1
project: run e2e
nodes:
  box: { address: 127.0.0.1, os: linux }
  lan: { address: 192.0.2.10, os: linux }
teams:
  A:
    name: Team A
    ranges:
      - { name: web, from: ${port}, to: ${port + 19} }
environments:
  dev: { offset: 0 }
  test: { offset: 1 }
services:
  - { name: web, team: A, node: box, port: ${port}, protocol: http, access: all-nodes, status: running, environments: { test: null } }
  - { name: api, team: A, node: lan, port: ${port + 10}, protocol: http, access: backend-only, status: running }
`;

/** A program that writes what it was given, its environment included, to `out.json` beside it. */
const REPORTER = `require("node:fs").writeFileSync(process.argv[1], JSON.stringify({ args: process.argv.slice(2), env: process.env }));`;

const readReport = async (file: string): Promise<{ args: string[]; env: Record<string, string> }> => JSON.parse(await readFile(file, "utf8"));

const exists = (file: string): Promise<boolean> => stat(file).then(() => true, () => false);

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "sparkport-run-"));
  base = await freeStablePort(20);
  await writeFile(path.join(scratch, "ports.yaml"), registry(base));
});
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const sparkport = (args: readonly string[], env: Record<string, string> = {}) => runCli(args, { cwd: scratch, env: { SPARKPORT_NODE: "", ...env } });

describe("sparkport run", () => {
  it("runs the command with the service's port, host and names in its environment", async () => {
    const out = path.join(scratch, "vars.json");
    const run = await sparkport(["run", "web", "--", process.execPath, "-e", REPORTER, out, "--flag"]);
    expect(run.status).toBe(0);
    const report = await readReport(out);
    expect(report.args).toEqual(["--flag"]);
    expect(report.env).toMatchObject({ PORT: String(base), HOST: "127.0.0.1", SPARKPORT_SERVICE: "web", SPARKPORT_NODE: "box", SPARKPORT_ENV: "dev" });
    expect(report.env["NO_COLOR"]).toBe("1");
    expect(run.stderr).toBe(`▶ web (dev) on 127.0.0.1:${base} (PORT=${base})\n`);
    expect(run.stdout).toBe("");
  });

  it("takes an environment's port, another variable name, and binds every address on a node reached over the network", async () => {
    const out = path.join(scratch, "test-vars.json");
    expect((await sparkport(["run", "web.test", "--env-name", "APP_PORT", "--", process.execPath, "-e", REPORTER, out])).status).toBe(0);
    const test = await readReport(out);
    expect(test.env).toMatchObject({ APP_PORT: String(base + 1), SPARKPORT_ENV: "test" });
    expect(test.env["PORT"]).toBe(process.env["PORT"]);

    const api = path.join(scratch, "api-vars.json");
    expect((await sparkport(["run", "api", "--", process.execPath, "-e", REPORTER, api], { SPARKPORT_NODE: "lan" })).status).toBe(0);
    expect((await readReport(api)).env).toMatchObject({ PORT: String(base + 10), HOST: "0.0.0.0", SPARKPORT_NODE: "lan", SPARKPORT_ENV: "dev" });
  });

  it("on a node whose address is 127.0.0.2, listens there: where wait, status and doctor look for it", async () => {
    const dir = path.join(scratch, "second-loopback");
    await mkdir(dir, { recursive: true });
    const port = base + 15;
    await writeFile(
      path.join(dir, "ports.yaml"),
      `version: 1\nnodes:\n  mini: { address: 127.0.0.2, os: linux }\nteams:\n  A: { name: A, ranges: [{ name: a, from: ${base}, to: ${base + 19} }] }\nenvironments:\n  dev: { offset: 0 }\nservices:\n  - { name: api, team: A, node: mini, port: ${port}, protocol: tcp, access: all-nodes, status: running }\n`,
    );
    const server = `const net = require("node:net"); const s = net.createServer(); s.listen(Number(process.env.PORT), process.env.HOST, () => console.log(process.env.HOST)); setTimeout(() => s.close(), 4000);`;
    const started = runCli(["--this-node", "mini", "run", "api", "--", process.execPath, "-e", server], { cwd: dir });
    const wait = await runCli(["--this-node", "mini", "wait", "api", "--timeout", "3s"], { cwd: dir });
    expect([wait.status, wait.stderr]).toEqual([0, ""]);
    const run = await started;
    expect([run.status, run.stdout, run.stderr]).toEqual([0, "127.0.0.2\n", `▶ api (dev) on 127.0.0.2:${port} (PORT=${port})\n`]);
  });

  it("takes --host as an IPv6 address, bracketed or not, and shows it in brackets with the port", async () => {
    for (const given of ["::1", "[::1]"]) {
      const out = path.join(scratch, "v6-vars.json");
      const run = await sparkport(["run", "web", "--host", given, "--", process.execPath, "-e", REPORTER, out]);
      expect(run.status, run.stderr).toBe(0);
      expect((await readReport(out)).env["HOST"]).toBe("::1");
      expect(run.stderr).toBe(`▶ web (dev) on [::1]:${base} (PORT=${base})\n`);
    }
  });

  it("keeps the command's exit code, and 128 + the signal that ended it", async () => {
    expect((await sparkport(["run", "web", "--", process.execPath, "-e", "process.exit(3)"])).status).toBe(3);
    // Windows has no signals to end a process with: TerminateProcess sets an exit code instead.
    if (!onWindows) expect((await sparkport(["run", "web", "--", process.execPath, "-e", "process.kill(process.pid, 'SIGTERM')"])).status).toBe(143);
  });

  it.skipIf(skipping(onWindows, "the signal-forwarding case", "Windows has no SIGTERM or SIGINT to pass on"))("passes SIGTERM and SIGINT on to the command, and ends as it does", async () => {
    const ready = path.join(scratch, "ready");
    const caught = path.join(scratch, "caught");
    // Catches SIGTERM and exits 7; SIGINT, uncaught, ends it.
    const program = `const fs = require("node:fs");
process.on("SIGTERM", () => { fs.writeFileSync(process.argv[2], "SIGTERM"); process.exit(7); });
fs.writeFileSync(process.argv[1], "");
setInterval(() => {}, 1000);`;
    for (const [signal, status] of [["SIGTERM", 7], ["SIGINT", 130]] as const) {
      await rm(ready, { force: true });
      const child = spawn(process.execPath, [CLI, "run", "web", "--", process.execPath, "-e", program, ready, caught], {
        cwd: scratch,
        env: { ...process.env, NO_COLOR: "1", SPARKPORT_NODE: "" },
        stdio: "ignore",
      });
      cleanups.push(() => child.kill("SIGKILL"));
      for (let i = 0; i < 200 && !(await exists(ready)); i++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(await exists(ready)).toBe(true);
      const ended = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      child.kill(signal);
      expect(await ended).toBe(status);
    }
    expect(await readFile(caught, "utf8")).toBe("SIGTERM");
  });

  it.skipIf(skipping(onWindows, "the Ctrl-C case", "the pseudo-terminal is Python's pty, POSIX only"))("on a terminal, Ctrl-C reaches the command once: the terminal sends it, sparkport does not pass it on again", async () => {
    const counted = path.join(scratch, "interrupts");
    // Counts SIGINTs for half a second after the first, then writes the count and exits 0.
    const program = `let n = 0;
process.on("SIGINT", () => { n += 1; if (n === 1) setTimeout(() => { require("node:fs").writeFileSync(process.argv[1], String(n)); process.exit(0); }, 500); });
process.stdout.write("ready\\n");
setInterval(() => {}, 1000);`;
    const env = { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, SPARKPORT_NODE: "" };
    const argv = [process.execPath, CLI, "--registry", path.join(scratch, "ports.yaml"), "run", "web", "--", process.execPath, "-e", program, counted];
    const run = await runInTerminal(argv, env, 100, { after: "ready", keys: "\u0003" });
    expect(run.status, run.output).toBe(0);
    expect(await readFile(counted, "utf8")).toBe("1");
    // Two SIGINTs close together may merge into one, so the above can pass by luck: a program in a process group of
    // its own hears only what sparkport passes on, which from a terminal is nothing.
    const alone = `import os, signal, sys, time
os.setpgid(0, 0)
heard = []
signal.signal(signal.SIGINT, lambda *_: heard.append(1))
print("ready", flush=True)
time.sleep(1.5)
open(sys.argv[1], "w").write(str(len(heard)))`;
    const own = await runInTerminal([...argv.slice(0, -4), "python3", "-c", alone, counted], env, 100, { after: "ready", keys: "\u0003" });
    expect(own.status, own.output).toBe(0);
    expect(await readFile(counted, "utf8")).toBe("0");
  });

  it("refuses a port that is held, names the holder, and never runs the command", async () => {
    const server = await startNodeServer("127.0.0.1", base);
    cleanups.push(() => server.kill());
    const marker = path.join(scratch, "marker");
    const run = await sparkport(["run", "web", "--", process.execPath, "-e", "require('node:fs').writeFileSync(process.argv[1], '')", marker]);
    expect(run.status).toBe(1);
    expect(await exists(marker)).toBe(false);
    expect(run.stdout).toContain(`PID ${server.pid}`);
    expect(run.stdout).toContain("port-held-locally");
    expect(run.stderr).toBe(`✖ web was not started: port ${base} is not free. sparkport run never moves a service to another port.\n`);
    const json = await sparkport(["run", "web", "--json", "--", process.execPath, "-e", "", marker]);
    const result = JSON.parse(json.stdout) as RunResult;
    expect(result).toMatchObject({ outcome: "refused", port: base, exitCode: 1 });
    expect(result.check.checks[0]?.local?.holders[0]?.pid).toBe(server.pid);
  });

  it.skipIf(skipping(onWindows, "the spaces-in-a-path case", "its program is a #!/bin/sh script"))("runs a program whose path has spaces, without a shell", async () => {
    const dir = path.join(scratch, "my tools");
    await mkdir(dir, { recursive: true });
    const script = path.join(dir, "start server.sh");
    await writeFile(script, '#!/bin/sh\nprintf "%s|" "$PORT" "$@"\n');
    await chmod(script, 0o755);
    const run = await sparkport(["run", "web", "--", script, "a b", "$HOME", "*"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${base}|a b|$HOME|*|`);
  });

  it.skipIf(skipping(onWindows, "the --inject flag case", "its stand-in programs are #!/bin/sh scripts"))("adds the program's own port option with --inject flag, from the table of server programs", async () => {
    const bin = path.join(scratch, "bin");
    await mkdir(bin, { recursive: true });
    for (const name of ["uvicorn", "next", "vite", "python3"]) {
      const file = path.join(bin, name);
      await writeFile(file, `#!/bin/sh\nprintf "%s " "$@"\n`);
      await chmod(file, 0o755);
    }
    const env = { PATH: `${bin}${path.delimiter}${process.env["PATH"] ?? ""}` };
    const run = (command: string[], more: Record<string, string> = {}) => sparkport(["run", "--inject", "flag", ...command], { ...env, ...more });
    expect((await run(["api", "--", "uvicorn", "app.main:app"], { SPARKPORT_NODE: "lan" })).stdout).toBe(`app.main:app --port ${base + 10} --host 0.0.0.0 `);
    expect((await run(["web", "--", "vite"])).stdout).toBe(`--port ${base} --host 127.0.0.1 --strictPort `);
    expect((await run(["api", "--", "next", "dev"], { SPARKPORT_NODE: "lan" })).stdout).toBe(`dev -p ${base + 10} `);
    // Its own port already written, the same: kept as it is.
    expect((await run(["web", "--", "vite", "--port", String(base)])).stdout).toBe(`--port ${base} --host 127.0.0.1 --strictPort `);
    // The attached short form, as getopt reads it: the same port kept, another refused.
    expect((await run(["api", "--", "next", "dev", `-p${base + 10}`], { SPARKPORT_NODE: "lan" })).stdout).toBe(`dev -p${base + 10} `);
    const attached = await run(["api", "--", "next", "dev", "-p3000"], { SPARKPORT_NODE: "lan" });
    expect([attached.status, attached.stderr]).toEqual([2, expect.stringContaining("the command asks for port 3000")]);
    const other = await run(["web", "--", "vite", "--port=5173"]);
    expect(other.status).toBe(2);
    expect(other.stderr).toBe(
      `sparkport: the command asks for port 5173, but the registry gives this service ${base}; take 5173 out (sparkport adds ${base}), or move the service with sparkport move\n`,
    );
    // A bare port word (python3 -m http.server 8001) is the program's port too.
    const positional = await run(["web", "--", "python3", "-m", "http.server", "8001"]);
    expect([positional.status, positional.stdout, positional.stderr]).toEqual([2, "", expect.stringContaining("the command asks for port 8001")]);
    expect((await run(["web", "--", "python3", "-m", "http.server", "--directory", "8001", String(base)])).stdout).toBe(`-m http.server --directory 8001 ${base} --bind 127.0.0.1 `);
    const unknown = await run(["web", "--", "sh", "-c", "true"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('does not know how "sh" takes its port');
  });

  it.skipIf(skipping(onWindows, "the written-host case", "its stand-in programs are #!/bin/sh scripts"))("keeps a host the command writes with --inject flag, and says that host", async () => {
    const bin = path.join(scratch, "host-bin");
    await mkdir(bin, { recursive: true });
    for (const name of ["uvicorn", "gunicorn"]) {
      const file = path.join(bin, name);
      await writeFile(file, `#!/bin/sh\nprintf "%s " "$@" "HOST=$HOST"\n`);
      await chmod(file, 0o755);
    }
    const env = { PATH: `${bin}${path.delimiter}${process.env["PATH"] ?? ""}`, SPARKPORT_NODE: "lan" };
    const run = (args: string[]) => sparkport(["run", "--inject", "flag", ...args], env);
    // api's scope alone would give 0.0.0.0: the command's own 127.0.0.1 stays, alone, and is what HOST and the banner say.
    const uvicorn = await run(["api", "--", "uvicorn", "app:app", "--host", "127.0.0.1"]);
    expect([uvicorn.status, uvicorn.stdout]).toEqual([0, `app:app --host 127.0.0.1 --port ${base + 10} HOST=127.0.0.1 `]);
    expect(uvicorn.stderr).toBe(`▶ api (dev) on 127.0.0.1:${base + 10} (PORT=${base + 10})\n`);
    expect((await run(["api", "--", "gunicorn", "-b", `127.0.0.1:${base + 10}`, "app:app"])).stdout).toBe(`-b 127.0.0.1:${base + 10} app:app HOST=127.0.0.1 `);
    expect((await run(["api", "--", "gunicorn", `-b127.0.0.1:${base + 10}`, "app:app"])).stdout).toBe(`-b127.0.0.1:${base + 10} app:app HOST=127.0.0.1 `);
    expect((await run(["api", "--", "gunicorn", "--bind=[::1]", "app:app"])).stdout).toBe(`--bind=[::1]:${base + 10} app:app HOST=::1 `);
    expect((await run(["api", "--", "gunicorn", "app:app"])).stdout).toBe(`app:app -b 0.0.0.0:${base + 10} HOST=0.0.0.0 `);
    const contradicts = await run(["api", "--host", "0.0.0.0", "--", "uvicorn", "app:app", "--host", "127.0.0.1"]);
    expect([contradicts.status, contradicts.stdout]).toEqual([2, ""]);
    expect(contradicts.stderr).toBe("sparkport: the command binds 127.0.0.1, but --host says 0.0.0.0; keep one of them\n");
    const otherPort = await run(["api", "--", "gunicorn", "-b", "127.0.0.1:9", "app:app"]);
    expect(otherPort.status).toBe(2);
    expect(otherPort.stderr).toContain("the command asks for port 9");
  });

  it("says what is wrong with bad input in one line: exit 2, or 127 for a command not found", async () => {
    const cases: [string[], number, string][] = [
      [["run", "wbe", "--", "true"], 2, 'sparkport: unknown service "wbe"; did you mean "web"? Known: web, api.\n'],
      [["run", "web.prod", "--", "true"], 2, 'sparkport: web has no environment "prod". Its environments: dev, test.\n'],
      [["run", "web", "--"], 2, "sparkport: no command to run: sparkport run web -- <command...>\n"],
      [["run", "web", "--env-name", "1PORT", "--", "true"], 2, 'sparkport: --env-name "1PORT" is not a variable name (letters, digits and _, not starting with a digit)\n'],
      [["run", "web", "--env-name", "HOST", "--", "true"], 2, "sparkport: --env-name HOST: run sets HOST itself; give the port another name (PORT, APP_PORT)\n"],
      [["run", "web", "--env-name", "sparkport_node", "--", "true"], 2, "sparkport: --env-name sparkport_node: run sets sparkport_node itself; give the port another name (PORT, APP_PORT)\n"],
      [["run", "web", "--env-name", "PATH", "--", "true"], 2, "sparkport: --env-name PATH: the command needs its own PATH, a port in its place would break it; give the port another name (PORT, APP_PORT)\n"],
      [["run", "web", "--env-name", "APP PORT", "--", "true"], 2, 'sparkport: --env-name "APP PORT" is not a variable name (letters, digits and _, not starting with a digit)\n'],
      [["run", "web", "--host", "", "--", "true"], 2, 'sparkport: --host "" is not an address to listen on: give an IP address (0.0.0.0, 127.0.0.1, ::1) or a host name\n'],
      [["run", "web", "--host", "local host", "--", "true"], 2, 'sparkport: --host "local host" is not an address to listen on: give an IP address (0.0.0.0, 127.0.0.1, ::1) or a host name\n'],
      [["run", "web", "--host", "224.0.0.1", "--", "true"], 2, 'sparkport: --host "224.0.0.1" is not an address to listen on: give an IP address (0.0.0.0, 127.0.0.1, ::1) or a host name\n'],
      [["run", "web", "--this-node", "bxo", "--", "true"], 2, 'sparkport: unknown node "bxo" (this machine, from --this-node or SPARKPORT_NODE); did you mean "box"? Known: box, lan.\n'],
      [["run", "web", "--inject", "both", "--", "true"], 2, 'sparkport: --inject "both": use env or flag\n'],
      [["run", "web", "--", "no-such-program-here"], 127, "▶ web (dev) on 127.0.0.1:" + String(base) + ` (PORT=${base})\nsparkport: command not found: no-such-program-here\n`],
    ];
    for (const [args, status, stderr] of cases) {
      const run = await sparkport(args);
      expect({ args, status: run.status, stderr: run.stderr }).toEqual({ args, status, stderr });
    }
    // Without --, the program's options are read as sparkport's: the error says where they go.
    const undashed = await sparkport(["run", "web", "echo", "-n", "hi"]);
    expect([undashed.status, undashed.stdout]).toEqual([2, ""]);
    expect(undashed.stderr).toBe(
      "error: unknown option '-n'\n(usage: sparkport run <service>[.<env>] -- <command...>; options of the program you start go after --, as in -- next dev -p 3000)\n(run with --help for usage)\n",
    );
    const elsewhere = await sparkport(["run", "api", "--", "true"], { SPARKPORT_NODE: "box" });
    expect(elsewhere.status).toBe(2);
    expect(elsewhere.stderr).toBe("sparkport: api runs on lan; this machine is box. Start it there, or say --this-node lan if this is lan.\n");
  });

  it("speaks Korean to a Korean locale", async () => {
    const run = await sparkport(["run", "web", "--", "no-such-program-here"], { LANG: "ko_KR.UTF-8" });
    expect(run.status).toBe(127);
    expect(run.stderr).toBe(`▶ web (dev): 127.0.0.1:${base}에서 시작 (PORT=${base})\nsparkport: 명령을 찾을 수 없습니다: no-such-program-here\n`);
  });
});
