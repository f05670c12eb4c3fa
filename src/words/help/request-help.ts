import { twin } from "../twin.js";
import { allocationOptionsHelp } from "./allocation-options-help.js";

const en = {
  description: "the same checks as allocate; print the port request form as an issue body (writes nothing)",
  arguments: { service: "the service's name" },
  options: { ...allocationOptionsHelp.en, priority: "high, medium or low", gh: "print a `gh issue create` command line instead" },
};

export const requestHelp = twin<typeof en>({
  en,
  ko: {
    description: "allocate와 같은 검사를 하고, 포트 요청 양식을 이슈 본문으로 출력합니다 (아무것도 쓰지 않습니다)",
    arguments: { service: "서비스 이름" },
    options: { ...allocationOptionsHelp.ko, priority: "우선순위: high, medium 또는 low", gh: "양식 대신 `gh issue create` 명령줄을 출력" },
  },
});
