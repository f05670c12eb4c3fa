import { isIP } from "node:net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEndpoint } from "../../src/observe/parse/parse-endpoint.js";
import { parseExcludedRanges } from "../../src/observe/parse/parse-excluded-ranges.js";
import { parseLsofFields } from "../../src/observe/parse/parse-lsof-fields.js";
import { parseNetstatWindows } from "../../src/observe/parse/parse-netstat-windows.js";
import { parsePasswd } from "../../src/observe/parse/parse-passwd.js";
import { parseProcNetTcp } from "../../src/observe/parse/parse-proc-net-tcp.js";
import { parseSs } from "../../src/observe/parse/parse-ss.js";
import { parseTasklist } from "../../src/observe/parse/parse-tasklist.js";
import { anyText, fixtureLines, isPortField, nearValidOutput, osFixtureNames, parsesOrThrowsTyped, portText, runs } from "./fuzz-helpers.js";
import { osOutput } from "../helpers/os-fixtures.js";

// The socket-table parsers read what the OS prints (lsof -F, ss, netstat -ano, tasklist /fo csv, netsh
// excludedportrange, /proc/net/tcp*). None of them is documented to throw: unreadable lines are skipped.
// Ports here are 0-65535: a socket table can show port 0 (an unbound socket), and parseEndpoint documents it.

/** The input names this port after a colon (`:8000`, `:08000`): the parser did not invent it. */
const namesPort = (input: string, port: number): boolean => new RegExp(`:0*${port}(?!\\d)`).test(input);

/** Column gaps of a table row (runs of spaces or tabs) rewritten with `gaps`, leading indentation included. */
function respace(line: string, gaps: readonly string[]): string {
  let i = 0;
  return line.replace(/[ \t]+/g, () => gaps[i++ % gaps.length] ?? " ");
}
const gapsArb = fc.array(fc.constantFrom(" ", "  ", "     ", "\t", " \t "), { minLength: 1, maxLength: 6 });

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((b) => b.join("."));
const ipv6 = fc.ipV6();

describe("parseEndpoint (fuzz)", () => {
  it("never throws; a port it returns is 0-65535 and written in the input", () => {
    const input = fc.oneof(anyText, nearValidOutput(/^(ss|lsof|netstat-windows)/, 3).map((t) => t.split(/\s+/).find((w) => w.includes(":")) ?? t));
    fc.assert(
      fc.property(input, (text) => {
        const endpoint = parsesOrThrowsTyped(() => parseEndpoint(text));
        if (endpoint === undefined) return;
        expect(isPortField(endpoint.port)).toBe(true);
        expect(namesPort(text, endpoint.port)).toBe(true);
        expect([4, 6, undefined]).toContain(endpoint.family);
      }),
      runs(1000),
    );
  });

  it("reads back the address and port it is given: a.b.c.d:port, [v6]:port, *:port; rejects ports outside 0-65535", () => {
    const host = fc.oneof(
      ipv4.map((a) => ({ text: a, address: a, family: 4 as const })),
      ipv6.map((a) => ({ text: `[${a}]`, address: a, family: 6 as const })),
      fc.constant({ text: "*", address: "*", family: undefined }),
    );
    fc.assert(
      fc.property(host, portText, (h, port) => {
        const parsed = parseEndpoint(`${h.text}:${port}`);
        const valid = /^\d{1,5}$/.test(port) && Number(port) <= 65_535;
        if (!valid) {
          expect(parsed).toBeUndefined();
          return;
        }
        if (h.family === 6 && !/^[0-9A-Fa-f:.]+$/.test(h.address)) return;
        expect(parsed).toEqual({ address: h.address, port: Number(port), family: h.family });
      }),
      runs(1000),
    );
  });
});

describe("parseLsofFields (fuzz)", () => {
  it("never throws on arbitrary or mutated lsof -F output; rows have a pid, a family and a port from the input", () => {
    fc.assert(
      fc.property(fc.oneof(nearValidOutput(/^lsof-linux-F/, 5), anyText), (text) => {
        const rows = parsesOrThrowsTyped(() => parseLsofFields(text)) ?? [];
        for (const row of rows) {
          expect(Number.isInteger(row.pid) && row.pid >= 0).toBe(true);
          expect(isPortField(row.port)).toBe(true);
          expect(namesPort(text, row.port)).toBe(true);
          expect([4, 6]).toContain(row.family);
          expect(row.address).not.toBe("");
          expect(row.address).not.toBe("*");
        }
      }),
      runs(800),
    );
  });

  it("reads -F0 (NUL-terminated fields) exactly as -F (one field a line)", () => {
    fc.assert(
      fc.property(nearValidOutput(/^lsof-linux-F/, 2), (text) => {
        expect(parseLsofFields(text.replace(/\n/g, "\0"))).toEqual(parseLsofFields(text));
      }),
      runs(300),
    );
  });

  it("lists a generated listener with the pid, port and address written", () => {
    const address = fc.oneof(ipv4, ipv6.filter((a) => /^[0-9a-f:.]+$/i.test(a)).map((a) => `[${a}]`));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4_194_304 }), address, fc.integer({ min: 1, max: 65_535 }), (pid, host, port) => {
        const rows = parseLsofFields(`p${pid}\ncnode\nf3\ntIPv4\nPTCP\nn${host}:${port}\n`);
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({ pid, port, address: host.replace(/^\[|\]$/g, ""), protocol: "tcp" });
      }),
      runs(300),
    );
  });
});

