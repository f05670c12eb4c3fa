import type { ProbeResult } from "../observe/tcp-prober.js";
import type { NetworkContext } from "./network-context.js";

/**
 * The network as one decision sees it: a port probed twice (picked by the next-free search, then checked before
 * it is written) is asked once, so a node that drops packets costs one timeout, not two.
 */
export function rememberProbes(network: NetworkContext): NetworkContext {
  const seen = new Map<string, Promise<ProbeResult>>();
  return {
    ...network,
    probe(host, port, timeoutMs, transport = "tcp") {
      const key = `${transport} ${host} ${port} ${timeoutMs ?? network.timeoutMs}`;
      let answer = seen.get(key);
      if (answer === undefined) {
        answer = network.probe(host, port, timeoutMs, transport);
        seen.set(key, answer);
      }
      return answer;
    },
  };
}
