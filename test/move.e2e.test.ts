import { execFileSync, type ChildProcess } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { close, freeStablePort, listen, startNodeServer } from "./helpers/listeners.js";
import { REPO_ROOT, runCli } from "./helpers/run-cli.js";

// `sparkport move` on a project the test makes: a git repository with ports.yaml (commented) and files that name
// FastAPI's port. Its nodes are on loopback: macmini is this machine (127.0.0.1), the laptop 127.0.0.3; every run is
// --no-remote besides.

/** ports.yaml, FastAPI's base port at `base`. */
const registry = (base: number): string => `# Sparklio port allocation: a copy for tests, its nodes on loopback.
version: 1
nodes:
  macmini: { label: Mac mini, address: 127.0.0.1, os: linux }  # shared infrastructure + backend
  laptop: { label: Laptop, address: 127.0.0.3, os: linux }    # frontend
teams:
  A:
    name: Infrastructure
    ranges: [{ name: databases, from: 5000, to: 5999 }]
  B:
    name: Backend
    # Wider than the guide's 8000-8099, so the test can take ports free on this machine.
    ranges: [{ name: backend, from: 20000, to: 32999 }]
  C:
    name: Frontend
    ranges: [{ name: frontend, from: 3000, to: 3099 }]
environments:
  dev: { offset: 0 }
  test: { offset: 1 }      # base + 1
  staging: { offset: 10 }  # base + 10
services:
  # Shared infrastructure: every team depends on it.
  - name: postgresql
    label: PostgreSQL
    team: A
    node: macmini
    port: 5432
    protocol: tcp
    access: all-nodes
    status: running
    locked: true  # never changes
  - name: fastapi
    label: FastAPI
    team: B
    node: macmini
    port: ${base}           # the base (dev) port
    protocol: http
    access: all-nodes
    status: in-development
    environments:
      dev: {}
      test: { status: reserved }   # base + 1
      staging:                     # base + 10, not deployed yet
  - name: nextjs
    label: Next.js
    team: C
    node: laptop
    port: 3000
    protocol: http
    access: developers-browser
    status: in-development
scan:
  nodes:
    backend/**: macmini
    frontend/**: laptop
    docker-compose.yml: macmini
`;

/** The project's files besides ports.yaml, FastAPI's base port at `base`. */
const projectFiles = (base: number): Record<string, string> => ({
  "backend/.env": `# FastAPI (team B)\nFASTAPI_PORT=${base}\nDATABASE_URL=postgresql://sparklio:secret@127.0.0.1:5432/sparklio\n`,
  "docker-compose.yml": [
    "services:",
    "  fastapi:",
    "    build: ./backend",
    "    ports:",
    `      - "${base}:8000"`,
    "    environment:",
    "      DATABASE_URL: postgresql://sparklio:secret@postgres:5432/sparklio",
    "  postgres:",
    "    image: postgres:16",
    "    ports:",
    '      - "5432:5432"',
    "",
  ].join("\n"),
  "backend/app/settings.py": [
    "from pydantic_settings import BaseSettings",
    "",
    "",
    "class Settings(BaseSettings):",
    `    fastapi_port: int = ${base}`,
    `    fastapi_test_url: str = "http://127.0.0.1:${base + 1}"`,
    '    database_url: str = "postgresql://sparklio:secret@127.0.0.1:5432/sparklio"',
    "",
  ].join("\n"),
  "backend/package.json": [
    "{",
    '  "name": "sparklio-backend",',
    '  "private": true,',
    '  "scripts": {',
    `    "dev:fastapi": "uvicorn app.main:app --host 0.0.0.0 --port ${base}",`,
    '    "lint": "ruff check ."',
    "  }",
    "}",
    "",
  ].join("\n"),
  // Browser code: which way it reaches the API is not certain, so move leaves it for a person.
  "frontend/.env.local": `NEXT_PUBLIC_API_URL=http://127.0.0.1:${base}\n`,
});

const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

