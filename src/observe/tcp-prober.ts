import { isIP, Socket } from "node:net";
import { errorCode } from "../io/file-system.js";
import { systemLookup } from "./system-lookup.js";

/**
 * closed: the host refused; filtered: no answer in time, or a firewall refused; unreachable: no route, port never asked;
 * open|filtered (UDP only): no ICMP refusal within the timeout, as nmap says it.
 */
export type ProbeState = "open" | "closed" | "filtered" | "open|filtered" | "unreachable" | "name-error";

export interface ProbeResult {
  host: string;
  port: number;
  state: ProbeState;
  /** Milliseconds from the start of the probe (name lookup included) to its answer. */
  ms: number;
  errorCode?: string;
  /** The IP address the answer came from (the one connected or last tried); absent for name-error. */
  address?: string;
  /** filtered by an ICMP refusal (a firewall's REJECT): the host answered on another port, so a route exists. */
  rejected?: true;
}

export interface TcpProber {
  /** Resolves for every network outcome; rejects only for a bad port or timeout (a caller's bug). */
  probe(host: string, port: number, timeoutMs: number): Promise<ProbeResult>;
}

export type HostLookup = (host: string, timeoutMs: number) => Promise<string[]>;

// hrtime rather than performance.now(): no node:perf_hooks to load.
export const now = (): number => Number(process.hrtime.bigint()) / 1e6;

// ECONNRESET before the handshake is a refusal like ECONNREFUSED; EPERM/EACCES is a local firewall or "prohibit" route.
// Anything unlisted (or without a code) is unreachable.
const CONNECT_ERROR_STATES: Readonly<Record<string, ProbeState>> = {
  ECONNREFUSED: "closed",
  ECONNRESET: "closed",
  ETIMEDOUT: "filtered",
  EPERM: "filtered",
  EACCES: "filtered",
  EHOSTUNREACH: "unreachable",
  ENETUNREACH: "unreachable",
  EHOSTDOWN: "unreachable",
  ENETDOWN: "unreachable",
  EADDRNOTAVAIL: "unreachable",
  EAFNOSUPPORT: "unreachable",
};

export function stateForConnectError(code: string | undefined): ProbeState {
  return (code === undefined ? undefined : CONNECT_ERROR_STATES[code]) ?? "unreachable";
}

interface Attempt {
  state: ProbeState;
  errorCode?: string;
}

/** One connect to an IP address; settles only after the socket has closed. */
function connectOnce(address: string, port: number, timeoutMs: number): Promise<Attempt> {
  return new Promise((resolve) => {
    let attempt: Attempt | undefined;
    const socket = new Socket();
    const decide = (outcome: Attempt): void => {
      if (attempt !== undefined) return;
      attempt = outcome;
      clearTimeout(timer);
      socket.destroy();
    };
    const timer = setTimeout(() => decide({ state: "filtered" }), timeoutMs);
    socket.once("connect", () => decide({ state: "open" }));
    socket.on("error", (error) => {
      const code = errorCode(error);
      decide(code === undefined ? { state: stateForConnectError(code) } : { state: stateForConnectError(code), errorCode: code });
    });
    socket.once("close", () => resolve(attempt ?? { state: "closed" }));
    socket.connect({ host: address, port });
  });
}

export type Resolution = { addresses: string[] } | { errorCode: string };

/** Probes of one host at once share its lookup: `status` would otherwise start one resolver per service. */
export function sharedLookups(lookup: HostLookup): HostLookup {
  const inFlight = new Map<string, Promise<string[]>>();
  return (host, timeoutMs) => {
    const running = inFlight.get(host);
    if (running !== undefined) return running;
    const started = lookup(host, timeoutMs).finally(() => inFlight.delete(host));
    inFlight.set(host, started);
    return started;
  };
}

/** A name's addresses within the timeout, or why not (ETIMEOUT, ENOTFOUND, ...). */
export function resolveWithin(lookup: HostLookup, host: string, timeoutMs: number): Promise<Resolution> {
  return new Promise((resolve) => {
    // A system lookup cannot be cancelled; it finishes in the background and is ignored.
    const timer = setTimeout(() => resolve({ errorCode: "ETIMEOUT" }), timeoutMs);
    lookup(host, timeoutMs).then(
      (addresses) => {
        clearTimeout(timer);
        resolve(addresses.length > 0 ? { addresses } : { errorCode: "ENOTFOUND" });
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve({ errorCode: errorCode(error) ?? "ENOTFOUND" });
      },
    );
  });
}

