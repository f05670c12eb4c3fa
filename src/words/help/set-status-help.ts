import { twin } from "../twin.js";

const en = {
  description: "update a service's declared status (service or service.env)",
  arguments: { target: "fastapi, or fastapi.test for one environment", status: "running, stopped, in-development, reserved or planned" },
  options: { dryRun: "print the diff only" },
};

export const setStatusHelp = twin<typeof en>({
  en,
  ko: {
    description: "서비스에 선언된 상태를 바꿉니다 (service 또는 service.env)",
    arguments: { target: "fastapi, 또는 한 환경만 바꾸려면 fastapi.test", status: "상태: running, stopped, in-development, reserved 또는 planned" },
    options: { dryRun: "diff만 출력" },
  },
});