/** Every file of the tree but .git, by path. */
async function tree(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && !path.relative(dir, e.parentPath).split(path.sep).includes(".git"));
  const pairs = await Promise.all(files.map(async (e) => [path.relative(dir, path.join(e.parentPath, e.name)), await readFile(path.join(e.parentPath, e.name), "utf8")] as const));
  return Object.fromEntries(pairs.sort(([a], [b]) => a.localeCompare(b)));
}

/** The project in a fresh git repository, committed. */
async function project(base: number): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "sparkport-move-"));
  scratch.push(dir);
  for (const [file, text] of Object.entries({ "ports.yaml": registry(base), ...projectFiles(base) })) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  const git = (...args: string[]): string => execFileSync("git", ["-C", dir, "-c", "user.email=t@example.invalid", "-c", "user.name=t", ...args], { encoding: "utf8" });
  git("init", "-q");
  git("add", ".");
  git("commit", "-qm", "initial allocation");
  return dir;
}

const sparkport = (dir: string, args: string[]) => runCli(["--no-remote", ...args], { cwd: dir });

/** `from` with each [old, new] replaced once. */
const replaced = (from: string, ...pairs: [string, string][]): string =>
  pairs.reduce((text, [a, b]) => {
    expect(text, a).toContain(a);
    return text.replace(a, b);
  }, from);

// FastAPI moves from OLD to NEW, and back: both, with their environments' ports (+1, +10), are free here.
let NEW: number;
let OLD: number;
beforeAll(async () => {
  NEW = await freeStablePort(111);
  OLD = NEW + 100;
});

