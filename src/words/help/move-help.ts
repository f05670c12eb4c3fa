import { twin } from "../twin.js";

const en = {
  description: "move a service's port (service or service.env) in ports.yaml after the checks allocate makes, list the files still using the old port, and print the announcement",
  arguments: { target: "fastapi or fastapi.dev (an environment at offset 0 is the base: the base port, and the environments derived from it follow), or fastapi.test for that environment's own port" },
  options: {
    port: "the new port",
    write: "also rewrite the project's references to the old port where certain (as lint --fix --write)",
    force: "also a locked (shared infrastructure) service, once every team agreed",
  },
};

export const moveHelp = twin<typeof en>({
  en,
  ko: {
    description: "allocate와 같은 검사를 거쳐 ports.yaml에서 서비스의 포트를 옮기고 (service 또는 service.env), 옛 포트를 아직 쓰는 파일을 나열한 뒤 공지문을 출력합니다",
    arguments: { target: "fastapi 또는 fastapi.dev (오프셋 0인 환경은 기본 포트 자체라서, 기본 포트와 거기서 정해지는 환경 포트가 함께 옮겨짐), 또는 그 환경의 포트만 옮기려면 fastapi.test" },
    options: {
      port: "새 포트",
      write: "프로젝트에서 옛 포트를 가리키는 참조 중 확실한 것도 고침 (lint --fix --write와 같은 기준)",
      force: "고정된 (공통 인프라) 서비스도 옮김 (모든 팀이 동의한 뒤에)",
    },
  },
});
