import { twin } from "../twin.js";

const en = {
  description: "answer Prometheus on this node: /metrics (who holds each registered port, on which addresses), /targets (http_sd) and / (a page)",
  arguments: {},
  options: { listen: "where to listen (default: 127.0.0.1 and the port of this node's service started by `sparkport serve`)" },
};

export const serveHelp = twin<typeof en>({
  en,
  ko: {
    description: "이 노드에서 Prometheus에 답합니다: /metrics (등록된 포트마다 점유 프로세스와 바인드 주소), /targets (http_sd), / (페이지)",
    arguments: {},
    options: { listen: "수신할 주소 (기본값: 127.0.0.1과, 이 노드에서 `sparkport serve`로 시작하는 서비스의 포트)" },
  },
});
