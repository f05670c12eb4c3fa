import { access, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { explain } from "../src/commands/explain/explain.js";
import { lint, type LintResult } from "../src/commands/lint/lint.js";
import type { Finding, Severity } from "../src/findings/finding.js";
import type { Code } from "../src/findings/messages.js";
import { nodeFileSystem } from "../src/io/file-system.js";

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
const FIXTURES = path.join(REPO_ROOT, "test", "fixtures");

/** Lint `file` in-process, naming it explicitly and with no SPARKPORT_REGISTRY. */
function lintFile(file: string, options: { strict?: boolean } = {}): Promise<LintResult> {
  return lint({ registry: file, processEnv: {}, cwd: path.dirname(file), fs: nodeFileSystem, ...options });
}

/** Lint test/fixtures/<name>/ports.yaml, from inside its folder. */
function lintFixture(name: string, options: { strict?: boolean } = {}): Promise<LintResult> {
  return lintFile(path.join(FIXTURES, name, "ports.yaml"), options);
}

const sortedCodes = (findings: readonly { code: Code }[]): Code[] => findings.map((f) => f.code).sort();

interface Where {
  code: Code;
  severity: Severity;
  line: number;
  column: number;
  path: string;
}

const where = (f: Finding): Where => ({
  code: f.code,
  severity: f.severity,
  line: f.location.line ?? -1,
  column: f.location.column ?? -1,
  path: f.location.path ?? "",
});

interface RuleCase {
  /** Every code raised, sorted: exactly these and nothing else. */
  codes: Code[];
  /** Where each finding is, in lint's order (severity, then position). */
  findings: Where[];
  /** Substrings of each finding's message, in the same order. */
  messages: string[][];
  /** The other side of a collision, for the first finding. */
  related?: { line: number; column: number; path: string }[];
  exitCode: number;
  /** Why a fixture raises more than its own code. */
  note?: string;
}

/**
 * One fixture per lint rule code, test/fixtures/lint-<code>/ports.yaml. Every
 * fixture is a valid registry that raises exactly `codes`: its own code and,
 * where `note` says why, nothing else.
 */
const RULE_CASES: Record<string, RuleCase> = {
  "duplicate-port": {
    codes: ["duplicate-port"],
    findings: [{ code: "duplicate-port", severity: "error", line: 33, column: 11, path: "services[1].port" }],
    messages: [["port 20001/tcp on alpha is allocated to one, two"]],
    related: [{ line: 26, column: 11, path: "services[0].port" }],
    exitCode: 1,
  },
  "env-port-collision": {
    codes: ["env-port-collision"],
    findings: [{ code: "env-port-collision", severity: "error", line: 30, column: 13, path: "services[0].environments.test" }],
    messages: [["port 20001/tcp on alpha", "one (test), two"]],
    related: [{ line: 34, column: 11, path: "services[1].port" }],
    exitCode: 1,
  },
  "outside-team-range": {
    codes: ["outside-team-range"],
    findings: [{ code: "outside-team-range", severity: "error", line: 33, column: 11, path: "services[1].port" }],
    // The summary range 20000-21999 places nothing, so it is not listed.
    messages: [["outside uses 21001, outside team A's ranges (20000-20999)"]],
    exitCode: 1,
  },
  "outside-every-range": {
    codes: ["outside-every-range"],
    findings: [{ code: "outside-every-range", severity: "error", line: 25, column: 11, path: "reservations[1].port" }],
    messages: [["reservation nowhere reserves 22000"]],
    exitCode: 1,
  },
  "team-ranges-overlap": {
    codes: ["team-ranges-overlap"],
    findings: [{ code: "team-ranges-overlap", severity: "error", line: 17, column: 9, path: "teams.B.ranges[0]" }],
    messages: [["range B.main (20900-21499) overlaps A.main (20000-20999) on 20900-20999"]],
    related: [{ line: 11, column: 9, path: "teams.A.ranges[0]" }],
    exitCode: 1,
  },
  "invalid-range": {
    codes: ["invalid-range", "invalid-range"],
    findings: [
      { code: "invalid-range", severity: "error", line: 14, column: 9, path: "teams.A.ranges[1]" },
      { code: "invalid-range", severity: "error", line: 17, column: 9, path: "teams.A.ranges[2]" },
    ],
    messages: [["range A.backwards runs from 25999 to 25000"], ["range A.too-high runs from 65000 to 70000"]],
    exitCode: 1,
  },
  "env-offset-broken": {
    codes: ["env-offset-broken"],
    findings: [{ code: "env-offset-broken", severity: "warning", line: 29, column: 15, path: "services[0].environments.staging.port" }],
    messages: [["one in staging uses 20005, but base + 10 is 20010"]],
    exitCode: 0,
  },
  "reservation-collision": {
    codes: ["reservation-collision"],
    findings: [{ code: "reservation-collision", severity: "error", line: 40, column: 11, path: "reservations[0].port" }],
    messages: [["reservation held on 20001 collides with one on alpha"]],
    related: [{ line: 25, column: 11, path: "services[0].port" }],
    exitCode: 1,
  },
  "unknown-node": {
    codes: ["unknown-node"],
    findings: [{ code: "unknown-node", severity: "error", line: 20, column: 11, path: "services[0].node" }],
    messages: [['runs on node "alpa", which is not declared; did you mean "alpha"?']],
    exitCode: 1,
  },
  "unknown-team": {
    codes: ["unknown-team"],
    findings: [{ code: "unknown-team", severity: "error", line: 19, column: 11, path: "services[0].team" }],
    messages: [['names team "backnd", which is not declared; did you mean "backend"?']],
    exitCode: 1,
  },
  "unknown-environment": {
    codes: ["unknown-environment"],
    findings: [{ code: "unknown-environment", severity: "error", line: 29, column: 15, path: "services[0].environments.stagng" }],
    messages: [['lists environment "stagng", which is not declared; did you mean "staging"?']],
    exitCode: 1,
  },
  "unknown-section": {
    codes: ["unknown-section"],
    findings: [{ code: "unknown-section", severity: "error", line: 33, column: 14, path: "services[1].section" }],
    messages: [['two is listed under section "frontend", which is not declared']],
    exitCode: 1,
  },
  "duplicate-name": {
    codes: ["duplicate-name"],
    findings: [{ code: "duplicate-name", severity: "error", line: 26, column: 11, path: "reservations[0].name" }],
    messages: [['the name "one" is used by 2 entries']],
    related: [{ line: 18, column: 11, path: "services[0].name" }],
    exitCode: 1,
  },
  "port-out-of-range": {
    codes: ["outside-team-range", "port-out-of-range"],
    findings: [
      { code: "outside-team-range", severity: "error", line: 22, column: 11, path: "services[0].port" },
      { code: "port-out-of-range", severity: "error", line: 22, column: 11, path: "services[0].port" },
    ],
    messages: [["one uses 70000, outside team A's ranges"], ["one uses 70000, outside 1-65535"]],
    exitCode: 1,
    note: "no team range can hold a port above 65535, so outside-team-range is raised with it",
  },
  "privileged-port": {
    codes: ["privileged-port"],
    findings: [{ code: "privileged-port", severity: "warning", line: 21, column: 11, path: "services[0].port" }],
    messages: [["web uses the privileged port 80"]],
    exitCode: 0,
  },
  "os-reserved-port": {
    codes: ["os-reserved-port", "well-known-default", "well-known-default"],
    note: "5000 is also Flask's default: well-known-default says so for both services",
    findings: [
      { code: "os-reserved-port", severity: "warning", line: 26, column: 11, path: "services[0].port" },
      { code: "well-known-default", severity: "info", line: 26, column: 11, path: "services[0].port" },
      { code: "well-known-default", severity: "info", line: 33, column: 11, path: "services[1].port" },
    ],
    messages: [["api uses 5000, which AirPlay Receiver (ControlCenter) listens on out of the box on mac (macos)"]],
    exitCode: 0,
  },
  "browser-unsafe-port": {
    codes: ["browser-unsafe-port"],
    findings: [{ code: "browser-unsafe-port", severity: "warning", line: 23, column: 11, path: "services[0].port" }],
    messages: [["web serves http on 6667, a port browsers refuse to open (ERR_UNSAFE_PORT)"]],
    exitCode: 0,
  },
  "ephemeral-port": {
    codes: ["ephemeral-port", "ephemeral-port"],
    // services[1] (macos, 40000) and services[2] (windows, 40000) are not flagged.
    findings: [
      { code: "ephemeral-port", severity: "warning", line: 29, column: 11, path: "services[0].port" },
      { code: "ephemeral-port", severity: "warning", line: 50, column: 11, path: "services[3].port" },
    ],
    messages: [
      ["on-linux uses 40000, inside linux's ephemeral range 32768-60999 on tux"],
      ["on-macos-high uses 50000, inside macos's ephemeral range 49152-65535 on mac"],
    ],
    exitCode: 0,
  },
  "well-known-default": {
    codes: ["well-known-default"],
    // services[1] is named "vite" and sits on Vite's own default: not flagged.
    findings: [{ code: "well-known-default", severity: "info", line: 25, column: 11, path: "services[0].port" }],
    messages: [["api uses 5173, the default port of Vite"]],
    exitCode: 0,
  },
  "invalid-node-address": {
    codes: ["invalid-node-address", "invalid-node-address", "invalid-node-address", "invalid-node-address"],
    findings: [
      { code: "invalid-node-address", severity: "error", line: 8, column: 14, path: "nodes.unspecified.address" },
      { code: "invalid-node-address", severity: "error", line: 11, column: 14, path: "nodes.broadcast.address" },
      { code: "invalid-node-address", severity: "error", line: 14, column: 14, path: "nodes.multicast.address" },
      { code: "invalid-node-address", severity: "error", line: 17, column: 14, path: "nodes.unspecified-v6.address" },
    ],
    messages: [
      ["address 0.0.0.0, the unspecified address"],
      ["address 255.255.255.255, the broadcast address"],
      ["address 224.0.0.1, a multicast address"],
      ["address ::, the unspecified address"],
    ],
    exitCode: 1,
  },
  "exception-not-allowed": {
    codes: ["exception-not-allowed", "unknown-node"],
    findings: [
      { code: "unknown-node", severity: "error", line: 21, column: 11, path: "services[0].node" },
      { code: "exception-not-allowed", severity: "error", line: 27, column: 15, path: "services[0].exceptions[0].rule" },
    ],
    messages: [['one runs on node "beta", which is not declared'], ['one declares an exception for "unknown-node", which admits no exceptions']],
    exitCode: 1,
    note: "the excepted finding stays: unknown-node admits no exception",
  },
  "unused-exception": {
    codes: ["unused-exception", "unused-exception"],
    findings: [
      { code: "unused-exception", severity: "warning", line: 27, column: 15, path: "services[0].exceptions[0].rule" },
      { code: "unused-exception", severity: "warning", line: 29, column: 15, path: "services[0].exceptions[1].rule" },
    ],
    messages: [
      ['one declares an exception for "privileged-port", but no such finding is raised there'],
      ['"outside-team-rnage", but no such finding is raised there; did you mean "outside-team-range"?'],
    ],
    exitCode: 0,
  },
};

describe("lint rules, one fixture per code", () => {
  for (const [code, expected] of Object.entries(RULE_CASES)) {
    it(`lint-${code}/ports.yaml raises ${expected.codes.join(", ")}${expected.note === undefined ? "" : ` (${expected.note})`}`, async () => {
      const result = await lintFixture(`lint-${code}`);
      expect(sortedCodes(result.findings)).toEqual(expected.codes);
      expect(result.findings.map(where)).toEqual(expected.findings);
      for (const finding of result.findings) expect(finding.location.file).toBe("ports.yaml");
      result.findings.forEach((finding, i) => {
        for (const text of expected.messages[i] ?? []) expect(finding.message).toContain(text);
        expect(finding.fix, `${finding.code} has a fix`).toBeTruthy();
      });
      if (expected.related !== undefined) {
        expect(result.findings[0]?.related?.map((r) => ({ line: r.line, column: r.column, path: r.path }))).toEqual(expected.related);
      }
      expect(result.excepted).toEqual([]);
      expect(result.exitCode).toBe(expected.exitCode);
    });
  }

  it("the message of a misspelt exception suggests the rule code it was meant to be", async () => {
    const result = await lintFixture("lint-unused-exception");
    const [stale, misspelt] = result.findings;
    expect(stale?.message).not.toContain("did you mean");
    expect(misspelt?.message).toContain('did you mean "outside-team-range"?');
  });

  it("well-known-default: a tool on its own default port is not flagged", async () => {
    const result = await lintFixture("lint-well-known-default");
    expect(result.findings.map((f) => f.location.path)).toEqual(["services[0].port"]);
    expect(result.findings.some((f) => f.location.path === "services[1].port")).toBe(false);
  });

  it("ephemeral-port: 40000 is ephemeral on linux only, 50000 on macos too", async () => {
    const result = await lintFixture("lint-ephemeral-port");
    const flagged = result.findings.map((f) => f.location.path);
    expect(flagged).toContain("services[0].port"); // linux, 40000
    expect(flagged).not.toContain("services[1].port"); // macos, 40000
    expect(flagged).not.toContain("services[2].port"); // windows, 40000
    expect(flagged).toContain("services[3].port"); // macos, 50000
  });

  it("covers every code that `sparkport explain` lists with a fixture that raises it", async () => {
    // docs-out-of-date and docs-missing compare a rendered document with a Markdown file, so they
    // need `lint --docs FILE`, not a registry fixture: they are covered in cli.e2e.
    const covered = explain()
      .filter((r) => r.group === "registry")
      .map((r) => r.code)
      .filter((c) => c !== "docs-out-of-date" && c !== "docs-missing");
    expect(covered.length).toBeGreaterThan(0);
    expect(Object.keys(RULE_CASES).sort()).toEqual([...new Set(covered)].sort());
    for (const code of covered) {
      const file = path.join(FIXTURES, `lint-${code}`, "ports.yaml");
      await expect(access(file), `${file} exists`).resolves.toBeUndefined();
      const result = await lintFile(file);
      expect(result.findings.map((f) => f.code), `lint-${code} raises ${code}`).toContain(code);
    }
  });
});

describe("exceptions, --strict and the repo's own registry", () => {
  let scratch: string;
  beforeEach(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), "sparkport-lint-"));
  });
  afterEach(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  /** Write `text` as ports.yaml in the scratch folder and lint it. */
  async function lintText(text: string): Promise<LintResult> {
    const file = path.join(scratch, "ports.yaml");
    await writeFile(file, text, "utf8");
    return lintFile(file);
  }

  const fixtureText = (name: string): Promise<string> => readFile(path.join(FIXTURES, name, "ports.yaml"), "utf8");

  const exception = (rule: string, reason: string): string => `    exceptions:\n      - rule: ${rule}\n        reason: ${reason}\n`;

  it("an exception on the entry that raises the finding suppresses it, with its reason, and lint exits 0", async () => {
    // The fixture ends with the service "outside" (services[1]): exempt it.
    const text = (await fixtureText("lint-outside-team-range")) + exception("outside-team-range", "a legacy port kept on purpose");
    const result = await lintText(text);
    expect(result.findings).toEqual([]);
    expect(result.excepted).toHaveLength(1);
    expect(result.excepted[0]?.reason).toBe("a legacy port kept on purpose");
    expect(result.excepted[0] && where(result.excepted[0].finding)).toEqual({
      code: "outside-team-range",
      severity: "error",
      line: 33,
      column: 11,
      path: "services[1].port",
    });
    expect(result.exitCode).toBe(0);
  });

  it("an exception on another entry suppresses nothing and is itself reported as unused", async () => {
    // Exempt services[0] ("inside") instead of the service that is outside.
    const text = (await fixtureText("lint-outside-team-range")).replace(
      "    status: running\n",
      `    status: running\n${exception("outside-team-range", "on the wrong entry")}`,
    );
    const result = await lintText(text);
    expect(sortedCodes(result.findings)).toEqual(["outside-team-range", "unused-exception"]);
    expect(result.findings.find((f) => f.code === "unused-exception")?.location.path).toBe("services[0].exceptions[0].rule");
    expect(result.excepted).toEqual([]);
    expect(result.exitCode).toBe(1);
  });

  it("a collision is suppressed by an exception on either side", async () => {
    // reservation-collision's subjects are the reservation and the services it hits.
    const text = (await fixtureText("lint-reservation-collision")).replace(
      "    status: running\n",
      `    status: running\n${exception("reservation-collision", "the reservation documents the port")}`,
    );
    const result = await lintText(text);
    expect(result.findings).toEqual([]);
    expect(result.excepted.map((e) => [e.finding.code, e.reason])).toEqual([["reservation-collision", "the reservation documents the port"]]);
    expect(result.exitCode).toBe(0);
  });

  it("team-ranges-overlap names the range by its index in the file when an inverted range comes before it", async () => {
    // Regression: the rule used to index ranges after dropping inverted ones,
    // so A.main was called teams.A.ranges[0] (A.backwards) and an exception
    // declared on A.main did not apply.
    const registry = (rangeException?: string): string =>
      [
        "version: 1",
        "nodes:",
        "  alpha:",
        "    address: 127.0.0.1",
        "    os: linux",
        "teams:",
        "  A:",
        "    name: Alpha",
        "    ranges:",
        "      - name: backwards",
        "        from: 25999",
        "        to: 25000",
        "      - name: main",
        "        from: 20000",
        "        to: 20999",
        ...(rangeException === undefined ? [] : [rangeException]),
        "  B:",
        "    name: Beta",
        "    ranges:",
        "      - name: main",
        "        from: 20900",
        "        to: 21499",
        "environments:",
        "  dev:",
        "    offset: 0",
        "services: []",
        "",
      ].join("\n");

    const plain = await lintText(registry());
    expect(plain.findings.map(where)).toEqual([
      { code: "invalid-range", severity: "error", line: 10, column: 9, path: "teams.A.ranges[0]" },
      { code: "team-ranges-overlap", severity: "error", line: 19, column: 9, path: "teams.B.ranges[0]" },
    ]);
    const overlap = plain.findings.find((f) => f.code === "team-ranges-overlap");
    expect(overlap?.related?.map((r) => [r.line, r.column, r.path])).toEqual([[13, 9, "teams.A.ranges[1]"]]);

    const excepted = await lintText(
      registry("        exceptions:\n          - rule: team-ranges-overlap\n            reason: B borrows the top of A.main"),
    );
    expect(sortedCodes(excepted.findings)).toEqual(["invalid-range"]);
    expect(excepted.excepted.map((e) => [e.finding.code, e.reason])).toEqual([["team-ranges-overlap", "B borrows the top of A.main"]]);
  });

  it("--strict turns a warning into an error and exit code 1", async () => {
    const relaxed = await lintFixture("lint-privileged-port");
    expect(relaxed.findings.map((f) => [f.code, f.severity])).toEqual([["privileged-port", "warning"]]);
    expect(relaxed.exitCode).toBe(0);

    const strict = await lintFixture("lint-privileged-port", { strict: true });
    expect(strict.findings.map((f) => [f.code, f.severity])).toEqual([["privileged-port", "error"]]);
    expect(strict.exitCode).toBe(1);
  });

  it("the repo's own ports.yaml lints with no findings and exactly 4 declared exceptions", async () => {
    const result = await lint({ registry: path.join(REPO_ROOT, "ports.yaml"), processEnv: {}, cwd: REPO_ROOT, fs: nodeFileSystem });
    expect(result.findings).toEqual([]);
    expect(result.excepted.map((e) => e.finding.code).sort()).toEqual([
      "outside-every-range",
      "outside-team-range",
      "team-ranges-overlap",
      "well-known-default",
    ]);
    for (const e of result.excepted) expect(e.reason.length).toBeGreaterThan(0);
    expect(result.exitCode).toBe(0);
  });
});
