import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lint } from "../src/commands/lint/lint.js";
import { openRegistry } from "../src/registry/open-registry.js";
import { SparkportInputError } from "../src/findings/errors.js";
import type { Finding } from "../src/findings/finding.js";
import type { Code } from "../src/findings/messages.js";
import { nodeFileSystem, type FileSystem } from "../src/io/file-system.js";
import { runCli } from "./helpers/run-cli.js";
import { skipping } from "./helpers/skip-reason.js";

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
const FIXTURES = path.join(REPO_ROOT, "test", "fixtures");

/** Lint `file` in-process and return the SparkportInputError it must reject with. */
async function inputErrorFor(file: string, cwd = path.dirname(file)): Promise<SparkportInputError> {
  let caught: unknown;
  try {
    await lint({ registry: file, processEnv: {}, cwd, fs: nodeFileSystem });
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(SparkportInputError);
  if (!(caught instanceof SparkportInputError)) throw new Error(`expected a SparkportInputError for ${file}`);
  return caught;
}

/** The bytes of `file`, or of every file below a folder, keyed by path. */
async function snapshot(target: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  try {
    out.set(target, await readFile(target));
  } catch {
    const entries = await readdir(target, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isFile()) {
        const full = path.join(entry.parentPath, entry.name);
        out.set(full, await readFile(full));
      }
    }
  }
  return out;
}

/** Lint `file`, expecting a SparkportInputError, and check nothing in its folder was written. */
async function rejectWithoutWriting(file: string): Promise<readonly Finding[]> {
  const folder = path.dirname(file);
  const before = await snapshot(folder);
  const names = await readdir(folder);
  const error = await inputErrorFor(file);
  const after = await snapshot(folder);
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [name, bytes] of before) expect(after.get(name)?.equals(bytes), `${name} is byte-identical`).toBe(true);
  expect(await readdir(folder)).toEqual(names);
  expect(error.problems.length).toBeGreaterThan(0);
  expect(error.message).toBe(error.problems.map((p) => p.message).join("\n"));
  for (const problem of error.problems) expect(problem.severity).toBe("error");
  return error.problems;
}

const fixture = (name: string): string => path.join(FIXTURES, name, "ports.yaml");

interface Expected {
  code: Code;
  line?: number;
  column?: number;
  path?: string;
  message: string[];
  fix?: string;
}

interface Shape {
  code: Code;
  line?: number | undefined;
  column?: number | undefined;
  path?: string | undefined;
}

/** Code and position of a problem; toEqual treats an undefined field as absent. */
const shape = (p: Finding): Shape => ({ code: p.code, line: p.location.line, column: p.location.column, path: p.location.path });

