import { describe, expect, it } from "vitest";
import { formatIpv6 } from "../src/observe/parse/format-ipv6.js";
import type { Listener } from "../src/observe/listener.js";
import { listenersOnPort } from "../src/observe/listeners-on-port.js";
import { parseEndpoint } from "../src/observe/parse/parse-endpoint.js";
import { parseExcludedRanges } from "../src/observe/parse/parse-excluded-ranges.js";
import { parseLsofFields } from "../src/observe/parse/parse-lsof-fields.js";
import { parseNetstatWindows } from "../src/observe/parse/parse-netstat-windows.js";
import { parsePasswd } from "../src/observe/parse/parse-passwd.js";
import { parseProcNetTcp } from "../src/observe/parse/parse-proc-net-tcp.js";
import { parseSs } from "../src/observe/parse/parse-ss.js";
import { parseTasklist } from "../src/observe/parse/parse-tasklist.js";
import { osOutput } from "./helpers/os-fixtures.js";

/** Real command outputs shared by the project (see SOURCES.md there); the extra ones live in this repo. */
const crlf = (text: string): string => text.replace(/\r?\n/g, "\r\n");

const GARBAGE = [
  "",
  "\n\n\n",
  "hello world",
  "users:((",
  "LISTEN 0 5",
  "LISTEN 0 5 0.0.0.0: 0.0.0.0:*",
  "   0: ZZZZZZZZ:4650 00000000:0000 0A",
  "TCP 0.0.0.0:99999 0.0.0.0:0 LISTENING 1",
  "TCP [::1 [::]:0 LISTENING 1",
  '"unterminated,"1',
  "pabc\nn*:80",
  "n*:80\np\nc",
  "\u0000\u0001\u0002 binary \uFFFD",
  "a".repeat(10_000),
];

describe("parseProcNetTcp", () => {
  it("reads /proc/net/tcp: little-endian hex addresses, every state, uid and inode", () => {
    expect(parseProcNetTcp(osOutput("proc-net-tcp.txt"))).toEqual([
      { address: "0.0.0.0", port: 18000, family: 4, state: "0A", inode: 9739, uid: 0 },
      { address: "127.0.0.1", port: 16379, family: 4, state: "0A", inode: 10533, uid: 0 },
      { address: "127.0.0.1", port: 40074, family: 4, state: "06", inode: 0, uid: 0 },
      { address: "127.0.0.1", port: 40082, family: 4, state: "01", inode: 12419, uid: 0 },
      { address: "127.0.0.1", port: 16379, family: 4, state: "01", inode: 12422, uid: 0 },
      { address: "127.0.0.1", port: 18000, family: 4, state: "06", inode: 0, uid: 0 },
      { address: "127.0.0.1", port: 49458, family: 4, state: "01", inode: 12420, uid: 0 },
    ]);
  });

  it("reads /proc/net/tcp6: ::, ::1 and a v4-mapped address in its IPv6 text form", () => {
    expect(parseProcNetTcp(osOutput("proc-net-tcp6.txt"))).toEqual([
      { address: "::", port: 18002, family: 6, state: "0A", inode: 11035, uid: 0 },
      { address: "::1", port: 18001, family: 6, state: "0A", inode: 10558, uid: 0 },
      { address: "::ffff:127.0.0.1", port: 18002, family: 6, state: "01", inode: 12421, uid: 0 },
    ]);
  });

  it("reads /proc/net/udp and udp6: 07 is an unconnected socket, 01 a connected one", () => {
    expect(parseProcNetTcp(osOutput("proc-net-udp.txt"))).toEqual([
      { address: "127.0.0.1", port: 44693, family: 4, state: "01", inode: 28176, uid: 0 },
      { address: "127.0.0.1", port: 18558, family: 4, state: "07", inode: 28173, uid: 0 },
    ]);
    expect(parseProcNetTcp(osOutput("proc-net-udp6.txt"))).toEqual([
      { address: "::", port: 18559, family: 6, state: "07", inode: 28174, uid: 0 },
      { address: "::1", port: 18560, family: 6, state: "07", inode: 28175, uid: 0 },
    ]);
  });

  it("reads the words in big-endian order when told the host is big-endian", () => {
    // The same socket as a big-endian kernel prints it: 127.0.0.1 is 7F000001 there.
    const line = "   2: 7F000001:3FFB 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 10533 1 0 100 0 0 10 0";
    expect(parseProcNetTcp(line, "BE")).toEqual([{ address: "127.0.0.1", port: 16379, family: 4, state: "0A", inode: 10533, uid: 1000 }]);
  });
});