describe("sparkport move fastapi --port NEW", () => {
  it("without --write: rewrites only the port in ports.yaml, comments kept, and lists every reference to an old port", async () => {
    const dir = await project(OLD);
    const before = await tree(dir);
    const run = await sparkport(dir, ["move", "fastapi", "--port", String(NEW)]);
    expect([run.status, run.stderr]).toEqual([0, ""]);

    const expected = { ...before, "ports.yaml": replaced(registry(OLD), [`    port: ${OLD}           # the base (dev) port`, `    port: ${NEW}           # the base (dev) port`]) };
    expect(await tree(dir)).toEqual(expected);
    // Every comment line stays.
    const comments = (text: string): string[] => text.split("\n").filter((l) => l.includes("#"));
    expect(comments(expected["ports.yaml"] ?? "")).toEqual(comments(registry(OLD)).map((l) => l.replace(String(OLD), String(NEW))));

    expect(run.stdout).toContain(
      [
        `✔ moved FastAPI (dev) ${OLD} → ${NEW}, FastAPI (test) ${OLD + 1} → ${NEW + 1}, FastAPI (staging) ${OLD + 10} → ${NEW + 10} on macmini; wrote ports.yaml`,
        "6 references in the project still use an old port:",
        `  backend/.env:2  FASTAPI_PORT=${OLD}  (--write rewrites it)`,
        `  backend/app/settings.py:5  fastapi_port: int = ${OLD}  (--write rewrites it)`,
        `  backend/package.json:5  "dev:fastapi": "uvicorn app.main:app --host 0.0.0.0 --port ${OLD}"  (--write rewrites it)`,
        `  docker-compose.yml:5  ${OLD}:8000  (--write rewrites it)`,
        `  frontend/.env.local:1  NEXT_PUBLIC_API_URL=http://127.0.0.1:${OLD}  (it runs in a browser, whose way to the service may differ)`,
        `  backend/app/settings.py:6  http://127.0.0.1:${OLD + 1}  (--write rewrites it)`,
        'with --write, move also rewrites the 5 references marked "--write rewrites it"',
        "",
      ].join("\n"),
    );
    // The announcement is the one `diff` prints for the change, under its own title.
    const diff = await runCli(["diff", "HEAD"], { cwd: dir });
    expect(diff.status).toBe(0);
    const announcement = diff.stdout.replace("## Port changes since HEAD", `## Port change: fastapi ${OLD} → ${NEW}`);
    expect(run.stdout.endsWith(`\n\n${announcement}`)).toBe(true);
    expect(announcement).toBe(
      [
        `## Port change: fastapi ${OLD} → ${NEW}`,
        "",
        "| service | environment | node | before | after | locked |",
        "|---|---|---|---|---|---|",
        `| FastAPI (dev) | dev | macmini | ${OLD} | ${NEW} |  |`,
        `| FastAPI (test) | test | macmini | ${OLD + 1} | ${NEW + 1} |  |`,
        `| FastAPI (staging) | staging | macmini | ${OLD + 10} | ${NEW + 10} |  |`,
        "",
        "### Files still using an old port",
        "",
        `- \`backend/.env:2\` FASTAPI_PORT: \`${OLD}\` (FastAPI (dev) ${OLD} → ${NEW})`,
        `- \`backend/app/settings.py:5\` fastapi_port: \`fastapi_port: int = ${OLD}\` (FastAPI (dev) ${OLD} → ${NEW})`,
        `- \`backend/package.json:5\` dev:fastapi: \`uvicorn app.main:app --host 0.0.0.0 --port ${OLD}\` (FastAPI (dev) ${OLD} → ${NEW})`,
        `- \`docker-compose.yml:5\` fastapi: \`${OLD}:8000\` (FastAPI (dev) ${OLD} → ${NEW})`,
        `- \`frontend/.env.local:1\` NEXT_PUBLIC_API_URL: \`http://127.0.0.1:${OLD}\` (FastAPI (dev) ${OLD} → ${NEW})`,
        `- \`backend/app/settings.py:6\` fastapi_test_url: \`http://127.0.0.1:${OLD + 1}\` (FastAPI (test) ${OLD + 1} → ${NEW + 1})`,
        "",
        "### Teams to notify",
        "",
        "- A (Infrastructure)",
        "- C (Frontend)",
        "",
        "",
      ].join("\n"),
    );
  });

  it("with --write: also rewrites the certain references, each file changed only there, and lists what it left for a person", async () => {
    const dir = await project(OLD);
    const before = await tree(dir);
    const run = await sparkport(dir, ["move", "fastapi", "--port", String(NEW), "--write"]);
    expect([run.status, run.stderr]).toEqual([0, ""]);

    const files = projectFiles(OLD);
    expect(await tree(dir)).toEqual({
      ...before,
      "ports.yaml": replaced(registry(OLD), [`port: ${OLD} `, `port: ${NEW} `]),
      "backend/.env": replaced(files["backend/.env"] ?? "", [`FASTAPI_PORT=${OLD}`, `FASTAPI_PORT=${NEW}`]),
      "docker-compose.yml": replaced(files["docker-compose.yml"] ?? "", [`"${OLD}:8000"`, `"${NEW}:8000"`]),
      "backend/app/settings.py": replaced(
        files["backend/app/settings.py"] ?? "",
        [`fastapi_port: int = ${OLD}`, `fastapi_port: int = ${NEW}`],
        [`http://127.0.0.1:${OLD + 1}`, `http://127.0.0.1:${NEW + 1}`],
      ),
      "backend/package.json": replaced(files["backend/package.json"] ?? "", [`--port ${OLD}"`, `--port ${NEW}"`]),
      // Left as it was: the browser's way to the API is a person's call.
      "frontend/.env.local": files["frontend/.env.local"],
    });

    // Each file's diff, as lint --fix --write shows it (a password masked on the screen only).
    expect(run.stdout).toContain(
      [
        "--- backend/.env",
        "+++ backend/.env",
        "@@ -1,3 +1,3 @@",
        " # FastAPI (team B)",
        `-FASTAPI_PORT=${OLD}`,
        `+FASTAPI_PORT=${NEW}`,
        " DATABASE_URL=postgresql://sparklio:***@127.0.0.1:5432/sparklio",
        "✔ wrote backend/.env",
        "",
      ].join("\n"),
    );
    for (const file of ["backend/app/settings.py", "backend/package.json", "docker-compose.yml"]) expect(run.stdout).toContain(`✔ wrote ${file}\n`);
    expect(run.stdout).not.toContain("wrote frontend/.env.local");
    expect(run.stdout).toContain(
      [
        "1 reference to an old port left for a person:",
        `  frontend/.env.local:1  NEXT_PUBLIC_API_URL=http://127.0.0.1:${OLD}  (it runs in a browser, whose way to the service may differ)`,
        "",
        `## Port change: fastapi ${OLD} → ${NEW}`,
      ].join("\n"),
    );
    // The announcement lists what is left, as diff does after the files were written.
    const diff = await runCli(["diff", "HEAD"], { cwd: dir });
    expect(run.stdout.endsWith(diff.stdout.replace("## Port changes since HEAD", `## Port change: fastapi ${OLD} → ${NEW}`))).toBe(true);
    expect(diff.stdout).toContain(
      `### Files still using an old port\n\n- \`frontend/.env.local:1\` NEXT_PUBLIC_API_URL: \`http://127.0.0.1:${OLD}\` (FastAPI (dev) ${OLD} → ${NEW})\n\n`,
    );

    const json = await sparkport(dir, ["move", "fastapi", "--port", String(OLD), "--write", "--json"]);
    const result = JSON.parse(json.stdout) as { plan: { ports: Record<string, number> }; fixes: { file: string }[]; references: { file: string; certain: boolean; reason?: string }[] };
    // Moved back: every file as it was but the one a person was to change, which now names the port again.
    expect(result.plan.ports).toEqual({ dev: OLD, test: OLD + 1, staging: OLD + 10 });
    expect(result.fixes.map((f) => f.file)).toEqual(["backend/.env", "backend/app/settings.py", "backend/package.json", "docker-compose.yml"]);
    expect(result.references).toEqual([]);
    expect(await tree(dir)).toEqual(before);
  });

  it("a port held by a real listener on this node is refused: exit 1, nothing written", async () => {
    const dir = await project(OLD);
    const before = await tree(dir);
    const holder: ChildProcess = await startNodeServer("127.0.0.1", NEW);
    try {
      const run = await sparkport(dir, ["move", "fastapi", "--port", String(NEW), "--write"]);
      expect(run.status).toBe(1);
      expect(run.stdout).toContain(`✖ port-held-locally  ${NEW} is held on this machine by node (PID ${holder.pid}`);
      expect(run.stdout).toContain(") on 127.0.0.1\n    fix: stop that process, or take another port\n");
      expect(run.stdout.trimEnd().endsWith("nothing was written")).toBe(true);
      expect(run.stdout).not.toContain("## Port change");
      expect(await tree(dir)).toEqual(before);
    } finally {
      holder.kill();
    }
  });

  it("checks the new port as allocate does: the team's range, a port allocated or reserved, derived ports included", async () => {
    const dir = await project(OLD);
    const before = await tree(dir);
    const cases: [string[], string[]][] = [
      [["fastapi", "--port", "3005"], ["port-outside-team-range  3005 is outside team B's ranges (20000-32999)", "port-outside-team-range  3006 is outside team B's ranges"]],
      [["fastapi.test", "--port", "5432"], ["allocate-locked  5432 is the locked port of PostgreSQL (team A) on macmini"]],
      // Staging onto test's port, which does not move with it.
      [
        ["fastapi.staging", "--port", String(OLD + 1)],
        [`port-allocated  ${OLD + 1} is allocated to FastAPI (test)`, "fix: move to another port: `sparkport next --team TEAM` lists the team's free ones"],
      ],
    ];
    for (const [args, messages] of cases) {
      const run = await sparkport(dir, ["move", ...args]);
      expect(run.status, args.join(" ")).toBe(1);
      for (const message of messages) expect(run.stdout, args.join(" ")).toContain(message);
      // allocate's way out, not move's: move has no port to leave out.
      expect(run.stdout).not.toMatch(/leave out --port|leave --port out/);
      expect(run.stdout).toContain("nothing was written");
    }
    expect(await tree(dir)).toEqual(before);
  });
});

