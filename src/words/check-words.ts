import { josa } from "../findings/josa.js";
import { koPriority, koStatus } from "../findings/korean-terms.js";
import { twin } from "./twin.js";

/** A team's range holding the port; `named` false when the range is named as its team (backend's backend). */
interface RangeSeen {
  team: string;
  range: string;
  from: number;
  to: number;
  named: boolean;
}

// What `check` prints around its findings (commands/check/check-text.ts): the verdict, and the registry, local and
// remote lines. Probe states and statuses stay the values they are, with the guide's word before them in Korean.
const en = {
  verdict: { free: "free ✔", conflict: "conflict ✖" },
  node: (node: string, thisMachine: boolean) => `node ${node}${thisMachine ? " (this machine)" : ""}`,
  /** Padded to one width by the renderer. */
  label: { registry: "registry", local: "local", remote: "remote" },
  allocated: (a: { label: string; team: string; node: string; status: string }) => `allocated to ${a.label}, team ${a.team}, on ${a.node} (${a.status})`,
  reserved: (a: { label: string; priority: string }) => `reserved for ${a.label} (${a.priority} priority)`,
  notAllocated: "not allocated",
  range: (r: RangeSeen) => (r.named ? `team ${r.team}'s range ${r.range} (${r.from}-${r.to})` : `team ${r.team}'s range ${r.from}-${r.to}`),
  inside: (ranges: readonly string[]) => `inside ${ranges.join(", ")}`,
  inNoRange: "in no team's range",
  heldBy: (holders: readonly { holder: string; addresses: readonly string[] }[]) =>
    `held by ${holders.map((h) => `${h.holder} on ${h.addresses.join(", ")}`).join("; ")}`,
  inUseUnseen: (addresses: readonly string[]) => `in use on ${addresses.join(", ")} by a process whose owner is not visible`,
  denied: (addresses: readonly string[]) => `binding is not permitted on ${addresses.join(", ")}`,
  free: (free: readonly string[], absent: readonly string[]) =>
    `free on ${free.join(", ")}${absent.length === 0 ? "" : ` (${absent.join(", ")} not configured here)`}`,
  notProbed: (where: string) => `not probed on ${where}: offline mode (--no-remote or SPARKPORT_OFFLINE=1)`,
  probed: {
    open: "open: something listens",
    closed: "closed: nothing listens",
    rejected: "filtered: a firewall refused",
    filtered: "filtered: no answer",
    "open|filtered": "open|filtered: no ICMP refusal (UDP)",
    unreachable: "unreachable",
    "name-error": "name does not resolve",
  },
  remote: (a: { state: string; where: string; udp: boolean; ms: number }) => `${a.state} on ${a.where}${a.udp ? " (UDP)" : ""}, ${a.ms} ms`,
  nextFree: "next free:",
};

export const checkWords = twin<typeof en>({
  en,
  ko: {
    verdict: { free: "비어 있음 ✔", conflict: "충돌 ✖" },
    node: (node, thisMachine) => `${node} 노드${thisMachine ? " (이 머신)" : ""}`,
    label: { registry: "레지스트리", local: "로컬", remote: "원격" },
    allocated: (a) => `${a.label}에 할당됨: ${a.team}팀, ${a.node} 노드, 상태 ${koStatus(a.status)}`,
    reserved: (a) => `예약됨: ${a.label}, 우선순위 ${koPriority(a.priority)}`,
    notAllocated: "할당되지 않음",
    range: (r) => (r.named ? `${r.team}팀의 ${r.range} 범위(${r.from}-${r.to})` : `${r.team}팀 범위(${r.from}-${r.to})`),
    inside: (ranges) => `${ranges.join(", ")}에 속함`,
    inNoRange: "어느 팀의 범위에도 속하지 않음",
    heldBy: (holders) => `${holders.map((h) => `${josa(h.holder, "이/가")} ${h.addresses.join(", ")}에서 사용 중`).join("; ")}`,
    inUseUnseen: (addresses) => `${addresses.join(", ")}에서 주인이 보이지 않는 프로세스가 사용 중`,
    denied: (addresses) => `${addresses.join(", ")}에서 바인딩이 허용되지 않음`,
    free: (free, absent) => `${free.join(", ")}에서 비어 있음${absent.length === 0 ? "" : ` (${josa(absent.join(", "), "은/는")} 이 머신에 설정되지 않음)`}`,
    notProbed: (where) => `${where}: 확인하지 않음, 오프라인 모드 (--no-remote 또는 SPARKPORT_OFFLINE=1)`,
    probed: {
      open: "열림(open): 무언가가 리스닝 중",
      closed: "닫힘(closed): 리스닝하는 것이 없음",
      rejected: "차단됨(filtered): 방화벽이 거부함",
      filtered: "응답 없음(filtered)",
      "open|filtered": "열림 또는 차단(open|filtered): ICMP 거부 응답 없음 (UDP)",
      unreachable: "도달 불가(unreachable)",
      "name-error": "이름 확인 실패(name-error)",
    },
    remote: (a) => `${a.where}: ${a.state}${a.udp ? " (UDP)" : ""}, ${a.ms} ms`,
    nextFree: "다음 빈 포트:",
  },
});