describe("formatIpv6", () => {
  it("writes the RFC 5952 form", () => {
    expect(formatIpv6([0, 0, 0, 0, 0, 0, 0, 0])).toBe("::");
    expect(formatIpv6([0, 0, 0, 0, 0, 0, 0, 1])).toBe("::1");
    expect(formatIpv6([0xfe80, 0, 0, 0, 0x20c, 0x29ff, 0xfeff, 0x6d2c])).toBe("fe80::20c:29ff:feff:6d2c");
    expect(formatIpv6([0x2001, 0xdb8, 0, 1, 0, 0, 0, 1])).toBe("2001:db8:0:1::1");
    expect(formatIpv6([0x2001, 0xdb8, 0, 0, 1, 0, 0, 1])).toBe("2001:db8::1:0:0:1");
    expect(formatIpv6([1, 2, 3, 4, 5, 6, 7, 8])).toBe("1:2:3:4:5:6:7:8");
    expect(formatIpv6([0, 0, 0, 0, 0, 0xffff, 0xc0a8, 0x0105])).toBe("::ffff:192.168.1.5");
  });
});

describe("parseEndpoint", () => {
  it("reads every address form the fixtures hold", () => {
    expect(parseEndpoint("0.0.0.0:18000")).toEqual({ address: "0.0.0.0", port: 18000, family: 4 });
    expect(parseEndpoint("*:18002")).toEqual({ address: "*", port: 18002, family: undefined });
    expect(parseEndpoint("[::1]:18001")).toEqual({ address: "::1", port: 18001, family: 6 });
    expect(parseEndpoint("[::ffff:127.0.0.1]:18002")).toEqual({ address: "::ffff:127.0.0.1", port: 18002, family: 6 });
    expect(parseEndpoint("127.0.0.53%lo:53")).toEqual({ address: "127.0.0.53", port: 53, family: 4 });
    expect(parseEndpoint("[fe80::20c:29ff:feff:6d2c]%ens160:546")).toEqual({ address: "fe80::20c:29ff:feff:6d2c%ens160", port: 546, family: 6 });
    expect(parseEndpoint("[fe80::2eab:cf7c:88:b019%17]:1900")).toEqual({ address: "fe80::2eab:cf7c:88:b019%17", port: 1900, family: 6 });
    expect(parseEndpoint("[::]:0")).toEqual({ address: "::", port: 0, family: 6 });
    expect(parseEndpoint(":::18002")).toEqual({ address: "::", port: 18002, family: 6 });
  });

  it("rejects what is not address:port", () => {
    for (const text of ["*:*", "0.0.0.0:*", "localhost:irdmi", "18000", ":80", "1.2.3.4:65536", "1.2.3.4:-1", ""]) {
      expect(parseEndpoint(text)).toBeUndefined();
    }
  });

  it("reads the NAME column of the macOS lsof fixtures: numeric with -P, a service name without it", () => {
    const names = (text: string): string[] =>
      text
        .split("\n")
        .filter((line) => line.endsWith("(LISTEN)"))
        .map((line) => line.split(/\s+/).at(-2) ?? "");
    const listen = names(osOutput("lsof-macos-listen.txt")).map((name) => parseEndpoint(name));
    expect(listen).toHaveLength(18);
    expect(listen[0]).toEqual({ address: "*", port: 61119, family: undefined });
    expect(listen[3]).toEqual({ address: "127.0.0.1", port: 49153, family: 4 });
    expect(names(osOutput("lsof-macos-node-ipv6-loopback-comment.txt")).map((name) => parseEndpoint(name))).toEqual([
      { address: "*", port: 8000, family: undefined },
      { address: "::1", port: 8000, family: 6 },
    ]);
    // Without -P lsof prints service names: the port cannot be read, which is why the table passes -nP.
    expect(names(osOutput("lsof-macos-i-8000-servicename-irdmi.txt")).map((name) => parseEndpoint(name))).toEqual([undefined, undefined, undefined]);
  });
});