describe("sparkport move SERVICE.ENV moves that environment's own port", () => {
  it("writes an explicit port for the environment, not the base: added to its map, or filling an empty one", async () => {
    const dir = await project(OLD);
    const before = await tree(dir);
    const test = await sparkport(dir, ["move", "fastapi.test", "--port", String(NEW + 1), "--write"]);
    expect([test.status, test.stderr]).toEqual([0, ""]);
    const staging = await sparkport(dir, ["move", "fastapi.staging", "--port", String(NEW + 10)]);
    expect([staging.status, staging.stderr]).toEqual([0, ""]);

    const settings = projectFiles(OLD)["backend/app/settings.py"] ?? "";
    expect(await tree(dir)).toEqual({
      ...before,
      "ports.yaml": replaced(
        registry(OLD),
        ["      test: { status: reserved }   # base + 1", `      test: { status: reserved, port: ${NEW + 1} }   # base + 1`],
        ["      staging:                     # base + 10", `      staging: { port: ${NEW + 10} }                     # base + 10`],
      ),
      // Only the test environment's URL: the base port and its references stay.
      "backend/app/settings.py": replaced(settings, [`http://127.0.0.1:${OLD + 1}`, `http://127.0.0.1:${NEW + 1}`]),
    });
    expect(test.stdout).toContain(`✔ moved FastAPI (test) ${OLD + 1} → ${NEW + 1} on macmini; wrote ports.yaml\n`);
    expect(test.stdout).toContain(`| FastAPI (test) | test | macmini | ${OLD + 1} | ${NEW + 1} |  |\n\n`);
    expect(staging.stdout).toContain(`✔ moved FastAPI (staging) ${OLD + 10} → ${NEW + 10} on macmini; wrote ports.yaml\n✔ no file of the project uses an old port\n`);

    // The base moves on its own now: the environments with their own port stay where they are.
    const base = await sparkport(dir, ["move", "fastapi.dev", "--port", String(NEW)]);
    expect(base.status).toBe(0);
    expect(base.stdout).toContain(`✔ moved FastAPI (dev) ${OLD} → ${NEW} on macmini; wrote ports.yaml\n`);
  });
});

