import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { check } from "../src/commands/check/check.js";
import { doctor, type DoctorResult } from "../src/commands/doctor/doctor.js";
import type { OccupancyDeps } from "../src/network/network-context.js";
import { next } from "../src/commands/next/next.js";
import { request } from "../src/commands/request/request.js";
import { status } from "../src/commands/status/status.js";
import type { DoctorDeps } from "../src/diagnose/doctor-context.js";
import { splitCommandLine } from "../src/command-line/split-command-line.js";
import type { CommandResult, CommandRunner } from "../src/io/command-runner.js";
import { nodeFileSystem } from "../src/io/file-system.js";
import type { SocketTable } from "../src/observe/listener.js";
import type { ProbeResult, TcpProber } from "../src/observe/tcp-prober.js";
import type { JsonReport } from "../src/reporters/json.js";
import { canConnect, freePort, freeStablePort } from "./helpers/listeners.js";
import { REPO_ROOT, runCli, type CliRun } from "./helpers/run-cli.js";
import { skipping } from "./helpers/skip-reason.js";

// Security cases, three claims of the README made testable:
// 1. What a registry, a project file, a pasted error or an argument holds is data: shell metacharacters in it
//    (`$(...)`, backticks, `;`, `|`, `&&`, newlines) are printed back, never run, and the command lines sparkport
//    prints for copying quote them, so pasting one runs nothing either. The only code that starts processes is
//    src/io/command-runner.ts, with execFile and an argument array.
// 2. lint rejects node addresses nothing can connect to: unspecified, broadcast, multicast (IPv4-mapped and
//    numeric shorthand forms included).
// 3. Probes go only to addresses from the registry (or Tailscale's answer for a node the registry names) and from
//    the command line.
//
// Network safety: every node is on 127.0.0.0/8 or ::1; the in-process tests use a recording prober that opens no
// socket; no name is ever resolved.

const isLinux = process.platform === "linux";

let root: string;
let canary: string;
let base: number;
const cleanups: (() => unknown)[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "sparkport-security-"));
  canary = path.join(root, "CANARY");
  base = await freeStablePort(51);
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  // Every test, whatever it ran: nothing created the canary.
  expect(existsSync(canary), `${canary} exists: a payload ran`).toBe(false);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

interface Payloads {
  substitution: string;
  backticks: string;
  semicolon: string;
  pipe: string;
  and: string;
  singleQuote: string;
  doubleQuote: string;
  newline: string;
}

/** Shell payloads that create the canary if anything hands them to a shell. */
function payloads(): Payloads {
  return {
    substitution: `$(touch ${canary})`,
    backticks: `\`touch ${canary}\``,
    semicolon: `; touch ${canary}`,
    pipe: `| touch ${canary}`,
    and: `&& touch ${canary}`,
    singleQuote: `'; touch ${canary}; '`,
    doubleQuote: `"; touch ${canary}; "`,
    newline: `x\ntouch ${canary}`,
  };
}

/** A YAML double-quoted scalar: JSON's string syntax is valid YAML. */
const y = (text: string): string => JSON.stringify(text);

/**
 * A project whose registry puts a payload in every free-text field the schema allows (names and ids allow none),
 * and whose .env, compose file, package.json and Procfile, which lint and doctor read, hold payloads too.
 */
