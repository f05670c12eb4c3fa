import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseErrorText } from "../../src/diagnose/parse-error-text.js";
import { anyText, isPort, mutated, parsesOrThrowsTyped, portText, runs } from "./fuzz-helpers.js";
import { osOutput } from "../helpers/os-fixtures.js";

// parseErrorText (src/diagnose/parse-error-text.ts) reads an error message pasted into `doctor --error`: it returns
// what it recognised, or null; it is documented never to throw.

const portOf = (text: string): number | undefined => (/^\d{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65_535 ? Number(text) : undefined);

/** Real message shapes (error-messages.md), `{P}` where the port goes. */
const TEMPLATES = [
  "Error: listen EADDRINUSE: address already in use :::{P}",
  "Error: listen EADDRINUSE: address already in use 127.0.0.1:{P}",
  "Error: listen EADDRINUSE: address already in use ::1:{P}",
  "Error: listen EADDRINUSE 0.0.0.0:{P}",
  "Error: connect ECONNREFUSED 127.0.0.1:{P}",
  "Error: connect ETIMEDOUT 127.0.0.1:{P}",
  "Error: connect EHOSTUNREACH 192.0.2.77:{P}",
  "ERROR:    [Errno 98] error while attempting to bind on address ('0.0.0.0', {P}): address already in use",
  "ERROR:    [Errno 99] error while attempting to bind on address ('::1', {P}, 0, 0): cannot assign requested address",
  "OSError: [Errno 10048] error while attempting to bind on address ('127.0.0.1', {P}): only one usage of each socket address (protocol/network address/port) is normally permitted",
  "Listen failure: Couldn't listen on 127.0.0.1:{P}: [WinError 10048] Only one usage of each socket address (protocol/network address/port) is normally permitted.",
  "Error response from daemon: driver failed programming external connectivity on endpoint web: Bind for 0.0.0.0:{P} failed: port is already allocated",
  "curl: (7) Failed to connect to 100.123.51.5 port {P} after 0 ms: Couldn't connect to server",
  "listen tcp 0.0.0.0:{P}: bind: address already in use",
  "nginx: [emerg] bind() to 0.0.0.0:{P} failed (98: Address already in use)",
  "connect 127.0.0.1:{P}: ConnectionRefusedError: [Errno 111] Connection refused",
];
const KINDS = ["address-in-use", "connection-refused", "timeout", "host-unreachable", "permission-denied", "address-not-available", "host-not-found"];

const messageArb = fc.tuple(fc.constantFrom(...TEMPLATES), portText).map(([template, port]) => ({ port, text: template.replace("{P}", port) }));
const pastedArb = fc
  .tuple(messageArb, fc.constantFrom("", "    at Server.setupListenHandle [as _listen2] (node:net:1908:16)\n", "Traceback (most recent call last):\n"), fc.constantFrom("", "\n  code: 'EADDRINUSE',\n}"))
  .map(([m, before, after]) => ({ ...m, text: `${before}${m.text}${after}` }));
const fixtureLines = osOutput("error-messages.md")
  .split("\n")
  .filter((line) => line.trim() !== "" && !line.startsWith("#"));

function check(text: string): void {
  const found = parsesOrThrowsTyped(() => parseErrorText(text));
  if (found === null || found === undefined) return;
  expect(KINDS).toContain(found.kind);
  if (found.port !== undefined) expect(isPort(found.port)).toBe(true);
  expect(text).toContain(found.quote);
  expect(found.quote).toBe(found.quote.trim());
}

describe("parseErrorText (fuzz)", () => {
  it("never throws on arbitrary, mutated or real pasted text; a port it names is 1-65535", () => {
    const input = fc.oneof(anyText, mutated(pastedArb.map((p) => p.text), 4), mutated(fc.constantFrom(...fixtureLines), 3), fc.array(fc.constantFrom(...fixtureLines), { maxLength: 10 }).map((l) => l.join("\n")));
    fc.assert(fc.property(input, check), runs(1000));
  });

  it("names the port of each message shape, and none that is not a port", () => {
    fc.assert(
      fc.property(pastedArb, ({ port, text }) => {
        const found = parseErrorText(text);
        expect(found).not.toBeNull();
        const expected = portOf(port);
        if (expected !== undefined) expect(found?.port).toBe(expected);
        // (An empty port leaves `...in use ::1:`, which reads as port 1 of `:`: ambiguous, not checked.)
        else if (/^\d+$/.test(port)) expect(found?.port).toBeUndefined();
      }),
      runs(800),
    );
  });

  it("reads the same with other indentation, trailing blanks and CRLF or CR line ends", () => {
    fc.assert(
      fc.property(pastedArb, fc.constantFrom("", "  ", "\t"), fc.constantFrom("", " ", "  "), fc.constantFrom("\n", "\r\n", "\r"), ({ text }, indent, trailing, eol) => {
        const changed = text
          .split("\n")
          .map((line) => `${indent}${line}${trailing}`)
          .join(eol);
        expect(parseErrorText(changed)).toEqual(parseErrorText(text));
      }),
      runs(400),
    );
  });

  it("regression: port 0 is no port (`listen EADDRINUSE :::0`, `('0.0.0.0', 0)`, `Bind for 0.0.0.0:0`)", () => {
    for (const text of [
      "Error: listen EADDRINUSE: address already in use :::0",
      "ERROR:    [Errno 98] error while attempting to bind on address ('0.0.0.0', 0): address already in use",
      "Bind for 0.0.0.0:0 failed: port is already allocated",
      "connect ECONNREFUSED 127.0.0.1:0",
      "listen tcp :0: bind: address already in use",
    ]) {
      expect(parseErrorText(text)?.port).toBeUndefined();
    }
  });
});