describe("parseSs", () => {
  const ltnp = [
    { state: "LISTEN", address: "0.0.0.0", port: 18000, family: 4, owners: [{ command: "python3", pid: 6393, fd: 3 }] },
    { state: "LISTEN", address: "127.0.0.1", port: 16379, family: 4, owners: [{ command: "redis-server", pid: 6392, fd: 6 }] },
    { state: "LISTEN", address: "::", port: 18002, family: 6, owners: [{ command: "python3", pid: 7105, fd: 3 }] },
    { state: "LISTEN", address: "::1", port: 18001, family: 6, owners: [{ command: "python3", pid: 6394, fd: 3 }] },
  ];

  it("reads ss -ltnpH; `*` (an IPv6 socket that takes IPv4 too) is reported as ::, family 6", () => {
    expect(parseSs(osOutput("ss-linux-ltnpH.txt"))).toEqual(ltnp);
  });

  it("skips the header of ss -ltnp (even its run-together PortProcess)", () => {
    expect(parseSs(osOutput("ss-linux-ltnp.txt"))).toEqual(ltnp);
  });

  it("reads ss -ltnH without a process column: no owners", () => {
    expect(parseSs(osOutput("ss-linux-ltnH-noproc.txt"))).toEqual([
      { state: "LISTEN", address: "0.0.0.0", port: 18000, family: 4, owners: [] },
      { state: "LISTEN", address: "127.0.0.1", port: 16379, family: 4, owners: [] },
      { state: "LISTEN", address: "::1", port: 18001, family: 6, owners: [] },
    ]);
  });

  it("keeps the state of every row of ss -tanpH, so only LISTEN rows become listeners", () => {
    const rows = parseSs(osOutput("ss-linux-tanpH-mixed-states.txt"));
    expect(rows.map((row) => [row.state, row.address, row.port, row.family])).toEqual([
      ["LISTEN", "127.0.0.1", 16379, 4],
      ["TIME-WAIT", "127.0.0.1", 40074, 4],
      ["ESTAB", "127.0.0.1", 40082, 4],
      ["ESTAB", "127.0.0.1", 16379, 4],
      ["ESTAB", "127.0.0.1", 49458, 4],
      ["LISTEN", "::", 18002, 6],
      ["ESTAB", "::ffff:127.0.0.1", 18002, 6],
    ]);
    expect(rows[6]?.owners).toEqual([{ command: "python3", pid: 7105, fd: 4 }]);
    expect(rows.filter((row) => row.state === "LISTEN").map((row) => row.port)).toEqual([16379, 18002]);
  });

  it("reads several owners of one socket and a device-bound address (127.0.0.53%lo)", () => {
    expect(parseSs(osOutput("ss-linux-ltpn-multi-owner.txt"))).toEqual([
      {
        state: "LISTEN",
        address: "0.0.0.0",
        port: 111,
        family: 4,
        owners: [
          { command: "rpcbind", pid: 559, fd: 4 },
          { command: "systemd", pid: 1, fd: 35 },
        ],
      },
      { state: "LISTEN", address: "127.0.0.53", port: 53, family: 4, owners: [{ command: "systemd-resolve", pid: 560, fd: 13 }] },
      { state: "LISTEN", address: "0.0.0.0", port: 22, family: 4, owners: [{ command: "sshd", pid: 1333, fd: 3 }] },
      {
        state: "LISTEN",
        address: "::",
        port: 111,
        family: 6,
        owners: [
          { command: "rpcbind", pid: 559, fd: 6 },
          { command: "systemd", pid: 1, fd: 37 },
        ],
      },
      { state: "LISTEN", address: "::", port: 22, family: 6, owners: [{ command: "sshd", pid: 1333, fd: 4 }] },
    ]);
  });

  it("reads UDP (UNCONN) rows, with and without a header", () => {
    expect(parseSs(osOutput("ss-linux-lunpH.txt"))).toEqual([
      { state: "UNCONN", address: "127.0.0.1", port: 18558, family: 4, owners: [{ command: "python3", pid: 12414, fd: 3 }] },
      { state: "UNCONN", address: "::", port: 18559, family: 6, owners: [{ command: "python3", pid: 12414, fd: 4 }] },
      { state: "UNCONN", address: "::1", port: 18560, family: 6, owners: [{ command: "python3", pid: 12414, fd: 5 }] },
    ]);
    expect(parseSs(osOutput("ss-linux-lupn-device-bound.txt")).map((row) => [row.state, row.address, row.port, row.family, row.owners[0]?.command])).toEqual([
      ["UNCONN", "127.0.0.53", 53, 4, "systemd-resolve"],
      ["UNCONN", "10.0.2.15", 68, 4, "systemd-network"],
      ["UNCONN", "0.0.0.0", 111, 4, "rpcbind"],
      ["UNCONN", "::", 111, 6, "rpcbind"],
    ]);
  });

  it("reads the Netid column and keeps a link-local zone", () => {
    expect(parseSs(osOutput("ss-linux-tunlp-netid-nonroot.txt")).map((row) => [row.state, row.address, row.port, row.family, row.owners.length])).toEqual([
      ["UNCONN", "127.0.0.54", 53, 4, 0],
      ["UNCONN", "127.0.0.53", 53, 4, 0],
      ["UNCONN", "192.168.101.131", 68, 4, 0],
      ["UNCONN", "fe80::20c:29ff:feff:6d2c%ens160", 546, 6, 0],
      ["LISTEN", "127.0.0.53", 53, 4, 0],
      ["LISTEN", "127.0.0.54", 53, 4, 0],
      ["LISTEN", "0.0.0.0", 23784, 4, 0],
      ["LISTEN", "0.0.0.0", 80, 4, 0],
      ["LISTEN", "::", 23784, 6, 0],
      ["LISTEN", "::", 80, 6, 0],
    ]);
  });
});