describe("parseSs (fuzz)", () => {
  it("never throws on arbitrary or mutated ss output; rows have a family, a port from the input and int owners", () => {
    fc.assert(
      fc.property(fc.oneof(nearValidOutput(/^ss-linux/, 5), anyText), (text) => {
        const rows = parsesOrThrowsTyped(() => parseSs(text)) ?? [];
        for (const row of rows) {
          expect(isPortField(row.port)).toBe(true);
          expect(namesPort(text, row.port)).toBe(true);
          expect([4, 6]).toContain(row.family);
          for (const owner of row.owners) {
            expect(Number.isInteger(owner.pid) && Number.isInteger(owner.fd)).toBe(true);
          }
        }
      }),
      runs(800),
    );
  });

  it("parses each real ss line the same with other column widths and indentation", () => {
    const lines = fixtureLines(/^ss-linux/);
    fc.assert(
      fc.property(fc.constantFrom(...lines), gapsArb, (line, gaps) => {
        const users = line.indexOf("users:((");
        const head = users < 0 ? line : line.slice(0, users);
        const tail = users < 0 ? "" : line.slice(users);
        expect(parseSs(respace(head, gaps) + tail)).toEqual(parseSs(line));
      }),
      runs(400),
    );
  });
});

describe("parseNetstatWindows (fuzz)", () => {
  it("never throws on arbitrary or mutated netstat -ano output; rows are well formed", () => {
    fc.assert(
      fc.property(fc.oneof(nearValidOutput(/^netstat-windows/, 5), anyText), (text) => {
        const rows = parsesOrThrowsTyped(() => parseNetstatWindows(text)) ?? [];
        for (const row of rows) {
          expect(isPortField(row.port)).toBe(true);
          expect(namesPort(text, row.port)).toBe(true);
          expect(["tcp", "udp"]).toContain(row.protocol);
          expect([4, 6]).toContain(row.family);
          expect(Number.isInteger(row.pid) && row.pid >= 0).toBe(true);
          expect(typeof row.listening).toBe("boolean");
        }
      }),
      runs(800),
    );
  });

  it("parses each real netstat line the same with other column widths, indentation and CRLF", () => {
    const lines = fixtureLines(/^netstat-windows/);
    fc.assert(
      fc.property(fc.constantFrom(...lines), gapsArb, fc.constantFrom("", "\r"), (line, gaps, cr) => {
        expect(parseNetstatWindows(respace(line, gaps) + cr)).toEqual(parseNetstatWindows(line));
      }),
      runs(400),
    );
  });
});

describe("parseTasklist (fuzz)", () => {
  it("never throws; every entry maps an integer PID to a non-empty image name", () => {
    fc.assert(
      fc.property(fc.oneof(nearValidOutput(/^tasklist/, 5), anyText), (text) => {
        const images = parsesOrThrowsTyped(() => parseTasklist(text)) ?? new Map<number, string>();
        for (const [pid, image] of images) {
          expect(Number.isInteger(pid) && pid >= 0).toBe(true);
          expect(image).not.toBe("");
        }
      }),
      runs(800),
    );
  });

  it("reads a generated row back, whatever the image name holds (quotes, commas, non-ASCII)", () => {
    const image = fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }).filter((s) => !/[\r\n]/.test(s) && s.trim() === s && s !== "");
    fc.assert(
      fc.property(image, fc.integer({ min: 0, max: 2 ** 31 }), fc.constantFrom("", " ", "\t"), (name, pid, pad) => {
        const line = `${pad}"${name.replace(/"/g, '""')}","${pid}","Console","1","5,276 kB"${pad}`;
        expect(parseTasklist(line)).toEqual(new Map([[pid, name]]));
      }),
      runs(400),
    );
  });
});

