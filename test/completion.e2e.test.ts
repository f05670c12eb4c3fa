import { execFile, spawnSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_LOCALE } from "./helpers/language-ways.js";
import { CLI, REPO_ROOT, runCli } from "./helpers/run-cli.js";

// Issue 19 item 3: `sparkport completion SHELL` and the hidden `sparkport __complete` it runs, through the built CLI
// and in real shells: bash calls the script's function with COMP_WORDS/COMP_CWORD set, zsh completes a typed line on
// a pseudo-terminal (zpty) with compinit, fish answers `complete -C`. Each shell finds `sparkport` on PATH: a wrapper
// that runs the built CLI. Completion reads registries and never probes; these ones name only 127.0.0.1.

const run = promisify(execFile);
const has = (shell: string): boolean => spawnSync(shell, ["--version"], { stdio: "ignore" }).error === undefined;
const hasZsh = has("zsh");
const hasFish = has("fish");
if (!hasZsh) console.log("skipping the zsh completion tests: zsh is not installed (a Debian package: apt-get install zsh)");
if (!hasFish) console.log("skipping the fish completion tests: fish is not installed (a Debian package: apt-get install fish)");

let scratch: string;
/** A project folder with its ports.yaml, where the shells run. */
let project: string;
/** Another registry, named on the line with -r from a folder that has none. */
let elsewhere: string;
let bin: string;
const scripts: Record<string, string> = {};

