import { createSocket, type Socket } from "node:dgram";
import { isIP } from "node:net";
import { errorCode } from "../io/file-system.js";
import { systemLookup } from "./system-lookup.js";
import { FAILURE_RANK, now, resolveWithin, sharedLookups, stateForConnectError, type HostLookup, type ProbeState, type TcpProber } from "./tcp-prober.js";

interface Attempt {
  state: ProbeState;
  errorCode?: string;
}

/**
 * An empty datagram, sent again halfway: a reply is open, an ICMP port-unreachable (ECONNREFUSED on a connected socket)
 * is closed, and silence is all UDP can say otherwise: open|filtered.
 */
function sendOnce(address: string, port: number, timeoutMs: number): Promise<Attempt> {
  return new Promise((resolve) => {
    const socket: Socket = createSocket({ type: address.includes(":") ? "udp6" : "udp4" });
    let attempt: Attempt | undefined;
    const decide = (outcome: Attempt): void => {
      if (attempt !== undefined) return;
      attempt = outcome;
      clearTimeout(timer);
      clearTimeout(again);
      socket.close(() => resolve(outcome));
    };
    let connected = false;
    const send = (): void => {
      if (attempt === undefined && connected) socket.send(Buffer.alloc(0));
    };
    const timer = setTimeout(() => decide({ state: "open|filtered" }), timeoutMs);
    const again = setTimeout(send, timeoutMs / 2);
    socket.once("message", () => decide({ state: "open" }));
    socket.on("error", (error) => {
      const code = errorCode(error);
      const state = code === "ECONNREFUSED" ? "closed" : stateForConnectError(code);
      decide(code === undefined ? { state } : { state, errorCode: code });
    });
    socket.connect(port, address, () => {
      connected = true;
      send();
    });
  });
}

/** The TcpProber interface for UDP ports. */
export function createNodeUdpProber(options: { lookup?: HostLookup } = {}): TcpProber {
  const lookup = sharedLookups(options.lookup ?? systemLookup);
  return {
    async probe(host, port, timeoutMs) {
      if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new RangeError(`port must be an integer from 1 to 65535, got ${port}`);
      if (!(timeoutMs > 0) || !Number.isFinite(timeoutMs)) throw new RangeError(`timeoutMs must be a positive number, got ${timeoutMs}`);
      const started = now();
      const elapsed = (): number => Math.round((now() - started) * 10) / 10;
      const literal = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
      const resolution = isIP(literal) !== 0 ? { addresses: [literal] } : await resolveWithin(lookup, host, timeoutMs);
      if ("errorCode" in resolution) return { host, port, state: "name-error", ms: elapsed(), errorCode: resolution.errorCode };
      let best: (Attempt & { address: string }) | undefined;
      for (const address of resolution.addresses) {
        const remaining = timeoutMs - (now() - started);
        if (best !== undefined && remaining <= 0) break;
        const attempt = { ...(await sendOnce(address, port, Math.max(remaining, 1))), address };
        if (best === undefined || FAILURE_RANK[attempt.state] > FAILURE_RANK[best.state]) best = attempt;
        if (attempt.state === "open") break;
      }
      if (best === undefined) return { host, port, state: "name-error", ms: elapsed(), errorCode: "ENOTFOUND" };
      const { state, errorCode: code, address } = best;
      return code === undefined ? { host, port, state, ms: elapsed(), address } : { host, port, state, ms: elapsed(), errorCode: code, address };
    },
  };
}

export const nodeUdpProber: TcpProber = createNodeUdpProber();
