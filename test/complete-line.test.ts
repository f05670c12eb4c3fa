import { describe, expect, it } from "vitest";
import { completeLine, givenValue, type Completion, type OptionShape, type ProgramShape } from "../src/commands/completion/complete-line.js";
import { valuesFrom } from "../src/commands/completion/registry-values.js";
import { parseRegistry } from "../src/registry/parse-registry.js";

// Issue 19 item 3: what completion offers at a word, read as commander reads the line. The shape here is written
// by hand so that commands not yet in the table (run, wait, move) can be named; completion.e2e.test.ts asks the
// built CLI, whose shape is read from commander's program.

const option = (names: string[], takesValue = true, choices?: string[]): OptionShape => ({ names, takesValue, description: `about ${names.join(" ")}`, choices });

const globals = [option(["-r", "--registry"]), option(["--lang"]), option(["-q", "--quiet"], false), option(["--no-remote"], false)];
const own = (...options: OptionShape[]) => [...options, option(["-f", "--format"], true, ["text", "json"]), option(["-h", "--help"], false)];

const SHAPE: ProgramShape = {
  commands: [
    { name: "check", description: "check a port", options: own(option(["--service"]), option(["--team"]), option(["--protocol"], true, ["tcp", "udp"])) },
    { name: "next", description: "next free ports", options: own(option(["--env"]), option(["--team"])) },
    { name: "set-status", description: "set a status", options: own(option(["--dry-run"], false)) },
    { name: "explain", description: "explain a code", options: own() },
    { name: "allocate", description: "allocate", options: own(option(["--from-reservation"])) },
    { name: "run", description: "run a service", options: own(option(["--env-name"])) },
    { name: "wait", description: "wait for services", options: own(option(["--timeout"])) },
    { name: "move", description: "move a service", options: own(option(["--port"])) },
    { name: "completion", description: "print a script", options: own() },
    { name: "export", description: "export targets", options: [option(["-f", "--format"], true, ["file_sd", "http_sd"]), option(["-w", "--write"]), option(["-h", "--help"], false)] },
    { name: "help", description: "help", options: [] },
  ],
  options: [option(["-V", "--version"], false), ...globals, option(["-h", "--help"], false)],
  globals,
};

const REGISTRY = parseRegistry(
  [
    "version: 1",
    "nodes:",
    "  here: {address: 127.0.0.1, os: linux, label: Here}",
    "teams:",
    "  B: {name: Backend, ranges: [{name: b, from: 8000, to: 8099}]}",
    "  C: {name: Frontend, ranges: [{name: c, from: 3000, to: 3099}]}",
    "environments:",
    "  dev: {offset: 0}",
    "  test: {offset: 1}",
    "  staging: {offset: 10}",
    "services:",
    "  - {name: api, label: API, team: B, node: here, port: 8000, protocol: http, access: all-nodes, status: running, environments: {test: null}}",
    "  - {name: web, team: C, node: here, port: 3000, protocol: http, access: all-nodes, status: running}",
    "reservations:",
    "  - {name: grafana, port: 8050, purpose: dashboards, priority: low}",
    "",
  ].join("\n"),
  "ports.yaml",
).data;

const values = valuesFrom(() => Promise.resolve(REGISTRY));
const complete = (line: string[]): Promise<Completion> => completeLine(SHAPE, line.slice(0, -1), line.at(-1) ?? "", values);
const offered = async (line: string[]): Promise<string[] | "files"> => {
  const found = await complete(line);
  return found.files ? "files" : found.candidates.map((c) => c.value);
};