describe("parseLsofFields", () => {
  it("reads lsof -F pcPn; without a t field `*` is reported as 0.0.0.0, family 4", () => {
    expect(parseLsofFields(osOutput("lsof-linux-F-pcPn.txt"))).toEqual([
      { pid: 6392, command: "redis-server", protocol: "tcp", address: "127.0.0.1", port: 16379, family: 4 },
      { pid: 6393, command: "python3", protocol: "tcp", address: "0.0.0.0", port: 18000, family: 4 },
      { pid: 6394, command: "python3", protocol: "tcp", address: "::1", port: 18001, family: 6 },
      // The real socket is IPv6 dual-stack (lsof-linux-listen.txt says IPv6): only the t field can tell.
      { pid: 7105, command: "python3", protocol: "tcp", address: "0.0.0.0", port: 18002, family: 4 },
    ]);
  });

  it("reads lsof -F pcPtn: the t field tells the IPv4 wildcard from the IPv6 one", () => {
    expect(parseLsofFields(osOutput("lsof-linux-F-pcPtn.txt"))).toEqual([
      { pid: 12133, command: "python3", protocol: "tcp", address: "::1", port: 18555, family: 6 },
      { pid: 12135, command: "python3", protocol: "tcp", address: "0.0.0.0", port: 18556, family: 4 },
      { pid: 12138, command: "python3", protocol: "tcp", address: "::", port: 18557, family: 6 },
    ]);
  });

  it("reads the user from L (login), which wins over u (uid)", () => {
    expect(parseLsofFields(osOutput("lsof-linux-F-pcPtnLu.txt")).map((row) => [row.pid, row.user, row.address, row.family])).toEqual([
      [12133, "root", "::1", 6],
      [12135, "root", "0.0.0.0", 4],
      [12138, "root", "::", 6],
    ]);
    expect(parseLsofFields("p42\ncnode\nu501\ntIPv4\nPTCP\nn127.0.0.1:3000\n")[0]?.user).toBe("501");
  });

  it("reads UDP sockets of one process and skips the connected one", () => {
    expect(parseLsofFields(osOutput("lsof-linux-F-pcPtn-udp.txt"))).toEqual([
      { pid: 12414, command: "python3", protocol: "udp", address: "127.0.0.1", port: 18558, family: 4 },
      { pid: 12414, command: "python3", protocol: "udp", address: "::", port: 18559, family: 6 },
      { pid: 12414, command: "python3", protocol: "udp", address: "::1", port: 18560, family: 6 },
    ]);
  });

  it("reads NUL-terminated fields (-F0) the same, and decodes \\x20 in command names", () => {
    const nul = osOutput("lsof-linux-F-pcPtn.txt").replaceAll("\n", "\u0000");
    expect(parseLsofFields(nul)).toEqual(parseLsofFields(osOutput("lsof-linux-F-pcPtn.txt")));
    // macOS lsof writes a space in a command name as \x20 (lsof-macos-listen.txt: "Code\x20H").
    expect(parseLsofFields("p18884\ncCode\\x20Helper\ntIPv4\nPTCP\nn127.0.0.1:16607\n")[0]?.command).toBe("Code Helper");
  });

  it("returns nothing for lsof's empty answer", () => {
    expect(parseLsofFields(osOutput("lsof-linux-F-nothing-listening.txt"))).toEqual([]);
  });
});

