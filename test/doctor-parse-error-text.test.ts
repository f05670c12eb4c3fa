import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseErrorText, type PastedError } from "../src/diagnose/parse-error-text.js";
import { OS_FIXTURES } from "./helpers/os-fixtures.js";

/**
 * The samples are read from error-messages.md (see SOURCES.md there): its ```text blocks, without the lines the
 * capture script added (`err.message = ...`, `err.code = ...`) and without its labels around Python's output
 * (`bind 127.0.0.1:16379: ` before, `  | repr=...` after).
 */
const FIXTURE = readFileSync(`${OS_FIXTURES}error-messages.md`, "utf8");

function unlabel(line: string): string {
  return line.replace(/^(?:bind|connect) .*?: (?=\w+Error: )/, "").replace(/\s+\|.*$/, "");
}

const BLOCKS: string[][] = [...FIXTURE.matchAll(/```text\n([\s\S]*?)```/g)].map((m) =>
  (m[1] ?? "")
    .split("\n")
    .filter((line) => !/^err\.(?:message|code) = /.test(line))
    .map(unlabel),
);

interface Sample {
  block: number;
  /** Index of the first and one past the last line. */
  from: number;
  to: number;
  text: string;
}

interface Case {
  /** A substring of the sample's line in the fixture. */
  find: string;
  /** Which of several lines containing `find` (default: it must be unique). */
  nth?: number;
  /** Pass the whole paragraph around the line (a Node `util.inspect` dump, a traceback), not the line alone. */
  whole?: boolean;
  expected: PastedError;
}

function sampleOf(c: Case): Sample {
  const hits = BLOCKS.flatMap((lines, block) => lines.flatMap((line, index) => (line.includes(c.find) ? [{ block, index }] : [])));
  if (c.nth === undefined && hits.length !== 1) throw new Error(`"${c.find}" is on ${hits.length} lines of error-messages.md`);
  const hit = hits[c.nth ?? 0];
  if (hit === undefined) throw new Error(`"${c.find}" is not in error-messages.md`);
  const lines = BLOCKS[hit.block] ?? [];
  if (c.whole !== true) return { block: hit.block, from: hit.index, to: hit.index + 1, text: lines[hit.index] ?? "" };
  let from = hit.index;
  let to = hit.index + 1;
  while (from > 0 && (lines[from - 1] ?? "").trim() !== "") from -= 1;
  while (to < lines.length && (lines[to] ?? "").trim() !== "") to += 1;
  return { block: hit.block, from, to, text: lines.slice(from, to).join("\n") };
}

const inUse = (port: number | undefined, address: string | undefined, program: PastedError["program"], quote: string): PastedError => ({
  kind: "address-in-use",
  ...(port === undefined ? {} : { port }),
  ...(address === undefined ? {} : { address }),
  program,
  quote,
});