describe("completing a command line", () => {
  it("offers the commands first, and after global options and their values", async () => {
    expect(await offered([""])).toEqual(SHAPE.commands.map((c) => c.name));
    expect(await offered(["-r", "ports.yaml", "--lang", "ko", "c"])).toEqual(["check", "completion"]);
    expect(await offered(["--no-remote", "ne"])).toEqual(["next"]);
  });

  it("offers a command's own options and the global ones, but --version only before a command", async () => {
    const options = await offered(["check", "--"]);
    expect(options).toEqual(["--service", "--team", "--protocol", "--format", "--help", "--registry", "--lang", "--quiet", "--no-remote"]);
    expect(await offered(["-"])).toContain("--version");
    expect(await offered(["-"])).toContain("-V");
    expect(await offered(["--v"])).toEqual(["--version"]);
  });

  it("offers an option's values: the registry's names, a fixed list, or the shell's file names", async () => {
    expect(await offered(["check", "--team", ""])).toEqual(["B", "C"]);
    expect(await offered(["check", "--protocol", ""])).toEqual(["tcp", "udp"]);
    expect(await offered(["check", "--format", "j"])).toEqual(["json"]);
    expect(await offered(["--registry", ""])).toBe("files");
    expect(await offered(["check", "-r", ""])).toBe("files");
    expect(await offered(["--lang", ""])).toEqual(["en", "ko"]);
    expect(await offered(["allocate", "x", "--from-reservation", ""])).toEqual(["grafana"]);
  });

  it("offers services and service.env for each environment each runs in", async () => {
    expect(await offered(["check", "--service", ""])).toEqual(["api", "web", "api.dev", "api.test", "web.dev"]);
    expect(await offered(["check", "--service", "api."])).toEqual(["api.dev", "api.test"]);
    const found = await complete(["check", "--service", "api.t"]);
    expect(found).toEqual({ files: false, candidates: [{ value: "api.test", description: "API (test) · here:8001" }] });
  });

  it("matches letter case aside, and goes on after the last comma of a list", async () => {
    expect(await offered(["check", "--team", "b"])).toEqual(["B"]);
    expect(await offered(["next", "--team", "B", "--env", "dev,"])).toEqual(["dev,test", "dev,staging"]);
    expect(await offered(["next", "--env", "dev,test,s"])).toEqual(["dev,test,staging"]);
  });

  it("reads --team=B in one word, and as bash splits it: --team, =, B", async () => {
    expect(await offered(["check", "--team=b"])).toEqual(["--team=B"]);
    expect(await offered(["check", "--team="])).toEqual(["--team=B", "--team=C"]);
    expect(await offered(["check", "--team", "=", ""])).toEqual(["B", "C"]);
    expect(await offered(["check", "--team", "=", "C", "--service", "w"])).toEqual(["web", "web.dev"]);
    expect(await offered(["check", "--quiet="])).toEqual([]);
  });

  it("offers each command's arguments by position: run, wait and move take services", async () => {
    expect(await offered(["run", ""])).toEqual(["api", "web", "api.dev", "api.test", "web.dev"]);
    expect(await offered(["run", "api", ""])).toBe("files");
    expect(await offered(["wait", "api", "w"])).toEqual(["web", "web.dev"]);
    expect(await offered(["move", "a"])).toEqual(["api", "api.dev", "api.test"]);
    expect(await offered(["set-status", "a"])).toEqual(["api", "api.dev", "api.test"]);
    expect(await offered(["set-status", "--dry-run", "api", "st"])).toEqual(["stopped"]);
    expect(await offered(["explain", "duplicate-p"])).toEqual(["duplicate-port"]);
    expect(await offered(["completion", ""])).toEqual(["bash", "zsh", "fish", "powershell"]);
    expect(await offered(["export", ""])).toEqual(["prometheus"]);
    expect(await offered(["export", "prometheus", "--format", ""])).toEqual(["file_sd", "http_sd"]);
    expect(await offered(["help", "se"])).toEqual(["set-status"]);
  });

  it("offers options where an argument takes nothing to complete, and file names after --", async () => {
    expect(await offered(["check", ""])).toContain("--service");
    expect(await offered(["check", "80"])).toEqual([]);
    expect(await offered(["allocate", ""])).toContain("--from-reservation");
    expect(await offered(["run", "api", "--", ""])).toBe("files");
    expect(await offered(["wait", "--", "--t"])).toBe("files");
  });

  it("offers nothing after a command it does not know, and nothing of an option that takes free text", async () => {
    expect(await offered(["chek", ""])).toEqual([]);
    expect(await offered(["run", "api", "--env-name", ""])).toEqual([]);
  });

  it("offers no registry names when there is no registry, the rest as ever", async () => {
    const none = valuesFrom(() => Promise.resolve(undefined));
    expect(await completeLine(SHAPE, ["check", "--service"], "", none)).toEqual({ files: false, candidates: [] });
    expect(await completeLine(SHAPE, ["explain"], "unused-e", none)).toMatchObject({ candidates: [{ value: "unused-exception" }] });
  });

  it("finds the registry the line names, where commander would read it", () => {
    expect(givenValue(SHAPE, ["-r", "a.yaml", "check", "--service"], "--registry")).toBe("a.yaml");
    expect(givenValue(SHAPE, ["check", "--registry=b.yaml"], "--registry")).toBe("b.yaml");
    expect(givenValue(SHAPE, ["-rc.yaml", "list"], "--registry")).toBe("c.yaml");
    expect(givenValue(SHAPE, ["check", "--registry", "=", "d.yaml"], "--registry")).toBe("d.yaml");
    // A value of another option, or a word after --, names no registry.
    expect(givenValue(SHAPE, ["check", "--service", "-r"], "--registry")).toBeUndefined();
    expect(givenValue(SHAPE, ["run", "api", "--", "-r", "x.yaml"], "--registry")).toBeUndefined();
  });
});