describe("sparkport move on the quick start, as the README shows it", () => {
  it("move fastapi.test --port 8005 adds the port to its flow map inside another, and nothing else changes", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "sparkport-move-quickstart-"));
    scratch.push(dir);
    await cp(path.join(REPO_ROOT, "examples", "quickstart"), dir, { recursive: true });
    const before = await readFile(path.join(dir, "ports.yaml"), "utf8");
    const run = await sparkport(dir, ["move", "fastapi.test", "--port", "8005"]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toContain("✔ moved FastAPI (test) 8001 → 8005 on macmini; wrote ports.yaml\n");
    expect(await readFile(path.join(dir, "ports.yaml"), "utf8")).toBe(
      replaced(before, ["    environments: {dev: {}, test: {status: reserved}}", "    environments: {dev: {}, test: {status: reserved, port: 8005}}"]),
    );
  });
});

describe("sparkport move SERVICE.dev (offset 0)", () => {
  it("moves the base port, the derived environments with it, as move SERVICE does", async () => {
    const dir = await project(OLD);
    const run = await sparkport(dir, ["move", "fastapi.dev", "--port", String(NEW)]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`FastAPI (dev) ${OLD} → ${NEW}`);
    expect(run.stdout).toContain(`FastAPI (test) ${OLD + 1} → ${NEW + 1}`);
    expect(run.stdout).toContain(`FastAPI (staging) ${OLD + 10} → ${NEW + 10}`);
    expect(await readFile(path.join(dir, "ports.yaml"), "utf8")).toBe(registry(OLD).replace(`    port: ${OLD}           # the base`, `    port: ${NEW}           # the base`));
  });
});