describe("parseExcludedRanges (fuzz)", () => {
  it("never throws; every range is from <= to within 0-65535", () => {
    fc.assert(
      fc.property(fc.oneof(nearValidOutput(/^netsh-excludedportrange/, 5), anyText), (text) => {
        for (const range of parsesOrThrowsTyped(() => parseExcludedRanges(text)) ?? []) {
          expect(isPortField(range.from) && isPortField(range.to)).toBe(true);
          expect(range.from).toBeLessThanOrEqual(range.to);
        }
      }),
      runs(800),
    );
  });

  it("parses each real netsh output the same with other column widths", () => {
    const texts = osFixtureNames(/^netsh-excludedportrange/).map(osOutput);
    fc.assert(
      fc.property(fc.constantFrom(...texts), gapsArb, (text, gaps) => {
        expect(parseExcludedRanges(text.split("\n").map((l) => respace(l, gaps)).join("\n"))).toEqual(parseExcludedRanges(text));
      }),
      runs(200),
    );
  });
});

/** The 16 bytes of an IPv6 address in text form (`::`, v4-mapped tails included). */
function ipv6Bytes(text: string): number[] {
  const [head = "", tail] = text.split("::");
  const groups = (part: string): number[] =>
    part === ""
      ? []
      : part.split(":").flatMap((g) => (g.includes(".") ? g.split(".").map(Number).reduce<number[]>((acc, b, i) => (i % 2 === 0 ? [...acc, b << 8] : [...acc.slice(0, -1), (acc.at(-1) ?? 0) | b]), []) : [Number.parseInt(g, 16)]));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = tail === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  return all.flatMap((g) => [g >> 8, g & 0xff]);
}

const hexWord = (bytes: readonly number[], order: "LE" | "BE"): string =>
  (order === "LE" ? [...bytes].reverse() : bytes).map((b) => b.toString(16).padStart(2, "0").toUpperCase()).join("");

describe("parseProcNetTcp (fuzz)", () => {
  it("never throws on arbitrary or mutated /proc/net/tcp*; addresses are IPs of the file's family", () => {
    fc.assert(
      fc.property(fc.oneof(nearValidOutput(/^proc-net-/, 5), anyText), fc.constantFrom("LE" as const, "BE" as const), (text, order) => {
        for (const row of parsesOrThrowsTyped(() => parseProcNetTcp(text, order)) ?? []) {
          expect(isPortField(row.port)).toBe(true);
          expect(isIP(row.address)).toBe(row.family);
          expect(row.state).toMatch(/^[0-9A-F]{2}$/);
          expect(Number.isInteger(row.inode) && Number.isInteger(row.uid)).toBe(true);
        }
      }),
      runs(800),
    );
  });

  it("decodes a generated row: the address bytes and port written, in either byte order", () => {
    const bytes = fc.oneof(fc.array(fc.nat(255), { minLength: 4, maxLength: 4 }), fc.array(fc.nat(255), { minLength: 16, maxLength: 16 }));
    fc.assert(
      fc.property(bytes, fc.nat(65_535), fc.constantFrom("LE" as const, "BE" as const), gapsArb, (address, port, order, gaps) => {
        const words = Array.from({ length: address.length / 4 }, (_, i) => hexWord(address.slice(i * 4, i * 4 + 4), order)).join("");
        const zero = "0".repeat(words.length);
        const line = `   7: ${words}:${port.toString(16).toUpperCase().padStart(4, "0")} ${zero}:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4242 1 0000000000000000 100 0 0 10 0`;
        const rows = parseProcNetTcp(respace(line, gaps), order);
        expect(rows).toHaveLength(1);
        const row = rows[0];
        expect(row?.port).toBe(port);
        expect(row?.uid).toBe(1000);
        expect(row?.inode).toBe(4242);
        expect(address.length === 4 ? row?.address : ipv6Bytes(row?.address ?? "")).toEqual(address.length === 4 ? address.join(".") : address);
      }),
      runs(500),
    );
  });
});

describe("parsePasswd (fuzz)", () => {
  it("never throws; maps integer uids to non-empty names", () => {
    const passwd = mutatedPasswd();
    fc.assert(
      fc.property(fc.oneof(passwd, anyText), (text) => {
        for (const [uid, name] of parsesOrThrowsTyped(() => parsePasswd(text)) ?? new Map<number, string>()) {
          expect(Number.isInteger(uid)).toBe(true);
          expect(name).not.toBe("");
        }
      }),
      runs(300),
    );
  });
});

function mutatedPasswd(): fc.Arbitrary<string> {
  const line = fc
    .tuple(fc.string({ minLength: 0, maxLength: 10 }), portText, fc.string({ maxLength: 10 }))
    .map(([name, uid, shell]) => `${name}:x:${uid}:${uid}::/home/${name}:${shell}`);
  return fc.array(line, { maxLength: 6 }).map((lines) => lines.join("\n"));
}
