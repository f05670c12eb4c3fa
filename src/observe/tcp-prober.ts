import { isIP, Socket } from "node:net";
import { errorCode } from "../io/file-system.js";

/**
 * What a TCP connect attempt said about host:port.
 * - open: the handshake completed (the connection is closed at once).
 * - closed: the host answered with a reset (nothing listens there).
 * - filtered: no answer within the timeout, or a firewall refused locally.
 * - unreachable: no route, or the host is down; the port was never asked.
 * - name-error: the host name did not resolve (in time).
 */
export type ProbeState = "open" | "closed" | "filtered" | "unreachable" | "name-error";

export interface ProbeResult {
  host: string;
  port: number;
  state: ProbeState;
  /** Milliseconds from the start of the probe (name lookup included) to its answer. */
  ms: number;
  /** The system error behind the state; absent for open and for filtered by our own timer. */
  errorCode?: string;
  /** The IP address the answer came from (the one connected or last tried); absent for name-error. */
  address?: string;
}

export interface TcpProber {
  /** Resolves for every network outcome; rejects only for a bad port or timeout (a caller's bug). */
  probe(host: string, port: number, timeoutMs: number): Promise<ProbeResult>;
}

/** Resolves a host name to IP addresses, in the order to try them. */
export type HostLookup = (host: string) => Promise<string[]>;

// node:dns loads only when a name is probed: most probes go to the addresses in ports.yaml.
const systemLookup: HostLookup = async (host) => {
  const { lookup } = await import("node:dns/promises");
  return (await lookup(host, { all: true })).map((entry) => entry.address);
};

/** Milliseconds since an arbitrary point, without loading node:perf_hooks for performance.now(). */
const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/**
 * Connect-error codes and the state each means. Anything not listed (and an
 * error without a code) counts as unreachable.
 * - ECONNRESET: a reset before the handshake finished is the host saying no, as ECONNREFUSED.
 * - ETIMEDOUT: the kernel gave up before our timer: the same silence as our timer.
 * - EPERM / EACCES: a local firewall rule or a "prohibit" route refused the SYN: filtered here.
 * - EADDRNOTAVAIL / EAFNOSUPPORT / ENETDOWN: this machine cannot send there
 *   (no source address of that family, ephemeral ports exhausted, interface down).
 */
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

/** The state a connect error means; see CONNECT_ERROR_STATES. */
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

type Resolution = { addresses: string[] } | { errorCode: string };

/** The addresses of `host`, or the lookup's error code; "ETIMEOUT" when it takes longer than `timeoutMs`. */
function resolveWithin(lookup: HostLookup, host: string, timeoutMs: number): Promise<Resolution> {
  return new Promise((resolve) => {
    // A system lookup cannot be cancelled; it finishes in the background and is ignored.
    const timer = setTimeout(() => resolve({ errorCode: "ETIMEOUT" }), timeoutMs);
    lookup(host).then(
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
const FAILURE_RANK: Readonly<Record<ProbeState, number>> = { open: 4, closed: 3, filtered: 2, unreachable: 1, "name-error": 0 };

/**
 * A prober using node:net in this process. An IP address is connected to
 * directly; a name is looked up first (all its addresses, in the system's
 * order) and each address is tried in turn while time remains: the first
 * open one wins, else the most telling failure (closed, then filtered, then
 * unreachable). One timer bounds the whole probe, lookup included. Every
 * socket is destroyed before the promise settles.
 */
export function createNodeTcpProber(options: { lookup?: HostLookup } = {}): TcpProber {
  const lookup = options.lookup ?? systemLookup;
  return {
    async probe(host, port, timeoutMs) {
      if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new RangeError(`port must be an integer from 1 to 65535, got ${port}`);
      if (!(timeoutMs > 0) || !Number.isFinite(timeoutMs)) throw new RangeError(`timeoutMs must be a positive number, got ${timeoutMs}`);
      const started = now();
      const elapsed = (): number => Math.round((now() - started) * 10) / 10;
      const literal = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;

      const resolution: Resolution = isIP(literal) !== 0 ? { addresses: [literal] } : await resolveWithin(lookup, host, timeoutMs);
      if ("errorCode" in resolution) return { host, port, state: "name-error", ms: elapsed(), errorCode: resolution.errorCode };

      let best: (Attempt & { address: string }) | undefined;
      for (const address of resolution.addresses) {
        const remaining = timeoutMs - (now() - started);
        if (best !== undefined && remaining <= 0) break;
        const attempt = { ...(await connectOnce(address, port, Math.max(remaining, 1))), address };
        if (best === undefined || FAILURE_RANK[attempt.state] > FAILURE_RANK[best.state]) best = attempt;
        if (attempt.state === "open") break;
      }
      // Not reached: resolveWithin never returns an empty list.
      if (best === undefined) return { host, port, state: "name-error", ms: elapsed(), errorCode: "ENOTFOUND" };
      const { state, errorCode: code, address } = best;
      return code === undefined ? { host, port, state, ms: elapsed(), address } : { host, port, state, ms: elapsed(), errorCode: code, address };
    },
  };
}

/** The prober the CLI uses: system name lookup, node:net sockets. */
export const nodeTcpProber: TcpProber = createNodeTcpProber();