async function payloadProject(): Promise<string> {
  const dir = await mkdtemp(path.join(root, "project-"));
  const p = payloads();
  const [web, api, reserved] = [base, base + 10, base + 20];
  const registry = [
    `# ${p.substitution} in a comment`,
    "version: 1",
    `project: ${y(`${p.substitution} ${p.semicolon}`)}`,
    "nodes:",
    `  here: {label: ${y(p.backticks)}, address: 127.0.0.1, os: linux, role: ${y(p.pipe)}}`,
    `  other: {label: ${y(p.semicolon)}, address: 127.0.0.2, os: linux, role: ${y(p.and)}}`,
    "teams:",
    `  B: {name: ${y(`Backend ${p.substitution}`)}, note: ${y(p.singleQuote)}, ranges: [{name: main, from: ${base}, to: ${base + 50}, purpose: ${y(p.backticks)}}]}`,
    "environments:",
    `  dev: {offset: 0, label: ${y(p.substitution)}, note: ${y(p.doubleQuote)}}`,
    "  test: {offset: 1}",
    "sections:",
    `  - {id: main, title: ${y(`Main ${p.backticks}`)}, team: B}`,
    "services:",
    `  - name: web`,
    `    label: ${y(`Web ${p.substitution}`)}`,
    "    team: B",
    "    node: other",
    `    port: ${web}`,
    "    protocol: http",
    "    access: all-nodes",
    "    status: running",
    `    note: ${y(`${p.semicolon} ${p.pipe} ${p.and} ${p.newline}`)}`,
    `    start: ${y(`python3 -m http.server ${web} --bind 127.0.0.2 ${p.semicolon}`)}`,
    `    environments: {test: {status: reserved, note: ${y(p.backticks)}, start: ${y(p.substitution)}}}`,
    `  - name: api`,
    `    label: ${y(p.singleQuote)}`,
    "    team: B",
    "    node: here",
    `    port: ${api}`,
    "    protocol: http",
    "    access: all-nodes",
    "    status: running",
    `    start: ${y(`uvicorn app:app --port ${api} ${p.backticks}`)}`,
    "reservations:",
    `  - {name: grafana, label: ${y(p.doubleQuote)}, port: ${reserved}, purpose: ${y(p.substitution)}, priority: low, team: B}`,
    "",
  ].join("\n");
  await writeFile(path.join(dir, "ports.yaml"), registry);
  await writeFile(path.join(dir, ".env"), `PORT=${p.substitution}\nAPI_URL=http://127.0.0.2:${web}/${p.substitution}\nCMD=${p.backticks}\nWEB_PORT=${web} ${p.semicolon}\n`);
  await writeFile(
    path.join(dir, "docker-compose.yml"),
    [
      "services:",
      "  web:",
      "    image: nginx",
      `    command: ${y(`sh -c 'touch ${canary}' --port ${web}`)}`,
      `    ports: [${y(`127.0.0.1:${web}:80`)}]`,
      `    environment: {X: ${y(p.substitution)}, API_URL: ${y(`http://127.0.0.2:${web}`)}}`,
      "",
    ].join("\n"),
  );
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: "x", scripts: { dev: `touch ${canary} && next dev -p ${api}`, x: p.substitution } }, null, 2));
  await writeFile(path.join(dir, "Procfile"), `web: touch ${canary}; python -m http.server ${web}\n`);
  return dir;
}

const env = { SPARKPORT_NODE: "here" };
const out = (run: CliRun): string => `${run.stdout}${run.stderr}`;

/**
 * The words a POSIX shell reads from a printed command line, nothing run: the line becomes the arguments of
 * printf (and `gh`, after a pipe, a function that reads its input). A quoting mistake would run the payload,
 * which makes the canary.
 */
function shellWords(line: string, cwd: string): string[] {
  const result = spawnSync("/bin/sh", ["-c", `gh() { cat >/dev/null; }; printf '%s\\0' ${line}`], { cwd, encoding: "utf8" });
  expect(result.status, `sh could not read: ${line}\n${result.stderr}`).toBe(0);
  return result.stdout.split("\0").slice(0, -1);
}

