import type { Language } from "../../findings/language.js";

// The options allocate and request share (commands/allocate/allocation-options.ts).
const en = {
  team: "the owning team",
  node: "the node it runs on",
  port: "the port (default: the next free one in the team's ranges)",
  env: "environments besides dev, comma-separated (test,staging)",
  protocol: "tcp, http, https or udp (default: the reservation's, else http)",
  access: "all-nodes, backend-only, developers-browser, test-only, staging-only, preview-only",
  note: "what it is for",
  exception: "allow a port outside the team's ranges, recording this reason",
  fromReservation: "turn this reservation into the service, in the same edit (default when the service has a reservation's name)",
};

export const allocationOptionsHelp: { readonly [L in Language]: typeof en } = {
  en,
  ko: {
    team: "서비스를 맡은 팀",
    node: "서비스가 실행될 노드",
    port: "포트 (기본값: 팀 범위에서 다음 빈 포트)",
    env: "dev 말고 더 쓸 환경, 쉼표로 구분 (test,staging)",
    protocol: "tcp, http, https 또는 udp (기본값: 예약의 프로토콜, 없으면 http)",
    access: "접근 범위: all-nodes, backend-only, developers-browser, test-only, staging-only, preview-only",
    note: "용도 (비고)",
    exception: "팀 범위 밖의 포트를 허용하고, 이 사유를 예외로 기록",
    fromReservation: "같은 수정에서 이 예약을 서비스로 바꿈 (서비스 이름이 예약 이름과 같으면 기본)",
  },
};