describe("parseNetstatWindows", () => {
  it("reads netstat -ano rows: listeners on 0.0.0.0 and [::], a TIME_WAIT that is not one", () => {
    expect(parseNetstatWindows(osOutput("netstat-windows-ano-findstr-3000.txt"))).toEqual([
      { protocol: "tcp", address: "0.0.0.0", port: 3000, family: 4, state: "LISTENING", pid: 36080, listening: true },
      { protocol: "tcp", address: "0.0.0.0", port: 3000, family: 4, state: "LISTENING", pid: 5252, listening: true },
      { protocol: "tcp", address: "127.0.0.1", port: 3000, family: 4, state: "TIME_WAIT", pid: 0, listening: false },
      { protocol: "tcp", address: "::", port: 3000, family: 6, state: "LISTENING", pid: 36080, listening: true },
    ]);
  });

  it("tells listeners from clients of the same port", () => {
    const rows = parseNetstatWindows(osOutput("netstat-windows-ano-findstr-8080.txt"));
    expect(rows).toHaveLength(9);
    expect(rows.filter((row) => row.listening)).toEqual([
      { protocol: "tcp", address: "0.0.0.0", port: 8080, family: 4, state: "LISTENING", pid: 9920, listening: true },
      { protocol: "tcp", address: "::", port: 8080, family: 6, state: "LISTENING", pid: 9920, listening: true },
    ]);
    expect(rows.filter((row) => !row.listening).map((row) => row.state)).toEqual(["ESTABLISHED", "CLOSE_WAIT", "CLOSE_WAIT", "CLOSE_WAIT", "ESTABLISHED", "TIME_WAIT", "ESTABLISHED"]);
  });

  it("reads indented rows and a listener on one interface address", () => {
    expect(parseNetstatWindows(osOutput("netstat-windows-ano-listening-indented.txt"))).toEqual([
      { protocol: "tcp", address: "0.0.0.0", port: 80, family: 4, state: "LISTENING", pid: 64200, listening: true },
      { protocol: "tcp", address: "0.0.0.0", port: 443, family: 4, state: "LISTENING", pid: 64200, listening: true },
      { protocol: "tcp", address: "192.168.0.5", port: 8080, family: 4, state: "LISTENING", pid: 18364, listening: true },
    ]);
  });

  it("reads a server's IPv4 and IPv6 listeners", () => {
    const rows = parseNetstatWindows(osOutput("netstat-windows-ano-server-ipv6.txt"));
    expect(rows).toHaveLength(18);
    expect(rows.every((row) => row.listening && row.protocol === "tcp")).toBe(true);
    expect(rows.filter((row) => row.family === 6)).toHaveLength(10);
    expect(rows.find((row) => row.port === 139)).toEqual({ protocol: "tcp", address: "10.10.10.184", port: 139, family: 4, state: "LISTENING", pid: 4, listening: true });
    expect(rows.find((row) => row.port === 135)).toEqual({ protocol: "tcp", address: "::", port: 135, family: 6, state: "LISTENING", pid: 864, listening: true });
  });

  it("skips a localised (zh-CN) header and finds no listener among TIME_WAIT rows", () => {
    expect(parseNetstatWindows(osOutput("netstat-windows-ano-zh-CN.txt"))).toEqual([
      { protocol: "tcp", address: "127.0.0.1", port: 8411, family: 4, state: "TIME_WAIT", pid: 0, listening: false },
      { protocol: "tcp", address: "127.0.0.1", port: 8411, family: 4, state: "TIME_WAIT", pid: 0, listening: false },
    ]);
  });

  it("finds listeners whose state word is German (ABHÖREN) by their port-0 peer, and skips other lines", () => {
    expect(parseNetstatWindows(osOutput("netstat-windows-anbo-de-select-string.txt"))).toEqual([
      { protocol: "tcp", address: "0.0.0.0", port: 12345, family: 4, state: "ABHÖREN", pid: 7508, listening: true },
      { protocol: "tcp", address: "192.168.0.2", port: 139, family: 4, state: "ABHÖREN", pid: 4, listening: true },
    ]);
  });

  it("reads UDP rows (no state, `*:*` peer) as bound sockets, with zones kept", () => {
    const rows = parseNetstatWindows(osOutput("netstat-windows-ano-tcp-udp-excerpt.txt"));
    expect(rows.filter((row) => row.protocol === "tcp" && row.listening).map((row) => [row.address, row.port, row.family, row.pid])).toEqual([
      ["0.0.0.0", 135, 4, 1192],
      ["0.0.0.0", 445, 4, 4],
      ["127.0.0.1", 57808, 4, 4136],
      ["192.168.100.14", 139, 4, 4],
      ["::", 135, 6, 1192],
      ["::", 445, 6, 4],
      ["::1", 1420, 6, 11524],
    ]);
    expect(rows.filter((row) => row.protocol === "tcp" && !row.listening).map((row) => row.state)).toEqual(["ESTABLISHED", "TIME_WAIT", "ESTABLISHED"]);
    expect(rows.filter((row) => row.protocol === "udp")).toEqual([
      { protocol: "udp", address: "0.0.0.0", port: 5353, family: 4, state: "", pid: 3604, listening: true },
      { protocol: "udp", address: "0.0.0.0", port: 5353, family: 4, state: "", pid: 3604, listening: true },
      { protocol: "udp", address: "0.0.0.0", port: 5353, family: 4, state: "", pid: 2896, listening: true },
      { protocol: "udp", address: "127.0.0.1", port: 1900, family: 4, state: "", pid: 3920, listening: true },
      { protocol: "udp", address: "192.168.100.14", port: 137, family: 4, state: "", pid: 4, listening: true },
      { protocol: "udp", address: "::", port: 5353, family: 6, state: "", pid: 3604, listening: true },
      { protocol: "udp", address: "::1", port: 1900, family: 6, state: "", pid: 3920, listening: true },
      { protocol: "udp", address: "fe80::2eab:cf7c:88:b019%17", port: 1900, family: 6, state: "", pid: 3920, listening: true },
    ]);
  });

  it("reads CRLF output (as netstat.exe writes it) the same", () => {
    const text = osOutput("netstat-windows-ano-server-ipv6.txt");
    expect(parseNetstatWindows(crlf(text))).toEqual(parseNetstatWindows(text));
  });
});