const FIXTURE_CASES: Case[] = [
  // 1.1 Node v20 on Linux, util.inspect of the 'error' event
  { find: "address already in use :::18000", nth: 0, whole: true, expected: inUse(18000, "::", "node", "Error: listen EADDRINUSE: address already in use :::18000") },
  {
    find: "address already in use 127.0.0.1:16379",
    whole: true,
    expected: inUse(16379, "127.0.0.1", "node", "Error: listen EADDRINUSE: address already in use 127.0.0.1:16379"),
  },
  { find: "address already in use ::1:18001", whole: true, expected: inUse(18001, "::1", "node", "Error: listen EADDRINUSE: address already in use ::1:18001") },
  { find: "uncaught.js", whole: true, expected: inUse(18000, "::", "node", "Error: listen EADDRINUSE: address already in use :::18000") },
  // 1.2 Node connect errors
  {
    find: "Error: connect ECONNREFUSED 127.0.0.1:18999",
    nth: 0,
    whole: true,
    expected: { kind: "connection-refused", port: 18999, address: "127.0.0.1", program: "node", quote: "Error: connect ECONNREFUSED 127.0.0.1:18999" },
  },
  {
    find: "Error: connect ECONNREFUSED ::1:18999",
    nth: 0,
    whole: true,
    expected: { kind: "connection-refused", port: 18999, address: "::1", program: "node", quote: "Error: connect ECONNREFUSED ::1:18999" },
  },
  // The AggregateError's own message is empty: the first nested error names the port.
  {
    find: "AggregateError [ECONNREFUSED]",
    whole: true,
    expected: { kind: "connection-refused", port: 18999, address: "::1", program: "node", quote: "Error: connect ECONNREFUSED ::1:18999" },
  },
  {
    find: "Error: connect EHOSTUNREACH",
    whole: true,
    expected: { kind: "host-unreachable", port: 8000, address: "192.0.2.77", program: "node", quote: "Error: connect EHOSTUNREACH 192.0.2.77:8000" },
  },
  {
    find: "Error: connect ETIMEDOUT",
    whole: true,
    expected: { kind: "timeout", port: 18500, address: "127.0.0.1", program: "node", quote: "Error: connect ETIMEDOUT 127.0.0.1:18500" },
  },
  {
    find: "Error: getaddrinfo ENOTFOUND",
    whole: true,
    expected: { kind: "host-not-found", address: "no-such-host.invalid", program: "node", quote: "Error: getaddrinfo ENOTFOUND no-such-host.invalid" },
  },
  // 1.3 Python 3.11 on Linux: no port in the message
  { find: "OSError: [Errno 98] Address already in use", nth: 0, expected: inUse(undefined, undefined, "python", "OSError: [Errno 98] Address already in use") },
  { find: "OSError: [Errno 98] Address already in use", nth: 1, expected: inUse(undefined, undefined, "python", "OSError: [Errno 98] Address already in use") },
  { find: "OSError: [Errno 98] Address already in use", nth: 2, expected: inUse(undefined, undefined, "python", "OSError: [Errno 98] Address already in use") },
  {
    find: "ConnectionRefusedError: [Errno 111]",
    expected: { kind: "connection-refused", program: "python", quote: "ConnectionRefusedError: [Errno 111] Connection refused" },
  },
  { find: "[Errno 113] No route to host", expected: { kind: "host-unreachable", program: "python", quote: "OSError: [Errno 113] No route to host" } },
  { find: "TimeoutError: [Errno 110]", expected: { kind: "timeout", program: "python", quote: "TimeoutError: [Errno 110] Connection timed out" } },
  // 2. Node on macOS and Windows, older Node
  { find: "address already in use :::3000", whole: true, expected: inUse(3000, "::", "node", "Error: listen EADDRINUSE: address already in use :::3000") },
  { find: "address already in use :::5000", whole: true, expected: inUse(5000, "::", "node", "Error: listen EADDRINUSE: address already in use :::5000") },
  { find: "Error: listen EADDRINUSE :::5000", expected: inUse(5000, "::", "node", "Error: listen EADDRINUSE :::5000") },
  { find: "Error: listen EADDRINUSE 0.0.0.0:3000", expected: inUse(3000, "0.0.0.0", "node", "Error: listen EADDRINUSE 0.0.0.0:3000") },
  // Python / uvicorn / asyncio / uvloop
  { find: "OSError: [Errno 48] Address already in use", expected: inUse(undefined, undefined, "python", "OSError: [Errno 48] Address already in use") },
  {
    find: "('0.0.0.0', 65432)",
    expected: inUse(65432, "0.0.0.0", "uvicorn", "ERROR:    [Errno 48] error while attempting to bind on address ('0.0.0.0', 65432): address already in use"),
  },
  {
    find: "ConnectionRefusedError(61,",
    expected: {
      kind: "connection-refused",
      program: "python",
      quote: "connect_tcp.failed exception=ConnectError(ConnectionRefusedError(61, 'Connection refused'))",
    },
  },
  {
    find: "Server check failed: [Errno 61]",
    expected: { kind: "connection-refused", program: "python", quote: "Server check failed: [Errno 61] Connection refused, retrying..." },
  },
  {
    find: "('0.0.0.0', 7878)",
    expected: inUse(7878, "0.0.0.0", "uvicorn", "ERROR (uvicorn.error):  [Errno 98] error while attempting to bind on address ('0.0.0.0', 7878): address already in use"),
  },
  {
    find: "('0.0.0.0', 52415)",
    expected: inUse(52415, "0.0.0.0", "python", "OSError: [Errno 98] error while attempting to bind on address ('0.0.0.0', 52415): address already in use"),
  },
  {
    find: "[Errno 99]",
    expected: {
      kind: "address-not-available",
      port: 8000,
      address: "::1",
      program: "uvicorn",
      quote: "ERROR:    [Errno 99] error while attempting to bind on address ('::1', 8000, 0, 0): cannot assign requested address",
    },
  },
  {
    find: "OSError: [WinError 10048] Only one usage",
    expected: inUse(undefined, undefined, "windows", "OSError: [WinError 10048] Only one usage of each socket address (protocol/network address/port) is normally permitted"),
  },
  {
    find: "Listen failure: Couldn't listen on 127.0.0.1:8000",
    expected: inUse(
      8000,
      "127.0.0.1",
      "windows",
      "Listen failure: Couldn't listen on 127.0.0.1:8000: [WinError 10048] Only one usage of each socket address (protocol/network address/port) is normally permitted.",
    ),
  },
  {
    find: "('0.0.0.0', 8080)",
    expected: inUse(
      8080,
      "0.0.0.0",
      "uvicorn",
      "ERROR:    [Errno 10048] error while attempting to bind on address ('0.0.0.0', 8080): only one usage of each socket address (protocol/network address/port) is normally permitted",
    ),
  },
  {
    find: "('127.0.0.1', 5001)",
    expected: inUse(
      5001,
      "127.0.0.1",
      "python",
      "OSError: [Errno 10048] error while attempting to bind on address ('127.0.0.1', 5001): only one usage of each socket address (protocol/network address/port) is normally permitted",
    ),
  },
  {
    find: "('127.0.0.1', 8502)",
    expected: inUse(8502, "127.0.0.1", "uvicorn", "ERROR:    [Errno 10048] error while attempting to bind on address ('127.0.0.1', 8502): 通常每个套接字地址(协议/网络地址/端口)只允许使用一次。"),
  },
  {
    find: "[WinError 10048] Solo se permite",
    expected: inUse(undefined, undefined, "windows", "OSError: [WinError 10048] Solo se permite un uso de cada dirección de socket (protocolo/dirección de red/puerto)"),
  },
  // Rust std, Docker's userland proxy (no port in this one)
  { find: "kind: AddrInUse", expected: inUse(undefined, undefined, "other", 'Error: Os { code: 48, kind: AddrInUse, message: "Address already in use" }') },
  {
    find: "Failed to bind: EADDRINUSE",
    expected: inUse(
      undefined,
      undefined,
      "docker",
      "ERROR: for nginx  driver failed programming external connectivity on endpoint phpapp_nginx_1 (c3fae16f60cd9692ff4aae0ecb6f325534bfb9fd1ded3403b72083c4b795e86f): Error starting userland proxy: Failed to bind: EADDRINUSE",
    ),
  },
];

