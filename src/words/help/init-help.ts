import { twin } from "../twin.js";

const en = {
  description: "write a starter ports.yaml",
  arguments: { file: "where to write it" },
  options: {
    force: "replace an existing file",
    fromScan: "propose a service for each port the project's files use (.env, compose, Dockerfile, scripts)",
    dryRun: "print the registry instead of writing it",
  },
};

export const initHelp = twin<typeof en>({
  en,
  ko: {
    description: "시작용 ports.yaml을 만듭니다",
    arguments: { file: "만들 파일" },
    options: {
      force: "이미 있는 파일을 바꿈",
      fromScan: "프로젝트 파일(.env, compose, Dockerfile, 스크립트)이 쓰는 포트마다 서비스를 제안",
      dryRun: "파일에 쓰지 않고 레지스트리를 출력",
    },
  },
});
