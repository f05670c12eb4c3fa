import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CLI, REPO_ROOT } from "./helpers/run-cli.js";
import { skipping } from "./helpers/skip-reason.js";

// What the repository gives the tools teams already run: the CI workflow, the GitHub Action, the pre-commit hook.

const read = (file: string): string => readFileSync(path.join(REPO_ROOT, file), "utf8");
const VALIDATOR = path.join(REPO_ROOT, "node_modules", "@action-validator", "cli", "cli.mjs");
const scratch = mkdtempSync(path.join(tmpdir(), "sparkport-ship-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const validate = (file: string) => spawnSync(process.execPath, [VALIDATOR, file], { encoding: "utf8" });

interface Step {
  run?: string;
  env?: Record<string, string>;
  if?: string;
}

describe("the workflow and the action, against GitHub's schemas", () => {
  it("are valid, and a broken one is not", () => {
    for (const file of [".github/workflows/ci.yml", ".github/workflows/release.yml", "action.yml"]) {
      const answer = validate(path.join(REPO_ROOT, file));
      expect([file, answer.status, answer.stdout]).toEqual([file, 0, ""]);
    }
    const broken = path.join(scratch, "broken.yml");
    writeFileSync(broken, read(".github/workflows/ci.yml").replace("runs-on: ${{ matrix.os }}", "run-on: ${{ matrix.os }}"));
    expect(validate(broken).status).not.toBe(0);
  });

  it("CI runs the suite on Linux, macOS and Windows on every Node.js release of .ci/node-versions, typecheck once, and lint as a user would", () => {
    const workflow = parse(read(".github/workflows/ci.yml")) as {
      jobs: Record<string, { strategy?: { matrix: { os: string[]; node: number[] } }; steps: Step[] }>;
    };
    const majors = read(".ci/node-versions")
      .split("\n")
      .filter((line) => /^\d/.test(line))
      .map((line) => Number(line.split(".")[0]));
    expect(workflow.jobs["test"]?.strategy?.matrix).toEqual({ os: ["ubuntu-latest", "macos-latest", "windows-latest"], node: majors });
    expect(workflow.jobs["typecheck"]?.steps.map((s) => s.run).filter(Boolean)).toEqual(["npm ci", "npm run typecheck"]);
    expect(workflow.jobs["registry"]?.steps.at(-1)?.run).toBe("npx sparkport lint --format github");
  });
});

describe("the GitHub Action", () => {
  const action = parse(read("action.yml")) as { inputs: Record<string, { default: string }>; runs: { using: string; steps: Step[] } };
  const lintStep = action.runs.steps.find((s) => s.run?.includes("lint --format github") === true);

  /** The step's own script in a real bash, its inputs as the runner hands them: environment variables. */
  function runStep(cwd: string, inputs: Record<string, string>) {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", SPARKPORT_BIN: CLI, GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: cwd };
    for (const [name, value] of Object.entries({ registry: "", strict: "false", docs: "", base: "", ...inputs })) env[`SPARKPORT_ACTION_${name.toUpperCase()}`] = value;
    return spawnSync("bash", ["-e", "-c", lintStep?.run ?? "exit 99"], { cwd, encoding: "utf8", env });
  }

  it("is a composite action with the inputs registry, strict, docs and base", () => {
    expect(action.runs.using).toBe("composite");
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(["registry", "strict", "docs", "base"]));
    expect(lintStep?.env).toMatchObject({ SPARKPORT_ACTION_REGISTRY: "${{ inputs.registry }}", SPARKPORT_ACTION_BASE: "${{ inputs.base }}" });
  });

  it.skipIf(skipping(process.platform === "win32", "the action-step case", "the step is a bash script; Windows runners run it in Git Bash, not here"))("runs sparkport lint --format github: annotations, and a failed job on error findings", () => {
    const repo = path.join(scratch, "repo");
    mkdirSync(path.join(repo, "infra"), { recursive: true });
    copyFileSync(path.join(REPO_ROOT, "test", "fixtures", "lint-duplicate-port", "ports.yaml"), path.join(repo, "infra", "ports.yaml"));
    const failing = runStep(repo, { registry: "infra/ports.yaml" });
    expect(failing.status).toBe(1);
    expect(failing.stdout).toMatch(/^::error file=infra\/ports\.yaml,line=\d+/m);

    copyFileSync(path.join(REPO_ROOT, "test", "fixtures", "cli-conflict", "ports.yaml"), path.join(repo, "ports.yaml"));
    // An input is one word, whatever it holds: never spliced into the script.
    const odd = runStep(repo, { registry: "no such; touch pwned $(id)" });
    expect(odd.status).toBe(2);
    expect(odd.stdout + odd.stderr).toContain("no such; touch pwned $(id)");
    expect(existsSync(path.join(repo, "pwned"))).toBe(false);
  });
});

describe("the pre-commit hook", () => {
  it("is sparkport-lint, run by node on the whole repository rather than on each file", () => {
    const hooks = parse(read(".pre-commit-hooks.yaml")) as { id: string; entry: string; language: string; pass_filenames: boolean }[];
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ id: "sparkport-lint", entry: "sparkport lint", language: "node", pass_filenames: false });
    const bin = (JSON.parse(read("package.json")) as { bin: Record<string, string> }).bin;
    expect(Object.keys(bin)).toEqual(["sparkport"]);
  });
});