/** test/fixtures/bad-<case>/ports.yaml and the problems it must stop the load with, in order. */
const BAD_CASES: Record<string, { what: string; problems: Expected[] }> = {
  "unclosed-flow": {
    what: "malformed YAML: an unclosed flow sequence",
    problems: [
      {
        // yaml notices the missing "]" where the next block key starts (line 8),
        // not at the "[" on line 7 column 8 that was never closed.
        code: "yaml-syntax",
        line: 8,
        column: 1,
        message: ["YAML syntax error: ", "end with a ]"],
      },
    ],
  },
  "wrong-type": {
    what: 'a wrong type: port: "eight thousand"',
    problems: [
      { code: "schema-invalid", line: 21, column: 11, path: "services[0].port", message: ['expected a number, received "eight thousand"'] },
    ],
  },
  "unknown-key": {
    what: "an unknown key with a near miss: protcol",
    problems: [
      // The required key it misspells is missing too; that problem points at the
      // service itself, since there is no "protocol" key to point at.
      {
        code: "schema-invalid",
        line: 18,
        column: 5,
        path: "services[0].protocol",
        message: ['expected one of "tcp", "http", "https", "udp"', 'the required key "protocol" is missing'],
      },
      {
        code: "schema-unknown-key",
        line: 22,
        column: 5,
        path: "services[0].protcol",
        message: ['unknown key "protcol"; did you mean "protocol"?'],
        fix: "expected one of: name, label, team, node, section, port, protocol,",
      },
    ],
  },
  "unknown-top-level-key": {
    what: "an unknown top-level key",
    problems: [
      {
        code: "schema-unknown-key",
        line: 3,
        column: 1,
        path: "projekt",
        message: ['unknown key "projekt"; did you mean "project"?'],
        fix: "expected one of: version, project, nodes, teams, environments, sections, services, reservations",
      },
    ],
  },
  "duplicate-key": {
    what: "a duplicate YAML key",
    problems: [{ code: "yaml-duplicate-key", line: 7, column: 5, message: ['duplicate key "address"; expected each key once per mapping'] }],
  },
  "alias-bomb": {
    what: "a YAML alias bomb (billion laughs)",
    // Located at the first alias in the file.
    problems: [{ code: "yaml-alias-limit", line: 4, column: 14, message: ["too many alias expansions (over 100)", "expected a registry without alias bombs"] }],
  },
  empty: {
    what: "an empty file",
    problems: [{ code: "registry-empty", line: 1, column: 1, message: ["the file is empty; expected a mapping with version"], fix: "sparkport init" }],
  },
  "comments-only": {
    what: "a file with only comments",
    problems: [{ code: "registry-empty", line: 1, column: 1, message: ["the file is empty; expected a mapping"], fix: "sparkport init" }],
  },
  "not-utf8": {
    what: "a non-UTF-8 file: byte 0xff in the middle of line 3",
    // Line 3 is `project: Crème \xff brûlée`: the column counts characters, so
    // the two-byte è counts once.
    problems: [{ code: "registry-not-utf8", line: 3, column: 16, message: ["invalid UTF-8 (byte 0xff); expected UTF-8 text"], fix: "UTF-8" }],
  },
  "multi-document": {
    what: "a multi-document YAML file",
    problems: [{ code: "yaml-syntax", line: 7, column: 1, message: ["YAML syntax error: ", "a second YAML document starts here (---); expected one document"] }],
  },
  "version-2": {
    what: "a wrong version: 2",
    problems: [{ code: "schema-invalid", line: 2, column: 10, path: "version", message: ["expected ", "1", "received 2"] }],
  },
};

describe("a registry that cannot be loaded", () => {
  for (const [name, { what, problems }] of Object.entries(BAD_CASES)) {
    it(`bad-${name}: ${what}`, async () => {
      const found = await rejectWithoutWriting(fixture(`bad-${name}`));
      expect(found.map(shape)).toEqual(problems.map(({ code, line, column, path: p }): Shape => ({ code, line, column, path: p })));
      found.forEach((problem, i) => {
        const expected = problems[i];
        expect(problem.location.file).toBe("ports.yaml");
        for (const text of expected?.message ?? []) expect(problem.message).toContain(text);
        if (expected?.fix !== undefined) expect(problem.fix).toContain(expected.fix);
      });
    });
  }

  it("bad-not-utf8 really holds a raw 0xff byte in the middle of line 3", async () => {
    const bytes = await readFile(fixture("bad-not-utf8"));
    const lines = bytes.toString("latin1").split("\n");
    expect(lines[2]?.indexOf("\u00ff")).toBeGreaterThan(5);
    expect(bytes.indexOf(0xff)).toBeGreaterThan(0);
  });

  it.skipIf(skipping(process.platform === "win32", "the named-pipe case", "mkfifo is POSIX"))("a named pipe passed as the registry: exit 2 without waiting for a writer", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "sparkport-fifo-"));
    const fifo = path.join(dir, "ports.yaml");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const run = await runCli(["lint", "--registry", fifo], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("ports.yaml  registry-not-a-file  this is not a regular file (a pipe, socket or device); nothing was read");
  });

  it("bad-directory: a directory passed as the registry", async () => {
    const dir = fixture("bad-directory"); // test/fixtures/bad-directory/ports.yaml/ is a folder
    const before = await snapshot(dir);
    const error = await inputErrorFor(dir, path.dirname(dir));
    expect(error.problems.map(shape)).toEqual([{ code: "registry-not-a-file" }]);
    expect(error.problems[0]?.location.file).toBe("ports.yaml");
    expect(error.problems[0]?.message).toContain("directory, not a file");
    expect(error.problems[0]?.fix).toContain("--registry");
    const after = await snapshot(dir);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of before) expect(after.get(name)?.equals(bytes)).toBe(true);
  });

  it("bad-missing: a registry that does not exist", async () => {
    const missing = path.join(FIXTURES, "bad-missing", "ports.yaml");
    const error = await inputErrorFor(missing, FIXTURES);
    expect(error.problems.map(shape)).toEqual([{ code: "registry-unreadable" }]);
    expect(error.problems[0]?.location.file).toBe(path.join("bad-missing", "ports.yaml"));
    expect(error.problems[0]?.message).toBe("cannot read the file: no such file");
    await expect(readdir(path.dirname(missing))).rejects.toThrow(/ENOENT/);
  });
});

