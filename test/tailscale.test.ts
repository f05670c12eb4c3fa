import { execFile } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandRunner } from "../src/io/command-runner.js";
import { parseTailscaleStatus, TailscaleStatusError, type TailscaleStatus } from "../src/observe/parse/tailscale-status.js";
import { findTailscaleNode, isTailscaleRunning, readTailscaleStatus, resolveTailscaleName } from "../src/observe/read-tailscale-status.js";
import { OS_FIXTURES } from "./helpers/os-fixtures.js";

/** Real captures (see SOURCES.md there): Tailscale 1.102.4 on Windows, and the invalid tail of the same paste. */
const STATUS_JSON = path.join(OS_FIXTURES, "tailscale-status.json");
const MOJIBAKE_TAIL = path.join(OS_FIXTURES, "tailscale-status-user-block-mojibake.txt");

const SELF_IPS = ["100.100.95.89", "fd7a:115c:a1e0::a028:5f5a"];
const IPAD_IPS = ["100.78.141.76", "fd7a:115c:a1e0::1628:8d4d"];
const IPHONE_IPS = ["100.120.27.49", "fd7a:115c:a1e0::8328:1b32"];

// Constructed, not captured: the shape `tailscale status --json` has after
// `tailscale down` (BackendState "Stopped", nulls where Go has nil slices).
const STOPPED_JSON = JSON.stringify({
  Version: "1.102.4-t3caf7d9e7-g084ee3b64",
  TUN: true,
  BackendState: "Stopped",
  AuthURL: "",
  TailscaleIPs: null,
  Self: { HostName: "unagi", DNSName: "", OS: "windows", TailscaleIPs: null, Online: false },
  Health: [],
  Peer: null,
});

let status: TailscaleStatus;
beforeAll(async () => {
  status = parseTailscaleStatus(await readFile(STATUS_JSON, "utf8"));
});

describe("parseTailscaleStatus", () => {
  it("reads the backend state, TUN, this node and the peers from real output", () => {
    expect(status.backendState).toBe("Running");
    expect(status.tun).toBe(true);
    expect(status.magicDnsSuffix).toBe("tail8b25a2.ts.net");
    expect(status.self).toEqual({ hostName: "unagi", dnsName: "unagi.tail8b25a2.ts.net.", ips: SELF_IPS, online: true, os: "windows" });
    expect(status.peers).toEqual([
      { hostName: "localhost", dnsName: "ipad157.tail8b25a2.ts.net.", ips: IPAD_IPS, online: true, os: "iOS" },
      { hostName: "localhost", dnsName: "iphone-13.tail8b25a2.ts.net.", ips: IPHONE_IPS, online: true, os: "iOS" },
    ]);
  });

  it("accepts the nulls and missing fields of a stopped or older tailscale", () => {
    expect(parseTailscaleStatus(STOPPED_JSON)).toEqual({
      backendState: "Stopped",
      tun: true,
      self: { hostName: "unagi", dnsName: "", ips: [], online: false, os: "windows" },
      peers: [],
      magicDnsSuffix: undefined,
    });
    expect(parseTailscaleStatus('{"BackendState":"NeedsLogin","Self":null}')).toEqual({
      backendState: "NeedsLogin",
      tun: undefined,
      self: undefined,
      peers: [],
      magicDnsSuffix: undefined,
    });
  });

  it("accepts a byte-order mark before the JSON", () => {
    expect(parseTailscaleStatus(`\uFEFF${STOPPED_JSON}`).backendState).toBe("Stopped");
  });

  it("throws TailscaleStatusError (invalid-json) for the real mojibake-broken tail, empty output and text", async () => {
    const broken = await readFile(MOJIBAKE_TAIL, "utf8");
    for (const text of [broken, "", "Tailscale is stopped.\n"]) {
      const error = catchError(() => parseTailscaleStatus(text));
      expect(error).toBeInstanceOf(TailscaleStatusError);
      expect(error).toMatchObject({ kind: "invalid-json" });
    }
    expect(catchError(() => parseTailscaleStatus(""))).toMatchObject({ details: ["the output is empty"] });
  });

  it("throws TailscaleStatusError (unexpected-shape) naming where the shape is wrong", () => {
    expect(catchError(() => parseTailscaleStatus("[]"))).toMatchObject({ kind: "unexpected-shape", details: [expect.stringMatching(/^\(top level\): /)] });
    expect(catchError(() => parseTailscaleStatus('{"BackendState": 1}'))).toMatchObject({ details: [expect.stringMatching(/^BackendState: /)] });
    const error = catchError(() => parseTailscaleStatus('{"BackendState":"Running","Peer":{"nodekey:ab":{"Online":"yes"}}}'));
    expect(error).toMatchObject({ kind: "unexpected-shape", details: [expect.stringMatching(/^Peer\.nodekey:ab\.Online: /)] });
    expect(error?.message).toMatch(/^tailscale status --json output does not have the expected shape: Peer\.nodekey:ab\.Online: /);
  });
});

function catchError(action: () => unknown): Error | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  return undefined;
}

