import { plural } from "../util/plural.js";
import { KO_PROBE_STATE } from "./probe-state-words.js";
import { twin } from "./twin.js";

const en = {
  header: ["SERVICE", "PORT", "NODE", "DECLARED", "OBSERVED", ""],
  thisMachine: (node: string) => `${node} (this machine)`,
  /** The declared status: English shows the value of ports.yaml; `word` is the status in the documents' words. */
  declared: (value: string, _word: string) => value,
  /** What the probe or the socket table saw (commands/status's Observed). */
  observed: {
    open: "open",
    closed: "closed",
    filtered: "filtered",
    "open|filtered": "open|filtered",
    unreachable: "unreachable",
    "name-error": "name-error",
    listening: "listening",
    "not-listening": "not-listening",
    skipped: "skipped",
    down: "down",
    unknown: "unknown",
  },
  listeningOn: (state: string, addresses: readonly string[]) => `${state} on ${addresses.join(", ")}`,
  /** A state read from Prometheus, with its sample's age (`open, 4s ago`); no age when there is no sample. */
  fromPrometheus: (state: string, age: string | undefined) => (age === undefined ? `${state} (no sample in Prometheus)` : `${state} (Prometheus, ${age} ago)`),
  /** A stale sample: its age, and the limit it is past. */
  stale: (age: string, limit: string) => `unknown (Prometheus: sample ${age} old, over ${limit})`,
  /** Where a node's serve says a service is bound: `service-localhost-only` names it. */
  loopback: "loopback",
  mismatch: "MISMATCH",
  summary: (ports: number, mismatches: number) => `${plural(ports, "port")}, ${plural(mismatches, "mismatch", "mismatches")}`,
};

export const statusWords = twin<typeof en>({
  en,
  ko: {
    header: ["서비스", "포트", "노드", "선언된 상태", "실제 상태", ""],
    thisMachine: (node) => `${node} (이 머신)`,
    declared: (_value, word) => word,
    observed: {
      ...KO_PROBE_STATE,
      listening: "리스닝 중",
      "not-listening": "리스닝 없음",
      skipped: "확인 안 함",
      down: "실패",
      unknown: "알 수 없음",
    },
    listeningOn: (state, addresses) => `${state} (${addresses.join(", ")})`,
    fromPrometheus: (state, age) => (age === undefined ? `${state} (Prometheus에 샘플 없음)` : `${state} (Prometheus, ${age} 전)`),
    stale: (age, limit) => `알 수 없음 (Prometheus: ${age} 전 샘플, 한도 ${limit} 초과)`,
    loopback: "루프백",
    mismatch: "불일치",
    summary: (ports, mismatches) => `포트 ${ports}개, 불일치 ${mismatches}개`,
  },
});
