import { twin } from "../twin.js";

const en = {
  description: "check that the registry is valid and consistent",
  arguments: {},
  options: {
    strict: "treat warnings as errors",
    docs: "also report when the sparkport blocks of this Markdown file are out of date, with a diff",
    explain: "show each rule's one-line explanation under its findings",
    scan: "do not scan the project's .env, compose and script files",
    base: "compare ports.yaml with its version at this git ref (the change protocol)",
    fix: "show the mechanical fixes of scanned files as a diff",
    write: "with --fix: apply them",
  },
};

export const lintHelp = twin<typeof en>({
  en,
  ko: {
    description: "레지스트리가 올바른지, 서로 어긋나는 곳은 없는지 검사합니다",
    arguments: {},
    options: {
      strict: "경고도 오류로 취급",
      docs: "이 Markdown 파일의 sparkport 블록이 최신이 아니면 diff와 함께 알림",
      explain: "검사 결과 아래에 규칙마다 한 줄 설명을 표시",
      scan: "프로젝트의 .env, compose, 스크립트 파일을 스캔하지 않음",
      base: "ports.yaml을 이 git ref 시점의 버전과 비교 (포트 변경 프로토콜)",
      fix: "스캔한 파일의 기계적인 수정을 diff로 표시",
      write: "--fix와 함께: 그 수정을 파일에 적용",
    },
  },
});
