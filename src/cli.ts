#!/usr/bin/env node
// The shell: the only module that reads argv, prints, and sets
// process.exitCode. It never calls process.exit, so piped output is not cut.
import type { Command } from "commander";
import type { OccupancyOptions } from "./network/network-context.js";
import { SparkportInputError, UsageError } from "./findings/errors.js";
import { EXIT_USAGE } from "./findings/exit-code.js";
import type { RegistryOptions } from "./registry/open-registry.js";
import type { RegistryCache } from "./registry/registry-cache.js";
import { packageVersion } from "./io/package-root.js";
import { REPORTER_NAMES, isReporterName, type ReporterName } from "./reporters/names.js";
import { noPaint, type Paint } from "./render/paint.js";
import { terminalSafe } from "./render/terminal-safe.js";
import { parseDuration } from "./util/parse-duration.js";

// A command's modules are imported when it runs, never at start-up: the CLI
// runs before every service start, and `check` must not pay for `lint`'s
// scanner or `doctor`'s diagnoses (the bundle splits along these imports).

/** Exit code for a bug in sparkport itself (EX_SOFTWARE), distinct from 0/1/2. */
const EXIT_INTERNAL = 70;

type Commander = typeof import("commander");
/** Colours for stdout and stderr, decided once per run. */
interface Paints {
  out: Paint;
  err: Paint;
}

/** chalk is loaded only for a stream that gets colour: a pipe or a file never pays for it. */
async function makePaint(stream: NodeJS.WriteStream): Promise<Paint> {
  // NO_COLOR (https://no-color.org): any non-empty value turns colour off.
  if ((process.env.NO_COLOR ?? "") !== "") return noPaint;
  const forced = (process.env.FORCE_COLOR ?? "") !== "";
  if (!forced && stream.isTTY !== true) return noPaint;
  const { Chalk } = await import("chalk");
  // FORCE_COLOR's value (0-3) is chalk's to read.
  return forced ? new Chalk() : new Chalk({ level: new Chalk().level || 1 });
}


/** Everything printed goes through these two, with control characters made visible (terminal-safe.ts). */
function write(text: string): void {
  process.stdout.write(terminalSafe(text));
}

function writeError(text: string): void {
  process.stderr.write(terminalSafe(text));
}

/** Set by the bundle's build (scripts/build.mjs): a hash of what it was built from. */
declare const __SPARKPORT_BUILD__: string | undefined;

/** Registries validated by this very build, in the user's own cache folder; only the bundle has one. */
async function registryCache(): Promise<RegistryCache | undefined> {
  if (typeof __SPARKPORT_BUILD__ !== "string") return undefined;
  const [{ default: cacheDirs }, { fileRegistryCache }] = await Promise.all([import("./io/user-cache-dir.cjs"), import("./registry/registry-cache.js")]);
  const dir = cacheDirs.sparkportCacheDir("registries");
  return dir === undefined ? undefined : fileRegistryCache(dir, __SPARKPORT_BUILD__);
}

/** --json output, written as it is serialised (render/json-chunks.ts), in writes of about 64 KB. */
async function writeJson(value: unknown): Promise<void> {
  const { prettyJsonChunks } = await import("./render/json-chunks.js");
  let pending = "";
  for (const chunk of prettyJsonChunks(value)) {
    pending += chunk;
    if (pending.length >= 65_536) {
      write(pending);
      pending = "";
    }
  }
  write(`${pending}\n`);
}

async function registryOptions(command: Command): Promise<RegistryOptions> {
  const globals = command.optsWithGlobals<{ registry?: string }>();
  const [{ nodeFileSystem }, cache] = await Promise.all([import("./io/file-system.js"), registryCache()]);
  return { registry: globals.registry, processEnv: process.env, cwd: process.cwd(), fs: nodeFileSystem, cache };
}

/** A file's text, for the socket table: /proc/net/tcp, /proc/[pid]/comm, /etc/passwd (io/read-text-sync.ts). */
async function readText(file: string): Promise<string> {
  const { readTextSync } = await import("./io/read-text-sync.js");
  return readTextSync(file);
}