describe("parseErrorText on every sample of error-messages.md", () => {
  it.each(FIXTURE_CASES.map((c) => [c.find + (c.nth === undefined ? "" : ` #${c.nth}`), c] as const))("%s", (_, c) => {
    expect(parseErrorText(sampleOf(c).text)).toEqual(c.expected);
  });

  it("has a case for every line it recognises, and for every ```text block", () => {
    const samples = FIXTURE_CASES.map(sampleOf);
    expect(new Set(samples.map((s) => s.block)).size).toBe(BLOCKS.length);
    const uncovered = BLOCKS.flatMap((lines, block) =>
      lines.filter(
        (line, index) =>
          /^\S/.test(line) && parseErrorText(line) !== null && !samples.some((s) => s.block === block && s.from <= index && index < s.to),
      ),
    );
    expect(uncovered).toEqual([]);
  });

  it("reads Windows line endings alike", () => {
    const text = sampleOf(FIXTURE_CASES[0] ?? { find: "", expected: inUse(0, "", "node", "") }).text.replace(/\n/g, "\r\n");
    expect(parseErrorText(text)).toEqual(FIXTURE_CASES[0]?.expected);
  });
});

/** Real messages quoted in public issue threads, in shapes error-messages.md does not hold. */
const PUBLIC_SAMPLES: [string, string, PastedError][] = [
  [
    "github.com/0xmoei/allora-testnet/issues/11",
    "Error response from daemon: driver failed programming external connectivity on endpoint inference-basic-eth-pred (9c9f32a7ae6162b9394eef6cb3667a8ff4cec7ef3befaa5d1cfb294adf9b2f9f): Bind for 0.0.0.0:8000 failed: port is already allocated",
    inUse(
      8000,
      "0.0.0.0",
      "docker",
      "Error response from daemon: driver failed programming external connectivity on endpoint inference-basic-eth-pred (9c9f32a7ae6162b9394eef6cb3667a8ff4cec7ef3befaa5d1cfb294adf9b2f9f): Bind for 0.0.0.0:8000 failed: port is already allocated",
    ),
  ],
  [
    "github.com/Zondax/namadexer/issues/142",
    "Error response from daemon: driver failed programming external connectivity on endpoint postgres (76cc3d4ee22d005fe737a61d875a0ac3dc6709367c5788976f013d9fdace1ab5): Error starting userland proxy: listen tcp4 0.0.0.0:5432: bind: address already in use",
    inUse(
      5432,
      "0.0.0.0",
      "docker",
      "Error response from daemon: driver failed programming external connectivity on endpoint postgres (76cc3d4ee22d005fe737a61d875a0ac3dc6709367c5788976f013d9fdace1ab5): Error starting userland proxy: listen tcp4 0.0.0.0:5432: bind: address already in use",
    ),
  ],
  [
    "github.com/msemn/bd-infra/issues/6 (Windows excluded port range)",
    "Error response from daemon: Ports are not available: exposing port TCP 0.0.0.0:50070 -> 0.0.0.0:0: listen tcp 0.0.0.0:50070: bind: An attempt was made to access a socket in a way forbidden by its access permissions.",
    {
      kind: "permission-denied",
      port: 50070,
      address: "0.0.0.0",
      program: "docker",
      quote:
        "Error response from daemon: Ports are not available: exposing port TCP 0.0.0.0:50070 -> 0.0.0.0:0: listen tcp 0.0.0.0:50070: bind: An attempt was made to access a socket in a way forbidden by its access permissions.",
    },
  ],
  [
    "github.com/rafi1212122/BH3_PS/issues/21",
    "Error: listen EACCES: permission denied 0.0.0.0:80\n    at Server.setupListenHandle [as _listen2] (node:net:1723:21)\n  code: 'EACCES',\n  errno: -4092,\n  syscall: 'listen',\n  address: '0.0.0.0',\n  port: 80\n}",
    { kind: "permission-denied", port: 80, address: "0.0.0.0", program: "node", quote: "Error: listen EACCES: permission denied 0.0.0.0:80" },
  ],
  [
    "github.com/xiaohuasheng/notebook/issues/71 (nginx on Windows)",
    "2020/04/21 09:27:13 [emerg] 17384#13972: bind() to 0.0.0.0:80 failed (10013: An attempt was made to access a socket in a way forbidden by its access permissions)",
    {
      kind: "permission-denied",
      port: 80,
      address: "0.0.0.0",
      program: "windows",
      quote: "2020/04/21 09:27:13 [emerg] 17384#13972: bind() to 0.0.0.0:80 failed (10013: An attempt was made to access a socket in a way forbidden by its access permissions)",
    },
  ],
  [
    "github.com/curl/curl/issues/9358",
    "curl: (7) Failed to connect to 127.0.0.1 port 20170: Connection refused",
    { kind: "connection-refused", port: 20170, address: "127.0.0.1", program: "curl", quote: "curl: (7) Failed to connect to 127.0.0.1 port 20170: Connection refused" },
  ],
  [
    "github.com/instructure/canvas-lms/issues/2539",
    "curl http://localhost:3000\ncurl: (7) Failed to connect to localhost port 3000 after 1 ms: Connection refused",
    { kind: "connection-refused", port: 3000, address: "localhost", program: "curl", quote: "curl: (7) Failed to connect to localhost port 3000 after 1 ms: Connection refused" },
  ],
  [
    "github.com/jtdowney/tsbridge/issues/111 (curl 8 -v: the reason is on the verbose line only)",
    [
      "* Host adguard.falcon-xxxxxxxx.ts.net:80 was resolved.",
      "* IPv6: (none)",
      "* IPv4: 100.xxx.xx.30",
      "*   Trying 100.xxx.xx.30:80...",
      "* connect to 100.xxx.xx.30 port 80 from 100.xxx.xx.108 port 52300 failed: Connection refused",
      "* Failed to connect to adguard.falcon-xxxxxxxx.ts.net port 80 after 19 ms: Couldn't connect to server",
      "* Closing connection",
      "curl: (7) Failed to connect to adguard.falcon-xxxxxxxx.ts.net port 80 after 19 ms: Couldn't connect to server",
    ].join("\n"),
    {
      kind: "connection-refused",
      port: 80,
      address: "100.xxx.xx.30",
      program: "curl",
      quote: "* connect to 100.xxx.xx.30 port 80 from 100.xxx.xx.108 port 52300 failed: Connection refused",
    },
  ],
  [
    "github.com/jtdowney/tsbridge/issues/111 (curl 8 without -v: exit code 7)",
    "curl: (7) Failed to connect to adguard.falcon-xxxxxxxx.ts.net port 80 after 19 ms: Couldn't connect to server",
    {
      kind: "connection-refused",
      port: 80,
      address: "adguard.falcon-xxxxxxxx.ts.net",
      program: "curl",
      quote: "curl: (7) Failed to connect to adguard.falcon-xxxxxxxx.ts.net port 80 after 19 ms: Couldn't connect to server",
    },
  ],
  [
    "github.com/mato/tailscale-turris/issues/6 (curl 8: exit code 28)",
    "curl: (28) Failed to connect to pkgs-tailscale.lucina.net port 443 after 75005 ms: Couldn't connect to server",
    {
      kind: "timeout",
      port: 443,
      address: "pkgs-tailscale.lucina.net",
      program: "curl",
      quote: "curl: (28) Failed to connect to pkgs-tailscale.lucina.net port 443 after 75005 ms: Couldn't connect to server",
    },
  ],
  [
    "github.com/zodern/meteor-up/issues/818 (progress meter on the same line)",
    "  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0curl: (7) Failed to connect to localhost port 80: Connection refused",
    { kind: "connection-refused", port: 80, address: "localhost", program: "curl", quote: "curl: (7) Failed to connect to localhost port 80: Connection refused" },
  ],
  [
    "github.com/0vercl0k/paracosme/issues/2",
    "    sock.connect(sa)\nConnectionRefusedError: [WinError 10061] No connection could be made because the target machine actively refused it",
    {
      kind: "connection-refused",
      program: "windows",
      quote: "ConnectionRefusedError: [WinError 10061] No connection could be made because the target machine actively refused it",
    },
  ],
  [
    "redis-server's wording (server.c: \"Could not create server TCP listening socket %s:%d\"), as its log prints it",
    "1:M 05 Dec 2026 21:50:01.123 # Warning: Could not create server TCP listening socket *:6379: bind: Address already in use",
    {
      kind: "address-in-use",
      port: 6379,
      program: "other",
      quote: "1:M 05 Dec 2026 21:50:01.123 # Warning: Could not create server TCP listening socket *:6379: bind: Address already in use",
    },
  ],
  [
    "PostgreSQL's postmaster on a held port: the port is only in the HINT line",
    'LOG:  could not bind IPv4 address "127.0.0.1": Address already in use\nHINT:  Is another postmaster already running on port 5432? If not, wait a few seconds and retry.',
    {
      kind: "address-in-use",
      port: 5432,
      program: "other",
      quote: "HINT:  Is another postmaster already running on port 5432? If not, wait a few seconds and retry.",
    },
  ],
];