/** A refusal is a definite answer from the host, so among failed addresses it is the one reported. */
export const FAILURE_RANK: Readonly<Record<ProbeState, number>> = { open: 5, closed: 4, "open|filtered": 3, filtered: 2, unreachable: 1, "name-error": 0 };

/** Out of descriptors is this process's state, not the network's: wait for one to close, within the timeout. */
const OUT_OF_DESCRIPTORS = new Set(["EMFILE", "ENFILE"]);
const DESCRIPTOR_RETRY_MS = 15;

async function connectWithin(address: string, port: number, deadline: number): Promise<Attempt> {
  for (;;) {
    const attempt = await connectOnce(address, port, Math.max(deadline - now(), 1));
    if (attempt.errorCode === undefined || !OUT_OF_DESCRIPTORS.has(attempt.errorCode) || deadline - now() <= DESCRIPTOR_RETRY_MS) return attempt;
    await new Promise((resolve) => setTimeout(resolve, DESCRIPTOR_RETRY_MS));
  }
}

/** Linux reports an ICMP refusal (a firewall's REJECT, admin-prohibited) as these, the same as a missing route. */
const ICMP_UNREACHABLE = new Set(["EHOSTUNREACH", "ENETUNREACH"]);

/**
 * A firewall's REJECT and a missing route both read EHOSTUNREACH: a second port of the same address tells them apart.
 * Any other answer there (even silence) means the host was reached, so the first port was refused, not unroutable.
 */
async function rejectedByFirewall(address: string, port: number, deadline: number): Promise<boolean> {
  if (deadline - now() < 1) return false;
  const other = await connectWithin(address, port === 1 ? 2 : 1, deadline);
  return other.state !== "unreachable";
}

/** Names are looked up and each address tried in turn: the first open wins, else the most telling failure. One timer bounds it all. */
export function createNodeTcpProber(options: { lookup?: HostLookup } = {}): TcpProber {
  const lookup = sharedLookups(options.lookup ?? systemLookup);
  return {
    async probe(host, port, timeoutMs) {
      if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new RangeError(`port must be an integer from 1 to 65535, got ${port}`);
      if (!(timeoutMs > 0) || !Number.isFinite(timeoutMs)) throw new RangeError(`timeoutMs must be a positive number, got ${timeoutMs}`);
      const started = now();
      const deadline = started + timeoutMs;
      const elapsed = (): number => Math.round((now() - started) * 10) / 10;
      const literal = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;

      const resolution: Resolution = isIP(literal) !== 0 ? { addresses: [literal] } : await resolveWithin(lookup, host, timeoutMs);
      if ("errorCode" in resolution) return { host, port, state: "name-error", ms: elapsed(), errorCode: resolution.errorCode };

      let best: (Attempt & { address: string }) | undefined;
      for (const address of resolution.addresses) {
        if (best !== undefined && deadline - now() <= 0) break;
        const attempt = { ...(await connectWithin(address, port, deadline)), address };
        if (best === undefined || FAILURE_RANK[attempt.state] > FAILURE_RANK[best.state]) best = attempt;
        if (attempt.state === "open") break;
      }
      // Not reached: resolveWithin never returns an empty list.
      if (best === undefined) return { host, port, state: "name-error", ms: elapsed(), errorCode: "ENOTFOUND" };
      const { state, errorCode: code, address } = best;
      if (state === "unreachable" && code !== undefined && ICMP_UNREACHABLE.has(code) && (await rejectedByFirewall(address, port, deadline))) {
        return { host, port, state: "filtered", ms: elapsed(), errorCode: code, address, rejected: true };
      }
      return code === undefined ? { host, port, state, ms: elapsed(), address } : { host, port, state, ms: elapsed(), errorCode: code, address };
    },
  };
}

export const nodeTcpProber: TcpProber = createNodeTcpProber();
