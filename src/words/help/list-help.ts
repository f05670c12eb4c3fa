import { twin } from "../twin.js";
import { serviceFiltersHelp } from "./service-filters-help.js";

const en = {
  description: "print the allocation tables, grouped as the allocation document groups them",
  arguments: {},
  options: { ...serviceFiltersHelp.en, env: "only this environment's ports" },
};

export const listHelp = twin<typeof en>({
  en,
  ko: {
    description: "할당 표를 할당 문서와 같은 묶음으로 나누어 출력합니다",
    arguments: {},
    options: { ...serviceFiltersHelp.ko, env: "이 환경의 포트만" },
  },
});