/** Options shared by the commands that probe: timeout, offline mode, which node this is, verbosity. */
async function occupancyOptions(command: Command, paints: Paints): Promise<OccupancyOptions> {
  const [{ nodeCommandRunner }, { createSocketTable }, { localAddresses }, { nodeTcpProber }] = await Promise.all([
    import("./io/command-runner.js"),
    import("./observe/create-socket-table.js"),
    import("./observe/local-node.js"),
    import("./observe/tcp-prober.js"),
  ]);
  const globals = command.optsWithGlobals<{ timeout: string; remote: boolean; verbose?: boolean; thisNode?: string }>();
  const offline = (process.env.SPARKPORT_OFFLINE ?? "") !== "" && process.env.SPARKPORT_OFFLINE !== "0";
  return {
    ...(await registryOptions(command)),
    deps: {
      socketTable: createSocketTable(process.platform, nodeCommandRunner, readText),
      prober: nodeTcpProber,
      runner: nodeCommandRunner,
      localAddresses,
    },
    timeoutMs: parseDuration(globals.timeout, "--timeout"),
    remote: globals.remote && !offline,
    thisNode: globals.thisNode ?? process.env.SPARKPORT_NODE,
    onProbe: globals.verbose === true ? (line) => writeError(`${paints.err.dim(line)}\n`) : undefined,
  };
}

/** A progress line on stderr, only on a terminal and only once a run passes one second. */
function progressLine(paints: Paints): { update: (done: number, total: number) => void; done: () => void } {
  const started = Date.now();
  let shown = false;
  return {
    update: (done, total) => {
      if (!process.stderr.isTTY || Date.now() - started < 1000) return;
      shown = true;
      process.stderr.write(`\r${paints.err.dim(`probing ${done}/${total}`)}`);
    },
    done: () => {
      if (shown) process.stderr.write("\r\u001b[K");
    },
  };
}

/** Input problems are rendered by the chosen reporter, so JSON and CI output stay machine-readable. */
async function reportInputError(error: SparkportInputError, format: ReporterName, command: string, paints: Paints): Promise<void> {
  const { reporters } = await import("./reporters/index.js");
  const report = { command, version: packageVersion(), registry: null, findings: error.problems, excepted: [], exitCode: EXIT_USAGE };
  const text = reporters[format](report, { paint: format === "text" ? paints.err : paints.out, explain: false });
  if (format === "text") writeError(text);
  else write(text);
  process.exitCode = EXIT_USAGE;
}