describe("writing the bad input from the test", () => {
  let scratch: string;
  beforeEach(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), "sparkport-bad-"));
  });
  afterEach(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it("reports the first invalid UTF-8 byte, whatever comes before it", async () => {
    const file = path.join(scratch, "ports.yaml");
    const bytes = Buffer.concat([Buffer.from("version: 1\n# ok\nproject: ab", "utf8"), Buffer.from([0xff]), Buffer.from("cd\nnodes: {}\n", "utf8")]);
    await writeFile(file, bytes);
    const problems = await rejectWithoutWriting(file);
    expect(problems.map(shape)).toEqual([{ code: "registry-not-utf8", line: 3, column: 12 }]);
    expect((await readFile(file)).equals(bytes)).toBe(true);
  });

  it("did you mean: ports.yml for ports.yaml beside it, runing for running", async () => {
    const file = path.join(scratch, "ports.yaml");
    await writeFile(file, (await readFile(path.join(REPO_ROOT, "ports.yaml"), "utf8")).replace("status: running", "status: runing"));
    const typoName = await runCli(["lint", "--registry", "ports.yml", "--no-scan"], { cwd: scratch });
    expect(typoName.status).toBe(2);
    expect(typoName.stdout + typoName.stderr).toContain("fix: did you mean ports.yaml? Name it with --registry ports.yaml");
    const typoStatus = await runCli(["lint", "--registry", "ports.yaml", "--no-scan"], { cwd: scratch });
    expect(typoStatus.status).toBe(2);
    expect(typoStatus.stdout + typoStatus.stderr).toMatch(/schema-invalid +expected one of .*received "runing"; did you mean "running"\?/);
    // Nothing close: no suggestion.
    const far = await runCli(["lint", "--registry", "registry.json", "--no-scan"], { cwd: scratch });
    expect(far.stdout + far.stderr).toContain("fix: check the path, or name the file with --registry FILE");
  });
});