describe("only src/io/command-runner.ts starts processes, with execFile and an argument array", () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? sources(full) : full.endsWith(".ts") ? [full] : [];
    });
  /** Comments out: a comment may say fork() or exec(). (A `//` inside a string ends the check of its line: fine here.) */
  const code = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
  const files = sources(path.join(REPO_ROOT, "src")).map((file) => ({ file: path.relative(REPO_ROOT, file).split(path.sep).join("/"), text: code(readFileSync(file, "utf8")) }));

  it("reads every source file of src/", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.map((f) => f.file)).toContain("src/io/command-runner.ts");
  });

  it("imports child_process in command-runner.ts alone", () => {
    const importers = files.filter((f) => /(?:from\s+|import\(\s*|require\(\s*)["'](?:node:)?child_process["']/.test(f.text)).map((f) => f.file);
    expect(importers).toEqual(["src/io/command-runner.ts"]);
  });

  it("calls no exec, execSync, execFileSync, spawn, spawnSync or fork anywhere, and sets no shell option but false", () => {
    // `.exec(` is RegExp#exec; a bare or destructured call is child_process's.
    const calls = files.flatMap((f) => [...f.text.matchAll(/(?<![.\w])(exec|execSync|execFileSync|spawn|spawnSync|fork)\s*\(/g)].map((m) => `${f.file}: ${m[0]}`));
    // The one program run in the foreground (`run`, `wait --`), checked below.
    expect(calls).toEqual(["src/io/foreground-child.ts: spawn("]);
    // (fix-text.ts has a `shell:` key of its own: the text of a fix, not a process option.)
    const shellTrue = files.filter((f) => /\bshell\s*:\s*(?:true|["'`]|process\.env)/.test(f.text)).map((f) => f.file);
    expect(shellTrue).toEqual([]);
  });

  it("runs execFile(file, [...args], options) in command-runner.ts, never a command string, never through a shell", () => {
    const runner = files.find((f) => f.file === "src/io/command-runner.ts")?.text ?? "";
    const calls = [...runner.matchAll(/execFile\(\s*([^,]+),\s*([^,]+),/g)].map((m) => [m[1]?.trim(), m[2]?.trim()]);
    expect(calls).toEqual([["file", "[...args]"]]);
    // Its options: no shell, or `shell: false`.
    for (const m of runner.matchAll(/\bshell\s*:\s*([^,}\s]+)/g)) expect(m[1]).toBe("false");
    expect(runner).not.toMatch(/\.join\(\s*["'] ["']\s*\)/);
  });

  it("starts the program of run and wait in foreground-child.ts alone: cross-spawn, an argument array, no shell", () => {
    const importers = files.filter((f) => /["']cross-spawn["']/.test(f.text)).map((f) => f.file);
    expect(importers).toEqual(["src/io/foreground-child.ts"]);
    const text = files.find((f) => f.file === "src/io/foreground-child.ts")?.text ?? "";
    expect([...text.matchAll(/spawn\(\s*([^,]+),\s*([^,]+),/g)].map((m) => [m[1]?.trim(), m[2]?.trim()])).toEqual([["command.program", "[...command.args]"]]);
    expect(text).not.toMatch(/\bshell\s*:/);
  });

  it("evaluates no code from data: no eval, new Function or vm", () => {
    const hits = files.filter((f) => /(?<![.\w])eval\s*\(|new\s+Function\s*\(|["'](?:node:)?vm["']/.test(f.text)).map((f) => f.file);
    expect(hits).toEqual([]);
  });
});

describe.skipIf(skipping(!isLinux, "the payload tests", `they hold ports on 127.0.0.2, routed to lo only on Linux; this is ${process.platform}`))("payloads in the registry, the project files and the arguments are data for every command", () => {
  let dir: string;
  let web: number;
  let api: number;
  beforeAll(async () => {
    dir = await payloadProject();
    web = base;
    api = base + 10;
  });
  const cli = (args: string[]): Promise<CliRun> => runCli(args, { cwd: dir, env });

  it("lint (text, json, github, --explain, --fix) reads the registry and the project files and runs nothing", async () => {
    for (const args of [["lint"], ["lint", "--format", "json"], ["lint", "--format", "github"], ["lint", "--explain"], ["lint", "--fix"]]) {
      const run = await cli(args);
      expect([0, 1], `${args.join(" ")}: ${out(run)}`).toContain(run.status);
      expect(existsSync(canary), args.join(" ")).toBe(false);
    }
    const json = JSON.parse((await cli(["lint", "--format", "json"])).stdout) as JsonReport;
    expect(json.registry).not.toBeNull();
  });

  it("list and docs print each payload back as text", async () => {
    const p = payloads();
    const list = await cli(["list"]);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain(`Web ${p.substitution}`);
    expect(list.stdout).toContain(p.singleQuote);
    expect(list.stdout).toContain(`Main ${p.backticks}`);
    const docs = await cli(["docs"]);
    expect(docs.status).toBe(0);
    expect(docs.stdout).toContain(`# Port allocation: ${p.substitution} ${p.semicolon}`);
    expect(docs.stdout).toContain(`| ${p.substitution} | low |`);
  });

  it("check, status and doctor (text, --json, --verbose) print the labels and start commands as given", async () => {
    const p = payloads();
    const checked = await cli(["check", String(web), "--verbose"]);
    expect(checked.stdout).toContain(`allocated to Web ${p.substitution}`);
    const statusRun = await cli(["status", "--verbose"]);
    expect(statusRun.stdout).toContain(`Web ${p.substitution}`);
    expect(statusRun.stdout).toContain(p.singleQuote);
    const doctorApi = await cli(["doctor", "api", "--json"]);
    const result = JSON.parse(doctorApi.stdout) as DoctorResult;
    const nothing = result.findings.find((f) => f.code === "doctor-nothing-listening");
    // The registry's start command, offered as written: the registry's own command, not a value sparkport built.
    expect(nothing?.commands).toEqual([`uvicorn app:app --port ${api} ${p.backticks}`]);
    for (const args of [["doctor", "web"], ["doctor", "web", "--json"], ["doctor", "api", "--verbose"], ["doctor", "web.test"], ["status", "--json"], ["check", `other:${web}`, `127.0.0.2:${api}`, "--json"]]) {
      const run = await cli(args);
      expect([0, 1], `${args.join(" ")}: ${out(run)}`).toContain(run.status);
    }
  });

  it("a pasted error holding payloads is quoted back, not run", async () => {
    const p = payloads();
    const pasted = `Error: listen EADDRINUSE: address already in use :::${web} ${p.substitution} ${p.semicolon}`;
    const run = await cli(["doctor", String(web), "--error", pasted, "--json"]);
    const result = JSON.parse(run.stdout) as DoctorResult;
    expect(result.pastedError?.quote).toBe(pasted);
    expect(result.pastedError?.port).toBe(web);
  });

  it("arguments holding payloads are usage errors (exit 2), quoted in the message", async () => {
    const p = payloads();
    const port = await cli(["check", p.substitution]);
    expect(port.status).toBe(2);
    expect(port.stderr).toContain(p.substitution);
    const target = await cli(["doctor", p.semicolon]);
    expect(target.status).toBe(2);
    const node = await cli(["check", String(web), "--node", p.backticks]);
    expect(node.status).toBe(2);
    const registryName = `$(touch ${canary}).yaml`;
    const missing = await cli(["lint", "--registry", registryName]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(registryName);
  });

  it("request --gh prints a command line whose every argument a shell reads back intact", async () => {
    const p = payloads();
    // A note must be one line: the newline payload is refused (exit 2) before anything is printed.
    const multiLine = await cli(["request", "newsvc", "--team", "B", "--node", "other", "--note", p.newline, "--gh"]);
    expect(multiLine.status).toBe(2);
    for (const note of Object.values(p).filter((n) => !n.includes("\n"))) {
      const run = await cli(["request", "newsvc", "--team", "B", "--node", "other", "--note", note, "--gh"]);
      expect(run.status, out(run)).toBe(0);
      const line = run.stdout.trim();
      expect(line).toMatch(/^sparkport request .* \| gh issue create --title .* --body-file -$/);
      // The POSIX split sparkport documents, and a real shell's reading (which would run a quoting mistake).
      const left = line.slice(0, line.lastIndexOf(" | gh issue create"));
      expect(splitCommandLine(left)).toEqual(["sparkport", "request", "newsvc", "--team", "B", "--node", "other", "--note", note]);
      expect(shellWords(left, dir)).toEqual(["sparkport", "request", "newsvc", "--team", "B", "--node", "other", "--note", note]);
      shellWords(line, dir);
      expect(existsSync(canary), note).toBe(false);
    }
    const body = await cli(["request", "newsvc", "--team", "B", "--node", "other", "--note", p.substitution, "--no-remote"]);
    expect(body.stdout).toContain(`- **Purpose**: ${p.substitution}`);
  });

  it("allocate --dry-run writes the note into the diff as a YAML string, and the file stays as it was", async () => {
    const p = payloads();
    const before = await readFile(path.join(dir, "ports.yaml"), "utf8");
    const run = await cli(["allocate", "newsvc", "--team", "B", "--node", "other", "--note", `${p.substitution} ${p.singleQuote}`, "--dry-run", "--no-remote"]);
    expect(run.status, out(run)).toBe(0);
    const added = run.stdout.split("\n").filter((l) => l.startsWith("+") && !l.startsWith("+++"));
    expect(added.join("\n")).toContain(`touch ${canary}`);
    expect(await readFile(path.join(dir, "ports.yaml"), "utf8")).toBe(before);
  });

  it("a payload where the schema allows none (a service name) is an input error: exit 2, the path named", async () => {
    const bad = await mkdtemp(path.join(root, "bad-name-"));
    const text = (await readFile(path.join(dir, "ports.yaml"), "utf8")).replace("  - name: web\n", `  - name: ${y(`web${payloads().semicolon}`)}\n`);
    await writeFile(path.join(bad, "ports.yaml"), text);
    for (const args of [["lint"], ["list"], ["status"], ["doctor", "web"]]) {
      const run = await runCli(args, { cwd: bad, env });
      expect(run.status, `${args.join(" ")}: ${out(run)}`).toBe(2);
      expect(run.stderr).toContain("services[0].name");
    }
  });
});

describe.skipIf(skipping(!isLinux, "the doctor payload tests", `they read command lines from /proc; this is ${process.platform}`))("doctor on a process whose command line holds payloads prints commands a shell reads back intact", () => {
  async function pythonServer(port: number, directory: string): Promise<ChildProcess> {
    const child = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", directory], { stdio: "ignore" });
    for (let i = 0; i < 100; i += 1) {
      if (await canConnect("127.0.0.1", port)) return child;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill();
    throw new Error("python3 -m http.server did not start");
  }

  it("the bind fix and the kill commands quote the payload; sh reads each as the words doctor meant", async () => {
    const port = await freePort();
    const dir = await mkdtemp(path.join(root, "holder-"));
    await writeFile(
      path.join(dir, "ports.yaml"),
      [
        "version: 1",
        "nodes:",
        "  here: {address: 127.0.0.1, os: linux}",
        "teams:",
        `  B: {name: B, ranges: [{name: main, from: ${port}, to: ${port}}]}`,
        "environments:",
        "  dev: {offset: 0}",
        "services:",
        `  - {name: files, team: B, node: here, port: ${port}, protocol: http, access: all-nodes, status: running}`,
        "",
      ].join("\n"),
    );
    const directory = path.join(dir, `${payloads().substitution} ${payloads().semicolon}`);
    const child = await pythonServer(port, directory);
    cleanups.push(() => child.kill());

    const localhostOnly = JSON.parse((await runCli(["doctor", "files", "--json"], { cwd: dir, env })).stdout) as DoctorResult;
    const inUse = JSON.parse((await runCli(["doctor", String(port), "--json", "--error", "OSError: [Errno 98] Address already in use"], { cwd: dir, env })).stdout) as DoctorResult;
    const commands = [...localhostOnly.findings, ...inUse.findings].flatMap((f) => f.commands ?? []);
    const bindFix = commands.find((c) => c.includes("--bind 0.0.0.0"));
    expect(bindFix, JSON.stringify(localhostOnly.findings)).toBeDefined();
    const words = shellWords(bindFix ?? "", dir);
    expect(words.slice(-2)).toEqual(["--directory", directory]);
    expect(words).toContain("0.0.0.0");
    for (const command of commands) {
      if (/^kill (?:-9 )?\d+$/.test(command)) continue;
      expect(shellWords(command, dir).join(" ")).not.toContain("touch: ");
    }
    expect(commands).toEqual(expect.arrayContaining([`kill ${child.pid ?? 0}`]));
  });
});

describe("lint rejects node addresses nothing can connect to", () => {
  const cases: Record<string, { address: string; reason: string | undefined }> = {
    unspecified4: { address: "0.0.0.0", reason: "unspecified" },
    unspecified6: { address: "::", reason: "unspecified" },
    broadcast: { address: "255.255.255.255", reason: "broadcast" },
    "multicast-all-hosts": { address: "224.0.0.1", reason: "multicast" },
    "multicast-site": { address: "239.1.2.3", reason: "multicast" },
    "multicast-v6": { address: "ff02::1", reason: "multicast" },
    "multicast-v6-bracketed": { address: "[FF02::1]", reason: "multicast" },
    // The same addresses in forms connect() takes: IPv4-mapped IPv6, and the numeric names getaddrinfo reads.
    "mapped-unspecified": { address: "::ffff:0.0.0.0", reason: "unspecified" },
    "mapped-broadcast": { address: "::ffff:255.255.255.255", reason: "broadcast" },
    "mapped-multicast": { address: "::ffff:224.0.0.1", reason: "multicast" },
    "compatible-unspecified": { address: "::0.0.0.0", reason: "unspecified" },
    "number-zero": { address: "0", reason: "unspecified" },
    "number-broadcast": { address: "4294967295", reason: "broadcast" },
    "short-multicast": { address: "224.1", reason: "multicast" },
    "hex-multicast": { address: "0xe0000001", reason: "multicast" },
    "trailing-dot-broadcast": { address: "255.255.255.255.", reason: "broadcast" },
    // Usable: loopback, a Tailscale address, a name, and x.y.z.255, a host of any network wider than /24
    // (the registry declares no prefix lengths, so a subnet's broadcast address cannot be told).
    loopback: { address: "127.0.0.1", reason: undefined },
    "loopback-v6": { address: "::1", reason: undefined },
    "loopback-mapped": { address: "::ffff:127.0.0.1", reason: undefined },
    tailscale: { address: "100.64.0.1", reason: undefined },
    "dot-255": { address: "10.1.2.255", reason: undefined },
    name: { address: "macmini.local", reason: undefined },
  };

  it("flags exactly the unusable ones, through the CLI: exit 1, code invalid-node-address, the address's path", async () => {
    const dir = await mkdtemp(path.join(root, "addresses-"));
    const nodes = Object.entries(cases).map(([name, c]) => `  ${name}: {address: ${y(c.address)}, os: linux}`);
    await writeFile(path.join(dir, "ports.yaml"), ["version: 1", "nodes:", ...nodes, "teams: {}", "environments: {dev: {offset: 0}}", "services: []", ""].join("\n"));
    const run = await runCli(["lint", "--format", "json", "--no-scan"], { cwd: dir });
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    const flagged = report.findings.filter((f) => f.code === "invalid-node-address").map((f) => f.location.path ?? "");
    const expected = Object.entries(cases)
      .filter(([, c]) => c.reason !== undefined)
      .map(([name]) => `nodes.${name}.address`);
    expect(flagged.sort()).toEqual(expected.sort());
    for (const [name, c] of Object.entries(cases)) {
      if (c.reason === undefined) continue;
      const finding = report.findings.find((f) => f.location.path === `nodes.${name}.address`);
      expect(finding?.severity).toBe("error");
      expect(finding?.message, name).toContain(c.address);
    }
  });

  it("text output names the code and exits 1 for each required case alone", async () => {
    for (const address of ["0.0.0.0", "255.255.255.255", "224.0.0.1", "239.1.2.3", "ff02::1"]) {
      const dir = await mkdtemp(path.join(root, "address-"));
      await writeFile(path.join(dir, "ports.yaml"), `version: 1\nnodes:\n  n: {address: ${y(address)}, os: linux}\nteams: {}\nenvironments: {dev: {offset: 0}}\nservices: []\n`);
      const run = await runCli(["lint", "--no-scan"], { cwd: dir });
      expect(run.status, address).toBe(1);
      expect(run.stdout).toContain("invalid-node-address");
      expect(run.stdout).toContain(address);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Probes: in process, behind the prober interface, every address asked for is recorded.

/** Answers every probe "closed" and records host:port; opens no socket, resolves no name. */
class RecordingProber implements TcpProber {
  readonly hosts: string[] = [];
  probe(host: string, port: number): Promise<ProbeResult> {
    this.hosts.push(host);
    return Promise.resolve({ host, port, state: "closed", ms: 1 });
  }
}

const TAILSCALE_STATUS = JSON.stringify({
  BackendState: "Running",
  TUN: true,
  Self: { HostName: "laptop", DNSName: "laptop.tail0.ts.net.", TailscaleIPs: ["127.0.0.1"], Online: true, OS: "linux" },
  Peer: {
    a: { HostName: "tsbox", DNSName: "tsbox.tail0.ts.net.", TailscaleIPs: ["127.0.0.5"], Online: true, OS: "linux" },
    // A peer the registry does not name: nothing may probe it.
    b: { HostName: "intruder", DNSName: "intruder.tail0.ts.net.", TailscaleIPs: ["127.0.0.66"], Online: false, OS: "linux" },
  },
  MagicDNSSuffix: "tail0.ts.net",
});

/** `tailscale status --json` answers with TAILSCALE_STATUS; every other program is missing. */
const runner: CommandRunner = {
  run(file: string, args: readonly string[]): Promise<CommandResult> {
    if (file === "tailscale" && args.join(" ") === "status --json") return Promise.resolve({ code: 0, stdout: TAILSCALE_STATUS, stderr: "" });
    return Promise.reject(Object.assign(new Error(`spawn ${file} ENOENT`), { code: "ENOENT" }));
  },
};
const emptyTable: SocketTable = { snapshot: () => Promise.resolve({ listeners: [], excluded: [], source: "fake", ownersComplete: true }) };

describe("probes go only to addresses from the registry, Tailscale's answer for its nodes, or the command line", () => {
  let registry: string;
  const REGISTRY_HOSTS = ["127.0.0.1", "127.0.0.2", "::1", "tsbox", "127.0.0.5"];
  const P = 18_900;

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(root, "probes-"));
    registry = path.join(dir, "ports.yaml");
    await writeFile(
      registry,
      [
        "version: 1",
        "nodes:",
        "  laptop: {address: 127.0.0.1, os: linux}",
        "  server: {address: 127.0.0.2, os: linux}",
        "  six: {address: '::1', os: linux}",
        // A Tailscale host name: resolved through `tailscale status --json` (127.0.0.5), never by DNS.
        "  ts: {address: tsbox, os: linux}",
        "teams:",
        `  B: {name: B, ranges: [{name: main, from: ${P}, to: ${P + 99}}]}`,
        "environments:",
        "  dev: {offset: 0}",
        "  test: {offset: 1}",
        "services:",
        `  - {name: web, team: B, node: server, port: ${P}, protocol: http, access: all-nodes, status: running, environments: {test: {}}}`,
        `  - {name: api, team: B, node: ts, port: ${P + 10}, protocol: http, access: all-nodes, status: running}`,
        `  - {name: v6, team: B, node: six, port: ${P + 20}, protocol: http, access: all-nodes, status: running}`,
        `  - {name: mine, team: B, node: laptop, port: ${P + 30}, protocol: http, access: all-nodes, status: running}`,
        "",
      ].join("\n"),
    );
  });

  function deps(prober: TcpProber): DoctorDeps & OccupancyDeps {
    return {
      socketTable: emptyTable,
      bindTest: (_port, extra) => Promise.resolve(["0.0.0.0", "::", "127.0.0.1", "::1", ...extra].map((address) => ({ address, state: "free" as const }))),
      prober,
      runner,
      localAddresses: () => ["127.0.0.1"],
      processInfo: { commandLine: () => Promise.resolve(undefined) },
      projectFiles: () => Promise.resolve([]),
      readText: (file) => readFile(file, "utf8"),
      os: "linux",
    };
  }

  interface Common {
    registry: string;
    processEnv: Record<string, string>;
    cwd: string;
    fs: typeof nodeFileSystem;
    timeoutMs: number;
    remote: boolean;
    thisNode: string;
    deps: DoctorDeps & OccupancyDeps;
    onProbe: (line: string) => void;
  }

  /** The hosts the command probed, through the recording prober, and the --verbose lines it wrote. */
  async function probedBy(run: (options: Common) => Promise<unknown>): Promise<{ hosts: string[]; lines: string[] }> {
    const prober = new RecordingProber();
    const lines: string[] = [];
    await run({ registry, processEnv: {}, cwd: path.dirname(registry), fs: nodeFileSystem, timeoutMs: 200, remote: true, thisNode: "laptop", deps: deps(prober), onProbe: (line) => lines.push(line) });
    return { hosts: prober.hosts, lines };
  }

  /** Every host probed is allowed, and the run probed something (else it proves nothing). */
  function expectOnly(hosts: readonly string[], allowed: readonly string[]): void {
    expect(hosts.length).toBeGreaterThan(0);
    for (const host of hosts) expect(allowed, `probed ${host}`).toContain(host);
    expect(hosts).not.toContain("127.0.0.66");
    expect(hosts).not.toContain("intruder");
  }

  it("status probes each remote service at its node's address (a Tailscale name through Tailscale's answer)", async () => {
    const { hosts, lines } = await probedBy((o) => status({ ...o, concurrency: 4 }));
    expectOnly(hosts, REGISTRY_HOSTS);
    expect(new Set(hosts)).toEqual(new Set(["127.0.0.2", "127.0.0.5", "::1"]));
    // --verbose lists exactly the probes made.
    expect(lines.map((l) => /^probing (\S+):\d+ /.exec(l)?.[1]?.replace(/^\[|\]$/g, ""))).toEqual(hosts);
  });

  // The recording prober opens no socket: a documentation address (192.0.2.0/24, TEST-NET-1) stands for a host
  // given on the command line that is not this machine (loopback ones are checked locally, not probed).
  it("check probes the port's node, a node named on the command line, and a host given there", async () => {
    const { hosts } = await probedBy((o) => check({ ...o, ports: [String(P), `server:${P + 1}`, `192.0.2.10:${P + 2}`, `[::1]:${P + 3}`, `ts:${P + 4}`] }));
    expectOnly(hosts, [...REGISTRY_HOSTS, "192.0.2.10"]);
    expect(hosts).toEqual(expect.arrayContaining(["127.0.0.2", "192.0.2.10", "127.0.0.5"]));
    const { hosts: forNode } = await probedBy((o) => check({ ...o, ports: [String(P + 50)], node: "server" }));
    expectOnly(forNode, ["127.0.0.2"]);
  });

  it("next and request probe the candidate ports on the node asked for", async () => {
    const { hosts } = await probedBy((o) => next({ ...o, team: "B", node: "ts", count: 2 }));
    expectOnly(hosts, ["127.0.0.5"]);
    const { hosts: requested } = await probedBy((o) => request({ ...o, service: "newsvc", team: "B", node: "server", note: "n" }));
    expectOnly(requested, ["127.0.0.2"]);
  });

  it("doctor probes the target's node, a host or URL given, the address in a pasted error, and localhost's two", async () => {
    const runs: Array<[{ target?: string; error?: string }, readonly string[]]> = [
      [{ target: "web" }, REGISTRY_HOSTS],
      [{ target: "api" }, REGISTRY_HOSTS],
      [{ target: `http://127.0.0.8:${P}/health` }, [...REGISTRY_HOSTS, "127.0.0.8"]],
      [{ target: `http://192.0.2.10:${P}/health` }, [...REGISTRY_HOSTS, "192.0.2.10"]],
      [{ error: `curl: (7) Failed to connect to 192.0.2.11 port ${P} after 0 ms: Couldn't connect to server` }, [...REGISTRY_HOSTS, "192.0.2.11"]],
      [{ target: `[::1]:${P + 20}` }, REGISTRY_HOSTS],
      [{ error: `Error: connect ECONNREFUSED 127.0.0.7:${P + 5}` }, [...REGISTRY_HOSTS, "127.0.0.7"]],
      [{ target: `localhost:${P + 30}` }, ["localhost", "127.0.0.1", "::1"]],
    ];
    for (const [extra, allowed] of runs) {
      const { hosts } = await probedBy((o) => doctor({ ...o, ...extra }));
      expectOnly(hosts, allowed);
    }
  });

  it("no probe at all with remote off (--no-remote, SPARKPORT_OFFLINE=1)", async () => {
    const prober = new RecordingProber();
    const common = { registry, processEnv: {}, cwd: path.dirname(registry), fs: nodeFileSystem, timeoutMs: 200, remote: false, thisNode: "laptop", deps: deps(prober) };
    await status({ ...common, concurrency: 4 });
    await check({ ...common, ports: [String(P), `127.0.0.9:${P}`] });
    await doctor({ ...common, target: "web" });
    await next({ ...common, team: "B", node: "server", count: 1 });
    expect(prober.hosts).toEqual([]);
  });
});

describe.skipIf(skipping(!isLinux, "the --verbose address tests", `they probe 127.0.0.2, routed to lo only on Linux; this is ${process.platform}`))("the built CLI's --verbose lists only registry and command-line addresses (real probes, loopback only)", () => {
  it("status, check and doctor", async () => {
    const dir = await mkdtemp(path.join(root, "verbose-"));
    const port = base + 30;
    await writeFile(
      path.join(dir, "ports.yaml"),
      [
        "version: 1",
        "nodes:",
        "  here: {address: 127.0.0.1, os: linux}",
        "  other: {address: 127.0.0.2, os: linux}",
        "  third: {address: 127.0.0.3, os: linux}",
        "teams:",
        `  B: {name: B, ranges: [{name: main, from: ${port}, to: ${port + 9}}]}`,
        "environments:",
        "  dev: {offset: 0}",
        "services:",
        `  - {name: web, team: B, node: other, port: ${port}, protocol: http, access: all-nodes, status: running}`,
        `  - {name: db, team: B, node: third, port: ${port + 1}, protocol: tcp, access: all-nodes, status: stopped}`,
        "",
      ].join("\n"),
    );
    const probed = (run: CliRun): string[] => [...run.stderr.matchAll(/^probing (\S+):\d+ /gm)].map((m) => (m[1] ?? "").replace(/^\[|\]$/g, ""));
    const runs: Array<[string[], string[]]> = [
      [["status", "--verbose"], ["127.0.0.2", "127.0.0.3"]],
      [["check", String(port), `third:${port + 1}`, `127.0.0.4:${port + 2}`, "--verbose"], ["127.0.0.2", "127.0.0.3", "127.0.0.4"]],
      [["doctor", "web", "--verbose"], ["127.0.0.2"]],
      [["doctor", `http://127.0.0.5:${port}/`, "--verbose"], ["127.0.0.2", "127.0.0.5"]],
    ];
    for (const [args, allowed] of runs) {
      const run = await runCli(args, { cwd: dir, env });
      const hosts = probed(run);
      expect(hosts.length, `${args.join(" ")}: ${run.stderr}`).toBeGreaterThan(0);
      for (const host of hosts) expect(allowed, `${args.join(" ")} probed ${host}`).toContain(host);
    }
    const offline = await runCli(["status", "--verbose", "--no-remote"], { cwd: dir, env });
    expect(probed(offline)).toEqual([]);
  });
});
