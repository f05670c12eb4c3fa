import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTailscalePing, type TailscalePing } from "../src/observe/parse/tailscale-ping.js";
import { OS_FIXTURES, osOutput } from "./helpers/os-fixtures.js";

/** Real `tailscale ping` outputs (see SOURCES.md there). */

const EXPECTED: Record<string, TailscalePing> = {
  "tailscale-ping-direct.txt": { state: "direct", via: "192.168.2.228:41641", latencyMs: 4, quote: "pong from windows (100.105.106.81) via 192.168.2.228:41641 in 4ms" },
  "tailscale-ping-direct-public-issue4882.txt": {
    state: "direct",
    via: "34.129.76.187:41641",
    latencyMs: 43,
    quote: "pong from XXXXX-XXXX-XXX-XXXX (100.78.238.32) via 34.129.76.187:41641 in 43ms",
  },
  // Interrupted with ^C after three DERP pongs.
  "tailscale-ping-ctrl-c-issue4181.txt": { state: "derp", via: "DERP(blr)", latencyMs: 241, quote: "pong from asterisk-dev (100.69.169.87) via DERP(blr) in 241ms" },
  // Go prints durations over a second in seconds: the first pong took 1.023s, the last (quoted) 470ms.
  "tailscale-ping-derp-seconds-issue4766.txt": { state: "derp", via: "DERP(fra)", latencyMs: 470, quote: "pong from xxx (100.108.29.50) via DERP(fra) in 470ms" },
  // Timeouts between DERP pongs, then "direct connection not established".
  "tailscale-ping-derp-timeouts-not-direct.txt": { state: "derp", via: "DERP(CN-NB)", latencyMs: 87, quote: "pong from windows (100.105.106.81) via DERP(CN-NB) in 87ms" },
  // Two runs, to two peers, both without a reply.
  "tailscale-ping-no-reply.txt": { state: "timeout", quote: 'ping "100.87.199.13" timed out' },
  "tailscale-ping-stopped-issue4882.txt": { state: "stopped", quote: "Tailscale is stopped." },
};

describe("parseTailscalePing on every tailscale-ping fixture", () => {
  it("has an expectation for each tailscale-ping-*.txt file", () => {
    const files = readdirSync(OS_FIXTURES).filter((name) => name.startsWith("tailscale-ping-"));
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))("%s", (file, expected) => {
    expect(parseTailscalePing(osOutput(file))).toEqual(expected);
  });

  it.each(Object.entries(EXPECTED))("%s with CRLF line endings", (file, expected) => {
    expect(parseTailscalePing(osOutput(file).replace(/\r?\n/g, "\r\n"))).toEqual(expected);
  });

  it("reads a duration in seconds", () => {
    const first = osOutput("tailscale-ping-derp-seconds-issue4766.txt").split("\n")[0] ?? "";
    expect(parseTailscalePing(first)).toMatchObject({ state: "derp", latencyMs: 1023 });
  });

  it("says direct when a DERP pong is followed by a direct one", () => {
    const text = [osOutput("tailscale-ping-ctrl-c-issue4181.txt").split("\n")[0], osOutput("tailscale-ping-direct.txt")].join("\n");
    expect(parseTailscalePing(text)).toMatchObject({ state: "direct", via: "192.168.2.228:41641" });
  });
});

describe("parseTailscalePing on public samples", () => {
  // tailscale/tailscale#16419: the daemon is not running.
  it("says stopped when tailscaled is not running", () => {
    const line = "failed to connect to local tailscaled; it doesn't appear to be running (sudo systemctl start tailscaled ?)";
    expect(parseTailscalePing(line)).toEqual({ state: "stopped", quote: line });
  });

  // tailscale/tailscale#7229: two runs pasted together, the first failing while the daemon runs, the second direct.
  it("does not take a daemon that runs but failed to answer for stopped", () => {
    const first = 'failed to connect to local tailscaled (which appears to be running as tailscaled, pid 147358). Got error: Get "http://local-tailscaled.sock/localapi/v0/status": EOF';
    const second = "pong from nbecker8 (100.121.189.22) via 10.32.112.180:41641 in 5ms";
    expect(parseTailscalePing(first)).toEqual({ state: "unknown", quote: first });
    expect(parseTailscalePing(`${first}\n${second}`)).toEqual({ state: "direct", via: "10.32.112.180:41641", latencyMs: 5, quote: second });
  });
});

describe("parseTailscalePing on anything else", () => {
  it.each(["", "\n\n", "hello world", "pong from", "pong from x (1.2.3.4) via DERP(x) in soon", "\u0000\u0001 binary \uFFFD", "a".repeat(10_000)])(
    "garbage %# is unknown",
    (text) => {
      const parsed = parseTailscalePing(text);
      expect(parsed.state).toBe("unknown");
      expect(parsed.via).toBeUndefined();
      expect(parsed.latencyMs).toBeUndefined();
    },
  );

  it("quotes the first line when nothing is recognised", () => {
    expect(parseTailscalePing("\n  something else  \nmore\n")).toEqual({ state: "unknown", quote: "something else" });
  });
});