function buildProgram({ Command, Option }: Commander, paints: Paints): Command {
  const program = new Command("sparkport")
    .description("Port registry and conflict checker: one ports.yaml, checked in CI and on every machine.")
    .version(packageVersion(), "-V, --version")
    .option("-r, --registry <file>", "registry file (default: $SPARKPORT_REGISTRY, else the nearest ports.yaml upwards)")
    .option("--timeout <duration>", "per-probe timeout: 500ms, 2s or milliseconds", "1s")
    .option("--no-remote", "no probes to other nodes (also SPARKPORT_OFFLINE=1)")
    .option("--this-node <node>", "which node this machine is (default: $SPARKPORT_NODE, else matched by interface address)")
    .option("-v, --verbose", "list each address and port probed")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: write, writeErr: writeError, outputError: (text, out) => out(paints.err.red(text)) });

  const allocationOptions = (command: Command): Command =>
    command
      .requiredOption("--team <team>", "the owning team")
      .requiredOption("--node <node>", "the node it runs on")
      .option("--port <port>", "the port (default: the next free one in the team's ranges)")
      .option("--env <environments>", "environments besides dev, comma-separated (test,staging)")
      .option("--protocol <protocol>", "tcp, http, https or udp", "http")
      .option("--access <scope>", "all-nodes, backend-only, developers-browser, test-only, staging-only, preview-only", "all-nodes")
      .option("--note <text>", "what it is for")
      .option("--exception <reason>", "allow a port outside the team's ranges, recording this reason");

  type AllocateFlags = { team: string; node: string; port?: string; env?: string; protocol?: string; access?: string; note?: string; exception?: string };
  const allocationArgs = async (service: string, flags: AllocateFlags, command: Command, paints: Paints) => {
    if (flags.port !== undefined && !/^\d{1,5}$/.test(flags.port)) throw new UsageError(`--port must be a port 1-65535, got "${flags.port}"`);
    return {
      ...(await occupancyOptions(command, paints)),
      service,
      team: flags.team,
      node: flags.node,
      port: flags.port === undefined ? undefined : Number(flags.port),
      env: flags.env,
      protocol: flags.protocol,
      access: flags.access,
      note: flags.note,
      exception: flags.exception,
    };
  };

  program
    .command("lint")
    .description("check that the registry is valid and consistent")
    .addOption(new Option("-f, --format <format>", "output format").choices(REPORTER_NAMES).default("text"))
    .option("--strict", "treat warnings as errors")
    .option("--docs <file>", "also report when this Markdown file is out of date with the registry")
    .option("--explain", "show each rule's one-line explanation under its findings")
    .option("--no-scan", "do not scan the project's .env, compose and script files")
    .option("--base <ref>", "compare ports.yaml with its version at this git ref (the change protocol)")
    .option("--fix", "show the mechanical fixes of scanned files as a diff")
    .option("--write", "with --fix: apply them")
    .action(async (options: { format: string; strict?: boolean; docs?: string; explain?: boolean; scan: boolean; base?: string; fix?: boolean; write?: boolean }, command: Command) => {
      const format = isReporterName(options.format) ? options.format : "text";
      if (options.write === true && options.fix !== true) throw new UsageError("--write applies the fixes of --fix; pass both");
      try {
        const { lint } = await import("./commands/lint.js");
        const { reporters } = await import("./reporters/index.js");
        const result = await lint({ ...(await registryOptions(command)), strict: options.strict === true, docs: options.docs, scan: options.scan, base: options.base, fix: options.fix === true, write: options.write === true });
        if (format === "text") for (const fix of result.fixes) write(`${fix.diff}${fix.written ? `wrote ${fix.file}\n` : ""}`);
        const report = { command: "lint", version: packageVersion(), ...result };
        write(reporters[format](report, { paint: paints.out, explain: options.explain === true }));
        process.exitCode = result.exitCode;
      } catch (error) {
        if (error instanceof SparkportInputError) await reportInputError(error, format, "lint", paints);
        else throw error;
      }
    });

  program
    .command("check")
    .description("is this port allocated, in my team's range, free here and free on its node?")
    .argument("<port...>", "8002, :8002, host:8002 or node:8002")
    .option("--team <team>", "your team: the port must lie in its ranges; next-free suggestions come from them")
    .option("--node <node>", "the node to check (default: the node the port is allocated on, else this machine)")
    .option("--env <environment>", "the environment(s) you will run in, for next-free suggestions")
    .option("--service <name>", "the service you are about to start: its own allocation is no conflict")
    .option("--json", "print JSON")
    .action(async (ports: string[], options: { team?: string; node?: string; env?: string; service?: string; json?: boolean }, command: Command) => {
      const [{ check }, { renderCheckText }] = await Promise.all([import("./commands/check.js"), import("./render/check-text.js")]);
      const result = await check({ ...(await occupancyOptions(command, paints)), ports, team: options.team, node: options.node, env: options.env, service: options.service });
      if (options.json === true) await writeJson(result);
      else write(renderCheckText(result, paints.out));
      process.exitCode = result.exitCode;
    });

  program
    .command("next")
    .description("the lowest free ports in a team's ranges: unallocated, free here, and not open on the node")
    .requiredOption("--team <team>", "the team whose ranges to search")
    .option("--node <node>", "the node the port is for (default: this machine)")
    .option("--env <environments>", "comma-separated environments the service runs in; base + each offset must be free")
    .option("--count <n>", "how many ports", "1")
    .option("--json", "print JSON")
    .action(async (options: { team: string; node?: string; env?: string; count: string; json?: boolean }, command: Command) => {
      if (!/^\d+$/.test(options.count)) throw new UsageError(`--count must be a whole number from 1 to 1000, got "${options.count}"`);
      const count = Number(options.count);
      const { next } = await import("./commands/next.js");
      const result = await next({ ...(await occupancyOptions(command, paints)), team: options.team, node: options.node, env: options.env, count });
      if (options.json === true) await writeJson(result);
      else if (result.ports.length === 0) writeError(`sparkport: no free port left in team ${result.team}'s ranges\n`);
      else {
        if (result.ports.length < count) writeError(`sparkport: only ${result.ports.length} of ${count} free ports left in team ${result.team}'s ranges\n`);
        write(`${result.environments.map((e) => Object.entries(e).map(([k, v]) => (k === "base" ? String(v) : `${k}=${v}`)).join(" ")).join("\n")}\n`);
      }
      process.exitCode = result.exitCode;
    });

  program
    .command("status")
    .description("probe every registered service on its node; declared against observed")
    .option("--team <team>", "only this team's services")
    .option("--node <node>", "only services on this node")
    .option("--concurrency <n>", "sockets open at once (default: from the open-file limit)")
    .option("--json", "print JSON")
    .action(async (options: { team?: string; node?: string; concurrency?: string; json?: boolean }, command: Command) => {
      const [{ leaningOnLargeRegistry }, { status }, { renderStatusText }, { defaultConcurrency }] = await Promise.all([
        import("./cli/lean-heap.js"),
        import("./commands/status.js"),
        import("./render/status-text.js"),
        import("./observe/probe-many.js"),
      ]);
      const concurrency = options.concurrency === undefined ? defaultConcurrency() : Number(options.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency must be a whole number of 1 or more, got ${options.concurrency ?? ""}`);
      const progress = progressLine(paints);
      const occupancy = await occupancyOptions(command, paints);
      const result = await status({ ...occupancy, cache: leaningOnLargeRegistry(occupancy.cache, occupancy.deps.runner), team: options.team, node: options.node, concurrency, onProgress: progress.update }).finally(progress.done);
      if (options.json === true) await writeJson(result);
      else write(renderStatusText(result, paints.out));
      process.exitCode = result.exitCode;
    });

  program
    .command("doctor")
    .description("diagnose a refused connection, EADDRINUSE or a localhost-only bind, and print the fix")
    .argument("[target]", "a service (fastapi, fastapi.test), a port, host:port, node:port or a URL")
    .option("--from <node>", "the node doctor runs from (default: this machine, matched by address)")
    .option("--error <text>", "the error message, pasted as is (EADDRINUSE, Errno 98/48, WinError 10048, connection refused...)")
    .option("--json", "print JSON")
    .action(async (target: string | undefined, options: { from?: string; error?: string; json?: boolean }, command: Command) => {
      const [{ doctor }, { renderDoctorText }, { createProcessInfo }, { projectFiles }] = await Promise.all([
        import("./commands/doctor.js"),
        import("./render/doctor-text.js"),
        import("./observe/process-command-line.js"),
        import("./io/project-files.js"),
      ]);
      const occupancy = await occupancyOptions(command, paints);
      const result = await doctor({
        ...occupancy,
        deps: {
          ...occupancy.deps,
          processInfo: createProcessInfo(process.platform, occupancy.deps.runner, readText),
          projectFiles,
          readText,
          os: process.platform === "darwin" ? "macos" : process.platform === "win32" ? "windows" : "linux",
        },
        target,
        from: options.from,
        error: options.error,
      });
      if (options.json === true) await writeJson(result);
      else write(renderDoctorText(result, paints.out));
      process.exitCode = result.exitCode;
    });

  allocationOptions(program.command("allocate"))
    .description("register a service: check the port, then write it into ports.yaml keeping every comment")
    .argument("<service>", "the new service's name")
    .option("--dry-run", "print the diff only")
    .option("--json", "print JSON")
    .action(async (service: string, flags: AllocateFlags & { dryRun?: boolean; json?: boolean }, command: Command) => {
      const [{ allocate }, { renderChange }] = await Promise.all([import("./commands/allocate.js"), import("./render/change-text.js")]);
      const result = await allocate({ ...(await allocationArgs(service, flags, command, paints)), dryRun: flags.dryRun === true });
      if (flags.json === true) await writeJson(result);
      else write(renderChange(result.plan.refusals, result.edit, `${service}: ${Object.entries(result.plan.ports).map(([e, p]) => `${e} ${p}`).join(", ")} on ${result.plan.node}`, paints.out));
      process.exitCode = result.exitCode;
    });

  allocationOptions(program.command("request"))
    .description("the same checks as allocate; print the port request form as an issue body (writes nothing)")
    .argument("<service>", "the service's name")
    .option("--priority <priority>", "high, medium or low", "medium")
    .option("--gh", "print a `gh issue create` command line instead")
    .option("--json", "print JSON")
    .action(async (service: string, flags: AllocateFlags & { priority: string; gh?: boolean; json?: boolean }, command: Command) => {
      const priority = flags.priority === "high" || flags.priority === "medium" || flags.priority === "low" ? flags.priority : undefined;
      if (priority === undefined) throw new UsageError(`--priority must be high, medium or low, got "${flags.priority}"`);
      const [{ request }, { ghCommand }] = await Promise.all([import("./commands/request.js"), import("./render/change-text.js")]);
      const result = await request({ ...(await allocationArgs(service, flags, command, paints)), priority });
      if (flags.json === true) await writeJson(result);
      else if (flags.gh === true) write(`${ghCommand(process.argv.slice(2).filter((a) => a !== "--gh"), result.title)}\n`);
      else write(result.body);
      process.exitCode = result.exitCode;
    });

  program
    .command("release")
    .description("remove a service's allocation from ports.yaml")
    .argument("<service>", "the service")
    .option("--force", "also a locked (shared infrastructure) service")
    .option("--dry-run", "print the diff only")
    .action(async (service: string, flags: { force?: boolean; dryRun?: boolean }, command: Command) => {
      const [{ release }, { renderChange }] = await Promise.all([import("./commands/release.js"), import("./render/change-text.js")]);
      const result = await release({ ...(await registryOptions(command)), service, force: flags.force === true, dryRun: flags.dryRun === true });
      write(renderChange(result.refusals, result.edit, `released ${service}`, paints.out));
      process.exitCode = result.exitCode;
    });

  program
    .command("set-status")
    .description("update a service's declared status (service or service.env)")
    .argument("<service>", "fastapi, or fastapi.test for one environment")
    .argument("<status>", "running, stopped, in-development, reserved or planned")
    .option("--dry-run", "print the diff only")
    .action(async (target: string, statusName: string, flags: { dryRun?: boolean }, command: Command) => {
      const [{ setStatus }, { renderChange }] = await Promise.all([import("./commands/release.js"), import("./render/change-text.js")]);
      const result = await setStatus({ ...(await registryOptions(command)), target, status: statusName, dryRun: flags.dryRun === true });
      write(renderChange(result.refusals, result.edit, `${target} is now ${statusName}`, paints.out));
      process.exitCode = result.exitCode;
    });

  program
    .command("diff")
    .description("what moved since a git ref, the files still using old ports, the teams to notify (Markdown)")
    .argument("<ref>", "a git ref, e.g. main or HEAD~1")
    .option("--json", "print JSON")
    .action(async (ref: string, flags: { json?: boolean }, command: Command) => {
      const [{ diff }, { nodeCommandRunner }] = await Promise.all([import("./commands/diff.js"), import("./io/command-runner.js")]);
      const result = await diff({ ...(await registryOptions(command)), ref, runner: nodeCommandRunner });
      if (flags.json === true) await writeJson(result);
      else write(result.markdown);
    });

  program
    .command("list")
    .description("print the allocation tables, grouped as the allocation document groups them")
    .option("--team <team>", "only this team's services")
    .option("--node <node>", "only services on this node")
    .option("--env <environment>", "only this environment's ports")
    .option("--json", "print JSON")
    .action(async (options: { team?: string; node?: string; env?: string; json?: boolean }, command: Command) => {
      const [{ list }, { renderListText }] = await Promise.all([import("./commands/list.js"), import("./render/list-text.js")]);
      const result = await list({ ...(await registryOptions(command)), team: options.team, node: options.node, env: options.env });
      if (options.json === true) await writeJson(result);
      else write(renderListText(result, paints.out));
    });

  program
    .command("docs")
    .description("render the allocation tables as Markdown")
    .option("-w, --write <file>", "write to this file instead of stdout")
    .action(async (options: { write?: string }, command: Command) => {
      const { docs } = await import("./commands/docs.js");
      const result = await docs({ ...(await registryOptions(command)), write: options.write });
      if (result.written === null) write(result.markdown);
      else writeError(`wrote ${result.written}\n`);
    });

  program
    .command("init")
    .description("write a starter ports.yaml")
    .argument("[file]", "where to write it", "ports.yaml")
    .option("--force", "replace an existing file")
    .action(async (file: string, options: { force?: boolean }) => {
      const { init } = await import("./commands/init.js");
      const { nodeFileSystem } = await import("./io/file-system.js");
      const result = await init({ file, force: options.force === true, cwd: process.cwd(), fs: nodeFileSystem });
      write(`${result.overwritten ? "replaced" : "created"} ${result.file}; edit it, then run \`sparkport lint\`\n`);
    });

  program
    .command("explain")
    .description("list the lint rules, or explain one")
    .argument("[code]", "a rule code, such as outside-team-range")
    .action(async (code: string | undefined) => {
      const [{ explain }, { textTable }] = await Promise.all([import("./commands/explain.js"), import("./render/text-table.js")]);
      const rows = explain(code).map((r) => [r.code, r.severity, r.explain]);
      write(`${textTable(["CODE", "SEVERITY", "WHAT IT CHECKS"], rows).join("\n")}\n`);
    });

  return program;
}

async function main(argv: readonly string[]): Promise<void> {
  const [commander, out, err] = await Promise.all([import("commander"), makePaint(process.stdout), makePaint(process.stderr)]);
  const paints: Paints = { out, err };
  const program = buildProgram(commander, paints);
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof commander.CommanderError) {
      // commander has printed its message; help and version are successes.
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
    } else if (error instanceof SparkportInputError) {
      await reportInputError(error, "text", program.args[0] ?? "sparkport", paints);
    } else if (error instanceof UsageError) {
      writeError(`${paints.err.red("sparkport:")} ${error.message}\n`);
      process.exitCode = EXIT_USAGE;
    } else {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`sparkport: internal error, please report it\n${detail}\n`);
      process.exitCode = EXIT_INTERNAL;
    }
  }
}

// Commander and chalk load in main(), not here: dist/bin.cjs answers a lone
// --version before this bundle loads, and nothing else runs at import time.
void main(process.argv);
