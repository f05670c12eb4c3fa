import { parseEndpoint } from "../observe/parse/parse-endpoint.js";

/** Beyond the five doctor diagnoses: EADDRNOTAVAIL (uvicorn binding ::1 where IPv6 loopback is missing) and ENOTFOUND. */
export type PastedErrorKind =
  | "address-in-use"
  | "connection-refused"
  | "timeout"
  | "host-unreachable"
  | "permission-denied"
  | "address-not-available"
  | "host-not-found";

/** "windows": a Windows socket error with no other program recognised (`[WinError 10048]`, Go's "Only one usage ..."). */
export type PastedErrorProgram = "node" | "python" | "uvicorn" | "docker" | "windows" | "curl" | "other";

export interface PastedError {
  kind: PastedErrorKind;
  /** Absent when the message names none (Python's `[Errno 98] Address already in use`). */
  port?: number;
  /** Brackets removed. */
  address?: string;
  program?: PastedErrorProgram;
  quote: string;
}

// Windows socket errors (WSA codes) are the same in every language; the English text is matched otherwise, because
// errno numbers differ between Linux and macOS (61 is ECONNREFUSED on macOS, ENODATA on Linux).
const wsa = (...codes: number[]): string => `\\[(?:WinError|Errno) (?:${codes.join("|")})\\]`;

/** The first that matches a line decides its kind. */
const KINDS: readonly (readonly [PastedErrorKind, RegExp])[] = [
  [
    "address-in-use",
    new RegExp(`\\bEADDRINUSE\\b|address already in use|another postmaster|port is already allocated|only one usage of each socket address|\\bAddrInUse\\b|${wsa(10048)}`, "i"),
  ],
  [
    "address-not-available",
    new RegExp(`\\bEADDRNOTAVAIL\\b|(?:cannot|can't) assign requested address|requested address is not valid in its context|\\bAddrNotAvailable\\b|${wsa(10049)}`, "i"),
  ],
  [
    "permission-denied",
    new RegExp(
      `\\b(?:listen|bind) EACCES\\b|forbidden by its access permissions|\\bbind: permission denied|\\[Errno 13\\] (?:Permission denied\\s*$|error while attempting to bind)|${wsa(10013)}`,
      "i",
    ),
  ],
  ["connection-refused", new RegExp(`\\bECONNREFUSED\\b|\\bconnection refused\\b|\\bconnect refused\\b|actively refused|\\bConnectionRefused(?:Error)?\\b|\\bConnect call failed\\b|${wsa(10061)}`, "i")],
  [
    "host-unreachable",
    new RegExp(`\\bE(?:HOST|NET)UNREACH\\b|no route to host|(?:host|network) is unreachable|\\b(?:Host|Network)Unreachable\\b|${wsa(10065, 10051)}`, "i"),
  ],
  [
    "timeout",
    new RegExp(
      `\\bETIMEDOUT\\b|\\b(?:connection|operation) timed out\\b|\\bi/o timeout\\b|did not properly respond after a period of time|\\bTimeoutError\\b|\\bConnectTimeout|${wsa(10060)}`,
      "i",
    ),
  ],
  [
    "host-not-found",
    new RegExp(`\\bENOTFOUND\\b|\\bEAI_AGAIN\\b|getaddrinfo failed|name or service not known|nodename nor servname provided|could not resolve host|${wsa(11001)}`, "i"),
  ],
];

const CURL = /curl: \((\d+)\)/;
/** curl 8 words refused connections "Couldn't connect to server": only its exit code tells the kind. */
const CURL_CODES: Record<string, PastedErrorKind> = { "6": "host-not-found", "7": "connection-refused", "28": "timeout" };

