import { twin } from "../twin.js";
import { allocationOptionsHelp } from "./allocation-options-help.js";

const en = {
  description: "register a service: check the port, then write it into ports.yaml keeping every comment",
  arguments: { service: "the new service's name" },
  options: { ...allocationOptionsHelp.en, dryRun: "print the diff only" },
};

export const allocateHelp = twin<typeof en>({
  en,
  ko: {
    description: "서비스를 등록합니다: 포트를 확인한 뒤, 주석을 모두 그대로 두고 ports.yaml에 씁니다",
    arguments: { service: "새 서비스의 이름" },
    options: { ...allocationOptionsHelp.ko, dryRun: "diff만 출력" },
  },
});
