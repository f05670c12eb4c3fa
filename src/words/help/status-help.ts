import { twin } from "../twin.js";
import { serviceFiltersHelp } from "./service-filters-help.js";

const en = {
  description: "probe every registered service on its node; declared against observed",
  arguments: {},
  options: { ...serviceFiltersHelp.en, concurrency: "sockets open at once (default: from the open-file limit)" },
};

export const statusHelp = twin<typeof en>({
  en,
  ko: {
    description: "등록된 모든 서비스를 그 노드에서 프로브해, 선언된 상태와 실제로 본 상태를 비교합니다",
    arguments: {},
    options: { ...serviceFiltersHelp.ko, concurrency: "동시에 여는 소켓 수 (기본값: 열린 파일 수 제한에서 정함)" },
  },
});