const PROGRAMS: readonly (readonly [PastedErrorProgram, RegExp])[] = [
  ["uvicorn", /^\s*ERROR\b.*error while attempting to bind on address/],
  ["docker", /port is already allocated|userland proxy|driver failed programming external connectivity|Ports are not available|Error response from daemon/i],
  ["curl", /curl: \(\d+\)|cURL error \d+|\bFailed to connect to \S+ port \d+|\bconnect to \S+ port \d+ from \S+ port \d+ failed/],
  ["node", /\b(?:listen|connect|bind) E[A-Z]{3,}\b|\bgetaddrinfo E[A-Z]+\b|^\s*AggregateError \[E[A-Z]+\]|^\s*code: 'E[A-Z]+'/],
  // Python's `[WinError N]` is Windows speaking; its `[Errno 10048]` (asyncio, uvloop) stays Python's.
  ["windows", /\[WinError \d+\]/],
  ["python", /\[Errno -?\d+\]|\b\w+Error\(-?\d+, '|\b(?:OSError|ConnectionRefusedError|TimeoutError|PermissionError)\b/],
  ["windows", /only one usage of each socket address|actively refused it|forbidden by its access permissions|did not properly respond after a period of time/i],
];

interface Place {
  address?: string;
  port?: number;
}

/** Port 0 is no port: a listen on 0 takes any free one and never fails as in use. */
function validPort(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port >= 1 && port <= 65_535 ? port : undefined;
}

/** Go's `:80` too; trailing punctuation ignored. */
function endpoint(text: string): Place | undefined {
  const cleaned = text.replace(/[,;:)'".]+$/, "");
  const portOnly = /^:(\d{1,5})$/.exec(cleaned);
  if (portOnly !== null) {
    const port = validPort(portOnly[1]);
    return port === undefined ? undefined : { port };
  }
  const parsed = parseEndpoint(cleaned);
  return parsed === undefined || parsed.port === 0 ? undefined : { address: parsed.address, port: parsed.port };
}

function place(address: string | undefined, portText: string | undefined): Place | undefined {
  const port = validPort(portText);
  if (port === undefined) return undefined;
  return address === undefined || address === "" ? { port } : { address: address.replace(/^\[(.*)\]$/, "$1"), port };
}

/** From the most specific wording to the least. */
const LOCATORS: readonly ((line: string) => Place | undefined)[] = [
  (line) => {
    const m = /\('([^']*)', (\d+)(?:, \d+, \d+)?\)/.exec(line);
    return m === null ? undefined : place(m[1], m[2]);
  },
  (line) => {
    const m = /\bconnect to (\S+) port (\d+)(?!\d)/i.exec(line) ?? /\bFailed connect to (\S+?):(\d+);/.exec(line);
    return m === null ? undefined : place(m[1], m[2]);
  },
  (line) => {
    const m = /\bBind for (\S+) failed\b/.exec(line);
    return m === null ? undefined : endpoint(m[1] ?? "");
  },
  (line) => {
    const m = /\b(?:listen|connect|bind) E[A-Z]{3,}\b(.*)$/.exec(line);
    if (m === null) return undefined;
    for (const token of (m[1] ?? "").split(/\s+/)) {
      const found = endpoint(token);
      if (found !== undefined) return found;
    }
    return undefined;
  },
  (line) => {
    const host = /\bgetaddrinfo E[A-Z]+ ([\w.-]+)/.exec(line)?.[1];
    return host === undefined ? undefined : { address: host };
  },
  (line) => {
    const m = /\b(?:listen|dial) (?:tcp|udp)[46]? (\S+?): /.exec(line);
    return m === null ? undefined : endpoint(m[1] ?? "");
  },
  (line) => {
    const m = /\bbind\(\) to (\S+) failed\b/.exec(line);
    return m === null ? undefined : endpoint(m[1] ?? "");
  },
  // Redis: "Could not create server TCP listening socket *:6379: bind: Address already in use"; PostgreSQL: "on port 5432?"
  (line) => {
    const m = /\blistening socket (\*|\S+?):(\d+)(?!\d)/.exec(line);
    return m === null ? undefined : place(m[1] === "*" ? undefined : m[1], m[2]);
  },
  (line) => {
    const m = /\b(?:running|listening) on port (\d+)\b/.exec(line);
    return m === null ? undefined : place(undefined, m[1]);
  },
  // Anything else naming an IPv4, bracketed IPv6 or localhost endpoint (Twisted: "Couldn't listen on 127.0.0.1:8000:")
  (line) => {
    const m = /(?:^|[\s(])(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9A-Fa-f:.]+(?:%\w+)?\]|localhost):(\d+)(?![\d.])/.exec(line);
    return m === null ? undefined : place(m[1], m[2]);
  },
];

function kindOf(line: string): PastedErrorKind | undefined {
  for (const [kind, pattern] of KINDS) if (pattern.test(line)) return kind;
  const curl = CURL.exec(line);
  return curl === null ? undefined : CURL_CODES[curl[1] ?? ""];
}

function programOf(line: string): PastedErrorProgram {
  for (const [program, pattern] of PROGRAMS) if (pattern.test(line)) return program;
  return "other";
}

function recognise(line: string): PastedError | null {
  const kind = kindOf(line);
  if (kind === undefined) return null;
  let found: Place | undefined;
  for (const locate of LOCATORS) {
    found = locate(line);
    if (found !== undefined) break;
  }
  // curl's progress meter runs into its message on the same line ("...     0curl: (7) Failed to connect ...").
  const curlAt = line.search(CURL);
  return { kind, ...found, program: programOf(line), quote: (curlAt > 0 ? line.slice(curlAt) : line).trim() };
}

/** The first recognised line of a paste decides the kind; a later line of the same kind supplies the port if the first has none. */
export function parseErrorText(text: string): PastedError | null {
  let first: PastedError | null = null;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const found = recognise(line);
    if (found === null) continue;
    if (first === null) first = found;
    if (first.port !== undefined) return first;
    if (found.kind === first.kind && found.port !== undefined) return found;
  }
  return first;
}