describe("registry discovery", () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), "sparkport-discover-"));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const registryText = (project: string): string =>
    [
      "version: 1",
      `project: ${project}`,
      "nodes:",
      "  alpha:",
      "    address: 127.0.0.1",
      "    os: linux",
      "teams:",
      "  A:",
      "    name: Alpha",
      "    ranges:",
      "      - name: main",
      "        from: 20000",
      "        to: 20999",
      "environments:",
      "  dev:",
      "    offset: 0",
      "services: []",
      "",
    ].join("\n");

  /**
   * a/ports.yaml, a/b/c (the cwd), env/ports.yaml for SPARKPORT_REGISTRY and
   * explicit/ports.yaml for --registry: each names itself in `project`.
   */
  async function tree(): Promise<{ a: string; cwd: string; env: string; explicit: string }> {
    const cwd = path.join(root, "a", "b", "c");
    await mkdir(cwd, { recursive: true });
    await mkdir(path.join(root, "env"));
    await mkdir(path.join(root, "explicit"));
    const files = { a: path.join(root, "a", "ports.yaml"), env: path.join(root, "env", "ports.yaml"), explicit: path.join(root, "explicit", "ports.yaml") };
    await writeFile(files.a, registryText("walked-up"));
    await writeFile(files.env, registryText("from-env"));
    await writeFile(files.explicit, registryText("explicit"));
    return { ...files, cwd };
  }

  it("--registry beats SPARKPORT_REGISTRY, which beats walking up from cwd", async () => {
    const t = await tree();
    const open = (registry: string | undefined, env: string | undefined) =>
      openRegistry({ registry, processEnv: { SPARKPORT_REGISTRY: env }, cwd: t.cwd, fs: nodeFileSystem });

    const explicit = await open(t.explicit, t.env);
    expect([explicit.absolutePath, explicit.data.project]).toEqual([t.explicit, "explicit"]);

    const fromEnv = await open(undefined, t.env);
    expect([fromEnv.absolutePath, fromEnv.data.project]).toEqual([t.env, "from-env"]);

    const walked = await open(undefined, undefined);
    expect([walked.absolutePath, walked.data.project]).toEqual([t.a, "walked-up"]);

    // An empty SPARKPORT_REGISTRY counts as unset.
    const emptyEnv = await open(undefined, "");
    expect(emptyEnv.absolutePath).toBe(t.a);

    // Relative names resolve against cwd.
    const relative = await open(path.join("..", "..", "..", "explicit", "ports.yaml"), undefined);
    expect(relative.absolutePath).toBe(t.explicit);
  });

  it("lint reports the registry it found: relative to cwd inside its project, absolute from outside it", async () => {
    const t = await tree();
    const walked = await lint({ processEnv: {}, cwd: t.cwd, fs: nodeFileSystem });
    // Found upwards: cwd is inside the registry's folder, and the scan's files are named from cwd too.
    expect(walked.registry.file).toBe(path.relative(t.cwd, t.a));
    expect(walked.exitCode).toBe(0);

    const fromEnv = await lint({ processEnv: { SPARKPORT_REGISTRY: t.env }, cwd: t.cwd, fs: nodeFileSystem });
    expect(fromEnv.registry.file).toBe(t.env);

    const below = await lint({ processEnv: {}, cwd: path.join(root, "a"), fs: nodeFileSystem });
    expect(below.registry.file).toBe("ports.yaml");
  });

  it("a ports.yaml folder on the way up is skipped, not taken for the registry", async () => {
    const t = await tree();
    await mkdir(path.join(root, "a", "b", "ports.yaml"));
    const walked = await openRegistry({ processEnv: {}, cwd: t.cwd, fs: nodeFileSystem });
    expect(walked.absolutePath).toBe(t.a);
  });

  it("no registry anywhere: registry-not-found names the cwd and suggests `sparkport init`", async () => {
    const cwd = path.join(root, "x", "y");
    await mkdir(cwd, { recursive: true });
    // Walk the real file system, but inside the scratch tree only, so a stray
    // ports.yaml above the system's temp folder cannot change the outcome.
    const confined: FileSystem = { ...nodeFileSystem, isFile: async (p) => p.startsWith(root + path.sep) && (await nodeFileSystem.isFile(p)) };
    let caught: unknown;
    try {
      await lint({ processEnv: {}, cwd, fs: confined });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SparkportInputError);
    const problems = caught instanceof SparkportInputError ? caught.problems : [];
    expect(problems.map((p) => p.code)).toEqual(["registry-not-found"]);
    expect(problems[0]?.message).toBe(`no ports.yaml in ${cwd} or any folder above it`);
    expect(problems[0]?.fix).toContain("`sparkport init`");
    expect(problems[0]?.fix).toContain("SPARKPORT_REGISTRY");
    expect((await readdir(root, { recursive: true })).sort()).toEqual(["x", path.join("x", "y")]);
  });
});