describe("parseTasklist", () => {
  it("reads tasklist /fo csv /nh, with a comma inside the quoted memory column", () => {
    expect(parseTasklist(osOutput("tasklist-csv-nh-kb.txt"))).toEqual(
      new Map([
        [0, "System Idle Process"],
        [4, "System"],
        [1056, "smss.exe"],
        [1188, "csrss.exe"],
        [1212, "winlogon.exe"],
      ]),
    );
  });

  it("skips a header row and keeps names with spaces or without .exe", () => {
    const images = parseTasklist(crlf(osOutput("tasklist-csv-pl-excerpt.txt")));
    expect(images.size).toBe(12);
    expect(images.get(172)).toBe("Registry");
    expect(images.get(2836)).toBe("Memory Compression");
    expect(images.get(5760)).toBe("com.docker.service");
    expect(images.get(9684)).toBe("NVIDIA Web Helper.exe");
    expect(images.get(10824)).toBe("node.exe");
    expect(images.has(Number.NaN)).toBe(false);
  });

  it("reads a quote inside a name and ignores tasklist's INFO notice", () => {
    expect(parseTasklist('"a ""b"".exe","7","Console","1","1 K"\r\nINFO: No tasks are running which match the specified criteria.\r\n')).toEqual(new Map([[7, 'a "b".exe']]));
  });
});

describe("parseExcludedRanges", () => {
  it("reads the English netsh output, an administered (*) range included", () => {
    expect(parseExcludedRanges(osOutput("netsh-excludedportrange-tcp-administered.txt"))).toEqual([
      { from: 80, to: 80 },
      { from: 5986, to: 5986 },
      { from: 47001, to: 47001 },
      { from: 55679, to: 55679 },
    ]);
  });

  it("reads the Spanish output, whose headers are translated", () => {
    const ranges = parseExcludedRanges(crlf(osOutput("netsh-excludedportrange-tcp-es.txt")));
    expect(ranges).toHaveLength(16);
    expect(ranges.slice(0, 4)).toEqual([
      { from: 20, to: 22 },
      { from: 80, to: 80 },
      { from: 443, to: 443 },
      { from: 1898, to: 1997 },
    ]);
    expect(ranges.at(-1)).toEqual({ from: 50000, to: 50059 });
  });
});

