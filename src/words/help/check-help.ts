import { twin } from "../twin.js";

const en = {
  description: "is this port allocated, in my team's range, free here and free on its node?",
  arguments: { ports: "8002, :8002, host:8002, node:8002, a range 8000-8005 or a list 8002,8003 (default: --service's port)" },
  options: {
    team: "your team: the port must lie in its ranges; next-free suggestions come from them",
    node: "the node to check (default: the node the port is allocated on, else this machine)",
    env: "the environment you will run in, for next-free suggestions",
    service: "the service you are about to start (name or name.env): its own allocation is no conflict",
    protocol: "the transport to check (default: the port's allocation, else tcp)",
  },
};

export const checkHelp = twin<typeof en>({
  en,
  ko: {
    description: "이 포트가 할당되어 있는지, 우리 팀 범위 안인지, 이 머신과 그 노드에서 비어 있는지 확인합니다",
    arguments: { ports: "8002, :8002, host:8002, node:8002, 범위 8000-8005 또는 목록 8002,8003 (기본값: --service의 포트)" },
    options: {
      team: "내 팀: 포트가 이 팀의 범위 안에 있어야 하고, 빈 포트 제안도 이 범위에서 찾음",
      node: "확인할 노드 (기본값: 포트가 할당된 노드, 없으면 이 머신)",
      env: "실행할 환경 (빈 포트를 제안할 때 씀)",
      service: "곧 시작할 서비스 (name 또는 name.env): 그 서비스 자신의 할당은 충돌이 아님",
      protocol: "확인할 전송 프로토콜 (기본값: 포트의 할당, 없으면 tcp)",
    },
  },
});