const registryText = (services: string[], teams: string[]): string =>
  [
    "version: 1",
    "nodes:",
    "  here: {address: 127.0.0.1, os: linux, label: Here}",
    "teams:",
    ...teams.map((t, i) => `  ${t}: {name: Team ${t}, ranges: [{name: r${i}, from: ${18000 + i * 100}, to: ${18099 + i * 100}}]}`),
    "environments:",
    "  dev: {offset: 0}",
    "  test: {offset: 1}",
    "  staging: {offset: 10}",
    "services:",
    ...services,
    "",
  ].join("\n");

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "sparkport-completion-"));
  project = path.join(scratch, "project");
  bin = path.join(scratch, "bin");
  await Promise.all([mkdir(project), mkdir(bin), mkdir(path.join(scratch, "zsh")), mkdir(path.join(scratch, "fish")), mkdir(path.join(scratch, "empty"))]);
  await writeFile(
    path.join(project, "ports.yaml"),
    registryText(
      [
        "  - {name: fastapi, label: FastAPI, team: B, node: here, port: 18000, protocol: http, access: all-nodes, status: running, environments: {test: null, staging: null}}",
        "  - {name: nextjs, label: Next.js, team: C, node: here, port: 18100, protocol: http, access: all-nodes, status: running}",
      ],
      ["B", "C"],
    ),
  );
  elsewhere = path.join(scratch, "other registry.yaml");
  await writeFile(
    elsewhere,
    registryText(["  - {name: billing, team: Z, node: here, port: 18000, protocol: http, access: all-nodes, status: planned}"], ["Z"]),
  );
  // The shells' `sparkport`: the built CLI, run by the Node running these tests.
  const quote = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;
  await writeFile(path.join(bin, "sparkport"), `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(CLI)} "$@"\n`);
  await chmod(path.join(bin, "sparkport"), 0o755);
  for (const shell of ["bash", "zsh", "fish", "powershell"]) {
    const printed = await runCli(["completion", shell]);
    expect(printed.status, printed.stderr).toBe(0);
    scripts[shell] = printed.stdout;
  }
  // Where each script goes: zsh's in a folder of $fpath named _sparkport, fish's in a completions folder.
  await writeFile(path.join(scratch, "sparkport.bash"), scripts.bash ?? "");
  await writeFile(path.join(scratch, "zsh", "_sparkport"), scripts.zsh ?? "");
  await writeFile(path.join(scratch, "fish", "sparkport.fish"), scripts.fish ?? "");
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** No registry from the environment, no language from the machine; fish keeps its files in the scratch folder. */
function shellEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return {
    ...process.env,
    ...NO_LOCALE,
    LANG: "C",
    NO_COLOR: "1",
    SPARKPORT_REGISTRY: undefined,
    PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`,
    XDG_CONFIG_HOME: path.join(scratch, "config"),
    XDG_DATA_HOME: path.join(scratch, "data"),
    ...extra,
  };
}

let wordFiles = 0;

/** COMPREPLY after the script's function ran on `words` (the last one being completed), in bash, from `cwd`. */
async function bash(words: readonly string[], cwd = project): Promise<string[]> {
  // NUL-separated in a file: any word reaches COMP_WORDS as it is, an empty last one included.
  const file = path.join(scratch, `words-${(wordFiles += 1)}`);
  await writeFile(file, words.map((w) => `${w}\0`).join(""));
  const body = [
    'source "$SCRIPT"',
    'mapfile -d "" -t COMP_WORDS < "$WORDS"',
    "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))",
    "_sparkport",
    'for reply in "${COMPREPLY[@]}"; do printf "%s\\n" "$reply"; done',
  ].join("\n");
  const { stdout, stderr } = await run("bash", ["--norc", "--noprofile", "-c", body], {
    cwd,
    env: shellEnv({ SCRIPT: path.join(scratch, "sparkport.bash"), WORDS: file }),
  });
  expect(stderr).toBe("");
  return stdout.split("\n").filter((line) => line !== "");
}

/** The matches zsh itself keeps when `line` is typed and Tab pressed (test/helpers/zsh-complete.zsh). */
async function zsh(line: string, cwd = project): Promise<string[]> {
  const { stdout } = await run("zsh", ["-f", path.join(REPO_ROOT, "test", "helpers", "zsh-complete.zsh")], {
    cwd,
    env: shellEnv({ LINE: line, COMPLETION_DIR: path.join(scratch, "zsh") }),
    timeout: 30_000,
  });
  return stdout.split("\n").filter((l) => l !== "");
}

/** What fish offers for `line`, its script found in a completions folder as a user's would be: value and description. */
async function fish(line: string, cwd = project): Promise<[string, string | undefined][]> {
  const { stdout } = await run("fish", ["--no-config", "-c", "set -p fish_complete_path $argv[1]; complete -C $argv[2]", path.join(scratch, "fish"), line], {
    cwd,
    env: shellEnv(),
  });
  return stdout
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => {
      const [value = "", description] = l.split("\t");
      return [value, description];
    });
}

const complete = (args: string[], cwd = project, env: Record<string, string> = {}) => runCli(["__complete", ...args], { cwd, env: { ...NO_LOCALE, LANG: "C", ...env } });
const values = (stdout: string): string[] => stdout.split("\n").filter((l) => l !== "").map((l) => l.split("\t")[0] ?? "");

describe("sparkport __complete", () => {
  it("is not listed by --help, and offers every command but itself, with what --help says of each", async () => {
    const help = await runCli(["--help"]);
    expect(help.stdout).not.toContain("__complete");
    expect(help.stdout).toContain("completion");
    const found = await complete([""]);
    expect(found.status).toBe(0);
    expect(values(found.stdout)).toEqual(expect.arrayContaining(["lint", "check", "explain", "completion", "help"]));
    expect(values(found.stdout)).not.toContain("__complete");
    expect(found.stdout).toMatch(/^check\tis this port allocated/m);
  });

  it("offers a command's formats: github only where it prints findings", async () => {
    expect(values((await complete(["check", "--format", ""])).stdout)).toEqual(["text", "json", "github"]);
    expect(values((await complete(["diff", "-f", ""])).stdout)).toEqual(["text", "json"]);
    // export's own --format: the JSON Prometheus reads.
    expect(values((await complete(["export", "prometheus", "--format", ""])).stdout)).toEqual(["file_sd", "http_sd"]);
    expect(values((await complete(["export", ""])).stdout)).toEqual(["prometheus"]);
  });

  it("says so when the shell should complete file names itself", async () => {
    expect((await complete(["--registry", ""])).stdout).toBe(":files\n");
    expect((await complete(["lint", "--docs", "RE"])).stdout).toBe(":files\n");
  });

  it("describes in the language of the line", async () => {
    const korean = await complete(["--lang", "ko", "check", "--te"]);
    expect(korean.stdout).toMatch(/^--team\t.*[\uac00-\ud7a3]/m);
    const unknown = await complete(["--lang", "xx", "chec"]);
    expect([unknown.status, unknown.stdout, unknown.stderr]).toEqual([0, expect.stringMatching(/^check\tis this port/), ""]);
  });

  it("offers commands and options, silently, where no registry is found or it cannot be read", async () => {
    const empty = path.join(scratch, "empty");
    const commands = await complete(["ch"], empty);
    expect([commands.status, values(commands.stdout), commands.stderr]).toEqual([0, ["check"], ""]);
    const options = await complete(["check", "--se"], empty);
    expect([options.status, values(options.stdout), options.stderr]).toEqual([0, ["--service"], ""]);
    const services = await complete(["check", "--service", ""], empty);
    expect([services.status, services.stdout, services.stderr]).toEqual([0, "", ""]);
    const broken = path.join(scratch, "broken.yaml");
    await writeFile(broken, "version: 1\nservices: [\n");
    const unreadable = await complete(["-r", broken, "check", "--service", ""], empty);
    expect([unreadable.status, unreadable.stdout, unreadable.stderr]).toEqual([0, "", ""]);
  });
});

describe("sparkport completion", () => {
  it("prints each shell's script, every line short enough that a terminal's width never breaks it", () => {
    expect(scripts.bash).toContain("complete -F _sparkport sparkport");
    expect(scripts.zsh?.startsWith("#compdef sparkport\n")).toBe(true);
    expect(scripts.fish).toContain("complete -c sparkport");
    for (const [shell, script] of Object.entries(scripts)) {
      expect(script, shell).toContain("sparkport __complete");
      for (const line of script.split("\n")) expect(line.length, `${shell}: ${line}`).toBeLessThanOrEqual(79);
    }
  });

  it("registers a native argument completer for PowerShell (not installable here: its text only)", () => {
    expect(scripts.powershell).toContain("Register-ArgumentCompleter -Native -CommandName sparkport");
    expect(scripts.powershell).toContain("& sparkport __complete @words $current");
    expect(scripts.powershell).toContain("[System.Management.Automation.CompletionResult]::new(");
  });

  it("refuses an unknown shell in one line, with the close name and the list, exit 2", async () => {
    const english = await runCli(["completion", "bsh"], { env: { ...NO_LOCALE, LANG: "C" } });
    expect([english.status, english.stdout]).toEqual([2, ""]);
    expect(english.stderr.trim().split("\n")).toEqual(['sparkport: unknown shell "bsh"; did you mean "bash"? Shells: bash, zsh, fish, powershell.']);
    const korean = await runCli(["--lang", "ko", "completion", "pwsh"], { env: NO_LOCALE });
    expect(korean.status).toBe(2);
    expect(korean.stderr.trim().split("\n")).toEqual(['sparkport: 알 수 없는 셸 "pwsh"입니다. 쓸 수 있는 셸: bash, zsh, fish, powershell.']);
  });
});

describe("bash", () => {
  it("completes commands, a command's options and the global ones", async () => {
    expect(await bash(["sparkport", ""])).toEqual(expect.arrayContaining(["lint", "check", "set-status", "explain", "completion"]));
    expect(await bash(["sparkport", "ch"])).toEqual(["check"]);
    const options = await bash(["sparkport", "check", "--"]);
    expect(options).toEqual(expect.arrayContaining(["--service", "--team", "--protocol", "--format", "--json", "--registry", "--timeout", "--lang"]));
    expect(options).not.toContain("--version");
  });

  it("completes services, service.env, teams and codes from the registry and sparkport's tables", async () => {
    expect(await bash(["sparkport", "check", "--service", ""])).toEqual(["fastapi", "nextjs", "fastapi.dev", "fastapi.test", "fastapi.staging", "nextjs.dev"]);
    expect(await bash(["sparkport", "check", "--service", "fastapi."])).toEqual(["fastapi.dev", "fastapi.test", "fastapi.staging"]);
    expect(await bash(["sparkport", "list", "--team", ""])).toEqual(["B", "C"]);
    expect(await bash(["sparkport", "explain", "duplicate-"])).toEqual(["duplicate-port", "duplicate-name"]);
    expect(await bash(["sparkport", "set-status", "nextjs", "st"])).toEqual(["stopped"]);
  });

  it("reads the registry that -r names earlier on the line, from a folder without one", async () => {
    const empty = path.join(scratch, "empty");
    // COMP_WORDS holds the words as typed, quotes and all.
    expect(await bash(["sparkport", "-r", `'${elsewhere}'`, "check", "--service", ""], empty)).toEqual(["billing", "billing.dev"]);
    expect(await bash(["sparkport", "-r", elsewhere.replaceAll(" ", "\\ "), "check", "--service", ""], empty)).toEqual(["billing", "billing.dev"]);
    expect(await bash(["sparkport", "--registry", `"${elsewhere}"`, "list", "--team", ""], empty)).toEqual(["Z"]);
    expect(await bash(["sparkport", "check", "--service", ""], empty)).toEqual([]);
  });

  it("completes after --team= as bash splits it, and leaves file names to bash", async () => {
    expect(await bash(["sparkport", "check", "--team", "="])).toEqual(["B", "C"]);
    expect(await bash(["sparkport", "check", "--team", "=", "c"])).toEqual(["C"]);
    expect(await bash(["sparkport", "--registry", "po"])).toEqual(["ports.yaml"]);
  });
});

describe.skipIf(!hasZsh)("zsh", () => {
  it("completes commands and the services of the registry, loaded by compinit from fpath", async () => {
    expect(await zsh("sparkport ch")).toEqual(["check"]);
    expect(await zsh("sparkport check --service fastapi.")).toEqual(["fastapi.dev", "fastapi.test", "fastapi.staging"]);
  });

  it("completes options and teams, and reads the registry -r names", async () => {
    expect(await zsh("sparkport check --se")).toEqual(["--service"]);
    expect(await zsh("sparkport list --team ")).toEqual(["B", "C"]);
    expect(await zsh(`sparkport -r '${elsewhere}' check --service b`, path.join(scratch, "empty"))).toEqual(["billing", "billing.dev"]);
  });

  it("leaves file names to zsh's _files, after --registry= too", async () => {
    expect(await zsh("sparkport --registry=po")).toEqual(["--registry=ports.yaml"]);
  });
});

describe.skipIf(!hasFish)("fish", () => {
  it("completes services and service.env with where each listens, from a completions folder", async () => {
    expect(await fish("sparkport check --service fastapi.")).toEqual([
      ["fastapi.dev", "FastAPI (dev) · here:18000"],
      ["fastapi.staging", "FastAPI (staging) · here:18010"],
      ["fastapi.test", "FastAPI (test) · here:18001"],
    ]);
  });

  it("completes commands, codes and the registry -r names", async () => {
    expect((await fish("sparkport ex")).map(([value]) => value)).toEqual(["explain", "export"]);
    expect((await fish("sparkport explain unused-")).map(([value]) => value)).toEqual(["unused-exception"]);
    const named = await fish(`sparkport -r '${elsewhere}' check --service `, path.join(scratch, "empty"));
    expect(named.map(([value]) => value)).toEqual(["billing", "billing.dev"]);
  });

  it("leaves file names to fish, after --registry= too", async () => {
    expect((await fish("sparkport --registry po")).map(([value]) => value)).toEqual(["ports.yaml"]);
    expect((await fish("sparkport --registry=po")).map(([value]) => value)).toEqual(["--registry=ports.yaml"]);
  });
});