describe("parsePasswd", () => {
  it("maps uids to names", () => {
    expect(parsePasswd("root:x:0:0:root:/root:/bin/bash\n# comment\nbroken\nnobody:x:65534:65534::/:/usr/sbin/nologin\ntoor:x:0:0::/:/bin/sh\n")).toEqual(
      new Map([
        [0, "root"],
        [65534, "nobody"],
      ]),
    );
  });
});

describe("listenersOnPort", () => {
  const listener = (port: number): Listener => ({ protocol: "tcp", address: "0.0.0.0", port, family: 4 });

  it("matches the port exactly: 8000 is neither 18000 nor 80001", () => {
    const listeners = [listener(18000), listener(80001), listener(8000), listener(800)];
    expect(listenersOnPort(listeners, 8000)).toEqual([listener(8000)]);
    expect(listenersOnPort(listeners, 18000)).toEqual([listener(18000)]);
    expect(listenersOnPort(listeners, 80)).toEqual([]);
  });

  it("on real outputs: `find \":80\"` caught 0.0.0.0:8042, port 80 does not", () => {
    const rows = parseNetstatWindows(osOutput("netstat-windows-aon-find-80-listening.txt")).map(
      (row): Listener => ({ protocol: row.protocol, address: row.address, port: row.port, family: row.family, pid: row.pid }),
    );
    expect(listenersOnPort(rows, 80)).toEqual([{ protocol: "tcp", address: "127.0.0.2", port: 80, family: 4, pid: 3040 }]);
    expect(listenersOnPort(rows, 8042).map((row) => row.pid)).toEqual([8224]);
    expect(listenersOnPort(rows, 8)).toEqual([]);

    const proc = parseProcNetTcp(osOutput("proc-net-tcp.txt")).map((row): Listener => ({ protocol: "tcp", address: row.address, port: row.port, family: row.family }));
    expect(listenersOnPort(proc, 8000)).toEqual([]);
    expect(listenersOnPort(proc, 1800)).toEqual([]);
    expect(listenersOnPort(proc, 18000)).toHaveLength(2);
  });
});

describe("robustness", () => {
  it("never throws on garbage and returns nothing", () => {
    for (const text of GARBAGE) {
      expect(parseProcNetTcp(text)).toEqual([]);
      expect(parseSs(text)).toEqual([]);
      expect(parseLsofFields(text)).toEqual([]);
      expect(parseNetstatWindows(text)).toEqual([]);
      expect(parseTasklist(text)).toEqual(new Map());
      expect(parseExcludedRanges(text)).toEqual([]);
      expect(parsePasswd(text)).toEqual(new Map());
    }
  });

  it("skips a garbage line between good rows", () => {
    const lines = osOutput("ss-linux-ltnpH.txt").split("\n");
    lines.splice(2, 0, "LISTEN 0 5 not-an-address 0.0.0.0:*", "\u0000\u0001");
    expect(parseSs(lines.join("\n"))).toHaveLength(4);
    const proc = osOutput("proc-net-tcp6.txt").split("\n");
    proc.splice(1, 0, "   9: 0000:4652 0000:0000 0A garbage");
    expect(parseProcNetTcp(proc.join("\n"))).toHaveLength(3);
    expect(parseExcludedRanges("Start Port    End Port\n     70000       70001\n      5000        4000\n      5357        5357\n")).toEqual([{ from: 5357, to: 5357 }]);
  });

  it("does not treat wrong-kind input as rows", () => {
    expect(parseSs(osOutput("proc-net-tcp.txt"))).toEqual([]);
    expect(parseProcNetTcp(osOutput("ss-linux-ltnpH.txt"))).toEqual([]);
    expect(parseNetstatWindows(osOutput("netstat-linux-ltnp.txt"))).toEqual([]);
    expect(parseLsofFields(osOutput("lsof-linux-listen.txt"))).toEqual([]);
    expect(parseTasklist(osOutput("netstat-windows-ano-findstr-3000.txt"))).toEqual(new Map());
  });
});