describe("parseErrorText on public samples", () => {
  it.each(PUBLIC_SAMPLES)("%s", (_, text, expected) => {
    expect(parseErrorText(text)).toEqual(expected);
  });
});

describe("parseErrorText on anything else", () => {
  it.each([
    "",
    "\n\n",
    "hello world",
    "port 8000",
    "Error: something went wrong",
    "bash: ./run.sh: Permission denied",
    "Error: EACCES: permission denied, open '/etc/shadow'",
    "    at Server.setupListenHandle [as _listen2] (node:net:1908:16)",
    "\u0000\u0001\u0002 binary \uFFFD",
    "a".repeat(10_000),
    "{}",
  ].map((text) => [JSON.stringify(text).slice(0, 60), text] as const))("%s → null", (_, text) => {
    expect(parseErrorText(text)).toBeNull();
  });

  it("takes a port only when it is one, and whole", () => {
    expect(parseErrorText("Error: listen EADDRINUSE: address already in use :::99999")).toEqual({
      kind: "address-in-use",
      program: "node",
      quote: "Error: listen EADDRINUSE: address already in use :::99999",
    });
    expect(parseErrorText("ERROR:    [Errno 98] error while attempting to bind on address ('0.0.0.0', 180000): address already in use")?.port).toBeUndefined();
    expect(parseErrorText("curl: (7) Failed to connect to 10.0.0.1 port 80000: Connection refused")?.port).toBeUndefined();
  });
});