describe("resolveTailscaleName", () => {
  it.each(["unagi", "UNAGI", "unagi.", "unagi.tail8b25a2.ts.net", "unagi.tail8b25a2.ts.net.", "Unagi.Tail8b25a2.TS.net."])("%j is this node", (name) => {
    expect(resolveTailscaleName(status, name)).toEqual(SELF_IPS);
    expect(findTailscaleNode(status, name)).toMatchObject({ kind: "found", isSelf: true });
  });

  it("finds peers by MagicDNS name, short or full", () => {
    expect(resolveTailscaleName(status, "iphone-13")).toEqual(IPHONE_IPS);
    expect(resolveTailscaleName(status, "ipad157.tail8b25a2.ts.net.")).toEqual(IPAD_IPS);
    expect(findTailscaleNode(status, "IPad157")).toMatchObject({ kind: "found", isSelf: false, node: { os: "iOS" } });
  });

  it("calls a host name two nodes share ambiguous and resolves it to nothing", () => {
    const match = findTailscaleNode(status, "localhost");
    expect(match.kind).toBe("ambiguous");
    expect(match.kind === "ambiguous" ? match.candidates.map((c) => c.dnsName) : []).toEqual(["ipad157.tail8b25a2.ts.net.", "iphone-13.tail8b25a2.ts.net."]);
    expect(resolveTailscaleName(status, "localhost")).toEqual([]);
  });

  it("finds nothing for unknown names, another tailnet's suffix or an empty name", () => {
    for (const name of ["nope", "unagi.other-tailnet.ts.net", "tail8b25a2.ts.net", "", " "]) {
      expect(findTailscaleNode(status, name)).toEqual({ kind: "not-found" });
      expect(resolveTailscaleName(status, name)).toEqual([]);
    }
  });

  it("matches a host name when no DNS name does and only one node has it", () => {
    const stopped = parseTailscaleStatus(STOPPED_JSON);
    expect(findTailscaleNode(stopped, "Unagi")).toMatchObject({ kind: "found", isSelf: true });
    expect(resolveTailscaleName(stopped, "unagi")).toEqual([]);
  });
});

describe("readTailscaleStatus with a fake tailscale on PATH", () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), "sparkport-tailscale-"));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  /** Runs programs like nodeCommandRunner, but finds them on `searchPath` only. */
  function runnerWithPath(searchPath: string): CommandRunner {
    return {
      run(file, args, options) {
        return new Promise((resolve, reject) => {
          execFile(
            file,
            [...args],
            { timeout: options?.timeoutMs ?? 5_000, encoding: "utf8", shell: false, env: { ...process.env, PATH: searchPath } },
            (error, stdout, stderr) => {
              if (error !== null && (error.code === "ENOENT" || error.code === "EACCES")) {
                reject(error);
                return;
              }
              const code = error === null ? 0 : typeof error.code === "number" ? error.code : null;
              resolve({ code, stdout, stderr });
            },
          );
        });
      },
    };
  }

  let fakes = 0;
  /** A directory holding an executable `tailscale` that checks its arguments, then runs `body`. */
  async function fakeTailscale(body: string, mode = 0o755): Promise<CommandRunner> {
    fakes += 1;
    const dir = await mkdtemp(path.join(scratch, `fake-${fakes}-`));
    const script = path.join(dir, "tailscale");
    await writeFile(
      script,
      [
        "#!/bin/sh",
        'if [ "$#" -ne 2 ] || [ "$1" != status ] || [ "$2" != --json ]; then echo "fake tailscale: unexpected arguments: $*" >&2; exit 64; fi',
        body,
        "",
      ].join("\n"),
    );
    await chmod(script, mode);
    return runnerWithPath(`${dir}${path.delimiter}${process.env.PATH ?? "/usr/bin:/bin"}`);
  }

  const quote = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;

  it("parses the real output it prints", async () => {
    const read = await readTailscaleStatus(await fakeTailscale(`cat ${quote(STATUS_JSON)}`));
    expect(read).toMatchObject({ available: true, status: { backendState: "Running", self: { hostName: "unagi" } } });
    expect("status" in read && isTailscaleRunning(read.status)).toBe(true);
  });

  it("returns a stopped status (exit 0) that is not running", async () => {
    const file = path.join(scratch, "stopped.json");
    await writeFile(file, STOPPED_JSON);
    const read = await readTailscaleStatus(await fakeTailscale(`cat ${quote(file)}`));
    expect(read).toMatchObject({ available: true, status: { backendState: "Stopped" } });
    expect("status" in read && isTailscaleRunning(read.status)).toBe(false);
  });

  it("turns malformed output into an error result, never a throw", async () => {
    const read = await readTailscaleStatus(await fakeTailscale(`cat ${quote(MOJIBAKE_TAIL)}`));
    expect(read).toEqual({ available: true, error: expect.stringMatching(/^tailscale status --json output is not valid JSON: /) });
  });

  it("reports a daemon that is not running (exit 1) with what tailscale said", async () => {
    const said = "failed to connect to local tailscaled; it doesn't appear to be running (sudo systemctl start tailscaled ?)";
    const read = await readTailscaleStatus(await fakeTailscale(`echo ${quote(said)} >&2\nexit 1`));
    expect(read).toEqual({ available: true, error: `tailscale status --json failed with exit code 1: ${said}` });
  });

  it("gives up on a tailscale that hangs", async () => {
    const read = await readTailscaleStatus(await fakeTailscale("exec sleep 10"), { timeoutMs: 300 });
    expect(read).toEqual({ available: true, error: "tailscale status --json did not finish (timed out or killed)" });
  });

  it("is not-installed when no tailscale is on PATH", async () => {
    const empty = await mkdtemp(path.join(scratch, "empty-"));
    expect(await readTailscaleStatus(runnerWithPath(empty))).toEqual({ available: false, reason: "not-installed" });
  });

  it("reports a tailscale that cannot be executed as an error, not as not-installed", async () => {
    const read = await readTailscaleStatus(await fakeTailscale("exit 0", 0o644));
    expect(read).toEqual({ available: true, error: expect.stringMatching(/^could not run tailscale: .*EACCES/) });
  });
});
