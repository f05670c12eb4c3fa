import { twin } from "../twin.js";

const en = {
  description: "remove a service's allocation, or a reservation, from ports.yaml",
  arguments: { service: "the service or reservation" },
  options: { force: "also a locked (shared infrastructure) service", dryRun: "print the diff only" },
};

export const releaseHelp = twin<typeof en>({
  en,
  ko: {
    description: "서비스의 할당이나 예약을 ports.yaml에서 지웁니다",
    arguments: { service: "서비스 또는 예약" },
    options: { force: "고정된 (공통 인프라) 서비스도 지움", dryRun: "diff만 출력" },
  },
});