describe("a registry of one team", () => {
  it("has no other team to notify: the announcement prints no empty heading", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "sparkport-move-one-team-"));
    try {
      const one = ["version: 1", "nodes:", "  box: { address: 127.0.0.1, os: linux }", "teams:", "  B: { name: Backend, ranges: [{ name: backend, from: 20000, to: 32999 }] }"];
      const rest = ["environments:", "  dev: { offset: 0 }", "services:", `  - { name: api, team: B, node: box, port: ${OLD}, protocol: http, access: all-nodes, status: running }`, ""];
      await writeFile(path.join(dir, "ports.yaml"), [...one, ...rest].join("\n"));
      const run = await sparkport(dir, ["move", "api", "--port", String(NEW)]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain(`## Port change: api ${OLD} → ${NEW}`);
      expect(run.stdout).not.toContain("Teams to notify");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("a locked service", () => {
  it("is refused without --force, in the run's language, and nothing is written", async () => {
    const dir = await project(OLD);
    const before = await tree(dir);
    const run = await sparkport(dir, ["move", "postgresql", "--port", "5433", "--write"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      [
        "✖ move-locked  postgresql is locked shared infrastructure: its port 5432 must not change, since every team depends on it",
        "    fix: pass --force if every team agreed to the move (the guide asks for an issue a week ahead)",
        "nothing was written",
        "",
      ].join("\n"),
    );
    const ko = await sparkport(dir, ["--lang", "ko", "move", "postgresql", "--port", "5433"]);
    expect(ko.status).toBe(1);
    expect(ko.stdout).toContain("postgresql은 고정된 공통 인프라입니다");
    expect(ko.stdout).toContain("--force를 붙이세요");
    const json = JSON.parse((await sparkport(dir, ["move", "postgresql", "--port", "5433", "--json"])).stdout) as { plan: { refusals: { code: string }[] }; edit: null };
    expect([json.plan.refusals.map((r) => r.code), json.edit]).toEqual([["move-locked"], null]);
    expect(await tree(dir)).toEqual(before);
  });

  it("moves with --force, the announcement marking it locked", async () => {
    const dir = await project(OLD);
    const before = await tree(dir);
    const port = await freeInDatabases();
    const run = await sparkport(dir, ["move", "postgresql", "--port", String(port), "--force"]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(await tree(dir)).toEqual({ ...before, "ports.yaml": replaced(registry(OLD), ["    port: 5432\n", `    port: ${port}\n`]) });
    expect(run.stdout).toContain(`| PostgreSQL | dev | macmini | 5432 | ${port} | yes |`);
    expect(run.stdout).toContain(`  docker-compose.yml:11  5432:5432  (--write rewrites it)\n`);
  });
});

/** A port of team A's databases range (5000-5999) that nothing holds here. */
async function freeInDatabases(): Promise<number> {
  for (let port = 5433; port < 6000; port += 1) {
    try {
      await close(await listen("::", port));
      return port;
    } catch {
      // Held: the next one.
    }
  }
  throw new Error("no free port in 5433-5999");
}

describe("bad input", () => {
  it("is one line on stderr and exit 2, with nothing written", async () => {
    const dir = await project(OLD);
    const before = await tree(dir);
    const cases: [string[], string][] = [
      [["move", "fastap", "--port", String(NEW)], 'sparkport: no service "fastap"; did you mean "fastapi"? Known: postgresql, fastapi, nextjs.'],
      [["move", "fastapi.prod", "--port", String(NEW)], 'sparkport: fastapi has no environment "prod". Its environments: dev, test, staging.'],
      [["move", "fastapi", "--port", "abc"], 'sparkport: --port must be a port 1-65535, got "abc"'],
      [["move", "fastapi", "--port", "0"], 'sparkport: --port must be a port 1-65535, got "0"'],
      [["move", "fastapi", "--port", "70000"], 'sparkport: --port must be a port 1-65535, got "70000"'],
      [["move", "fastapi", "--port", "070"], 'sparkport: --port "070" has a leading zero: write 70 (a YAML reader may take 070 as octal)'],
      [["move", "fastapi", "--port", String(OLD)], `sparkport: fastapi is already on port ${OLD}: nothing to move`],
      [["move", "fastapi.test", "--port", String(OLD + 1), "--write"], `sparkport: fastapi.test is already on port ${OLD + 1}: nothing to move`],
    ];
    for (const [args, line] of cases) {
      const run = await sparkport(dir, args);
      expect([run.status, run.stdout, run.stderr], args.join(" ")).toEqual([2, "", `${line}\n`]);
    }
    const noPort = await sparkport(dir, ["move", "fastapi"]);
    expect(noPort.status).toBe(2);
    expect(noPort.stderr).toContain("--port <port>");
    expect(await tree(dir)).toEqual(before);
  });
});
