import { twin } from "../twin.js";

const en = {
  description: "the lowest free ports in a team's ranges: unallocated, free here, and not open on the node",
  arguments: {},
  options: {
    team: "the team whose ranges to search",
    node: "the node the port is for (default: this machine)",
    env: "comma-separated environments the service runs in; base + each offset must be free",
    count: "how many ports",
  },
};

export const nextHelp = twin<typeof en>({
  en,
  ko: {
    description: "팀 범위에서 가장 낮은 빈 포트를 찾습니다: 할당되지 않았고, 이 머신에서 비어 있고, 그 노드에서 열려 있지 않은 포트",
    arguments: {},
    options: {
      team: "범위를 찾아볼 팀",
      node: "포트를 쓸 노드 (기본값: 이 머신)",
      env: "서비스가 실행될 환경, 쉼표로 구분: 기본 포트 + 환경마다의 오프셋이 모두 비어 있어야 함",
      count: "찾을 포트 개수",
    },
  },
});
