import { plural } from "../util/plural.js";
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
  },
  listeningOn: (state: string, addresses: readonly string[]) => `${state} on ${addresses.join(", ")}`,
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
      open: "열림",
      closed: "닫힘",
      filtered: "응답 없음",
      "open|filtered": "열림 또는 차단",
      unreachable: "도달 불가",
      "name-error": "이름 확인 실패",
      listening: "리스닝 중",
      "not-listening": "리스닝 없음",
      skipped: "확인 안 함",
    },
    listeningOn: (state, addresses) => `${state} (${addresses.join(", ")})`,
    mismatch: "불일치",
    summary: (ports, mismatches) => `포트 ${ports}개, 불일치 ${mismatches}개`,
  },
});
