import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTailscalePing } from "../../src/observe/parse/tailscale-ping.js";
import { parseTailscaleStatus, TailscaleStatusError, type Peer } from "../../src/observe/parse/tailscale-status.js";
import { isRecord } from "../../src/util/is-record.js";
import { anyText, mutated, nearValidOutput, parsesOrThrowsTyped, runs } from "./fuzz-helpers.js";
import { osOutput } from "../helpers/os-fixtures.js";

// parseTailscaleStatus throws TailscaleStatusError, and nothing else, for output it cannot use; parseTailscalePing
// "never throws".

const STATUS = osOutput("tailscale-status.json");
const STATUS_JSON: unknown = JSON.parse(STATUS);

type Path = Array<string | number>;

/** Every path into a JSON value, the root included. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const children = Array.isArray(value) ? value.map((v, i) => pathsOf(v, [...prefix, i])) : isRecord(value) ? Object.entries(value).map(([k, v]) => pathsOf(v, [...prefix, k])) : [];
  return [prefix, ...children.flat()];
}
const STATUS_PATHS = pathsOf(STATUS_JSON);

type Edit = { path: Path; op: "delete" | "set"; value: unknown };

/** A deep copy of `value` with one edit applied at `path`: a key deleted, or a value replaced. */
function applyEdit(value: unknown, edit: Edit): unknown {
  const copy: unknown = structuredClone(value);
  if (edit.path.length === 0) return edit.op === "set" ? edit.value : copy;
  let parent: unknown = copy;
  for (const segment of edit.path.slice(0, -1)) parent = isRecord(parent) ? (parent as Record<string | number, unknown>)[segment] : undefined;
  const last = edit.path.at(-1);
  if (!isRecord(parent) || last === undefined) return copy;
  const target = parent as Record<string | number, unknown>;
  if (edit.op === "delete") delete target[last];
  else target[last] = edit.value;
  return copy;
}

const editArb: fc.Arbitrary<Edit> = fc.record({
  path: fc.constantFrom(...STATUS_PATHS),
  op: fc.constantFrom("delete" as const, "set" as const),
  value: fc.oneof(fc.constant(null), fc.jsonValue({ maxDepth: 2 }), fc.constantFrom("Running", "Stopped", "", true, 0, [], {}, ["100.64.0.1"], { __proto__: null })),
});
const statusArb = fc
  .tuple(fc.array(editArb, { maxLength: 4 }), fc.constantFrom(0, 2, "\t"), fc.boolean())
  .map(([edits, indent, bom]) => `${bom ? "\uFEFF" : ""}${JSON.stringify(edits.reduce(applyEdit, STATUS_JSON), null, indent)}`);

function checkPeer(peer: Peer): void {
  expect(typeof peer.hostName).toBe("string");
  expect(typeof peer.dnsName).toBe("string");
  expect(typeof peer.os).toBe("string");
  expect(typeof peer.online).toBe("boolean");
  for (const ip of peer.ips) expect(typeof ip).toBe("string");
}

describe("parseTailscaleStatus (fuzz)", () => {
  it("returns a status or throws TailscaleStatusError, for arbitrary text and for the real JSON edited at random", () => {
    const input = fc.oneof(statusArb, mutated(statusArb, 3), fc.json(), anyText, fc.constantFrom('{"BackendState":"Running","Peer":{"__proto__":{"HostName":"x"}}}', "[]", "null", '"Running"', "{}"));
    fc.assert(
      fc.property(input, (text) => {
        const status = parsesOrThrowsTyped(() => parseTailscaleStatus(text), [TailscaleStatusError]);
        if (status === undefined) return;
        expect(typeof status.backendState).toBe("string");
        expect([true, false, undefined]).toContain(status.tun);
        if (status.self !== undefined) checkPeer(status.self);
        status.peers.forEach(checkPeer);
        if (status.magicDnsSuffix !== undefined) expect(status.magicDnsSuffix).not.toBe("");
      }),
      runs(600),
    );
  });

  it("reads the same status from the real JSON in any indentation, with or without a byte order mark", () => {
    const expected = parseTailscaleStatus(STATUS);
    fc.assert(
      fc.property(fc.constantFrom(0, 1, 2, 4, "\t"), fc.boolean(), fc.constantFrom("", "\n", "\r\n  "), (indent, bom, around) => {
        expect(parseTailscaleStatus(`${bom ? "\uFEFF" : ""}${around}${JSON.stringify(STATUS_JSON, null, indent)}${around}`)).toEqual(expected);
      }),
      runs(100),
    );
  });
});

const DURATION = fc.oneof(
  fc.constantFrom("4ms", "1.023s", "1m2.5s", "12µs", "800us", "3ns", "2h", "0s"),
  fc.tuple(fc.stringMatching(/^\d{1,400}(\.\d{1,20})?$/), fc.constantFrom("ms", "s", "m", "h", "us", "µs", "ns")).map(([n, unit]) => `${n}${unit}`),
);
const pingLineArb = fc.oneof(
  fc.tuple(fc.string({ maxLength: 10 }), fc.ipV4(), fc.constantFrom("192.168.2.228:41641", "DERP(fra)", "[2001:db8::1]:41641"), DURATION).map(([host, ip, via, d]) => `pong from ${host} (${ip}) via ${via} in ${d}`),
  fc.constantFrom('ping "100.87.199.13" timed out', "no reply", "Tailscale is stopped.", "direct connection not established"),
);
const pingArb = fc.array(pingLineArb, { minLength: 1, maxLength: 5 }).map((lines) => lines.join("\n"));

describe("parseTailscalePing (fuzz)", () => {
  it("never throws; the state is one of five, a latency a finite number of milliseconds, the quote a line of the input", () => {
    fc.assert(
      fc.property(fc.oneof(pingArb, mutated(pingArb, 3), nearValidOutput(/^tailscale-ping-/, 4), anyText), (text) => {
        const ping = parsesOrThrowsTyped(() => parseTailscalePing(text));
        if (ping === undefined) return;
        expect(["direct", "derp", "timeout", "stopped", "unknown"]).toContain(ping.state);
        if (ping.latencyMs !== undefined) expect(Number.isFinite(ping.latencyMs) && ping.latencyMs >= 0).toBe(true);
        if (ping.via !== undefined) expect(ping.via).not.toBe("");
        expect(text).toContain(ping.quote);
      }),
      runs(800),
    );
  });

  it("regression: a latency too long for a number (400 digits) is left out, not Infinity", () => {
    const ping = parseTailscalePing(`pong from a (100.64.0.1) via DERP(fra) in ${"9".repeat(400)}ms`);
    expect(ping).toEqual({ state: "derp", via: "DERP(fra)", quote: `pong from a (100.64.0.1) via DERP(fra) in ${"9".repeat(400)}ms` });
  });

  it("reads the same with indentation, trailing blanks and CRLF", () => {
    fc.assert(
      fc.property(pingArb, fc.constantFrom("", "  ", "\t"), fc.constantFrom("", " ", "\t"), fc.constantFrom("\n", "\r\n"), (text, indent, trailing, eol) => {
        const changed = text
          .split("\n")
          .map((line) => `${indent}${line}${trailing}`)
          .join(eol);
        expect(parseTailscalePing(changed)).toEqual(parseTailscalePing(text));
      }),
      runs(300),
    );
  });
});
