import { twin } from "../twin.js";

// What `sparkport --help` says of the program and of the options every command takes.
const en = {
  description: "Port registry and conflict checker: one ports.yaml, checked in CI and on every machine.",
  options: {
    registry: "registry file (default: $SPARKPORT_REGISTRY, else the nearest ports.yaml upwards)",
    timeout: "per-probe timeout: 500ms, 2s or milliseconds",
    remote: "no probes to other nodes (also SPARKPORT_OFFLINE=1)",
    thisNode: "which node this machine is (default: $SPARKPORT_NODE, else matched by interface address)",
    lang: "language of the output: en or ko (default: $SPARKPORT_LANG, else the locale: LANGUAGE, LC_ALL, LC_MESSAGES, LANG)",
    verbose: "list each address and port probed, the files lint skipped or could not map to a node, and notes otherwise said once a day",
    quiet: "print nothing but errors: the exit code is the answer (for scripts)",
    color: "no colour, as NO_COLOR=1 (even with FORCE_COLOR)",
    format: "output format",
    json: "print JSON (the same as --format json)",
  },
  examples: "Examples:",
};

export const programHelp = twin<typeof en>({
  en,
  ko: {
    description: "포트 레지스트리와 충돌 검사기: ports.yaml 하나를 CI와 모든 머신에서 확인합니다.",
    options: {
      registry: "레지스트리 파일 (기본값: $SPARKPORT_REGISTRY, 없으면 위쪽 폴더로 올라가며 가장 가까운 ports.yaml)",
      timeout: "프로브 하나의 제한 시간: 500ms, 2s 또는 밀리초",
      remote: "다른 노드로 프로브하지 않음 (SPARKPORT_OFFLINE=1과 같음)",
      thisNode: "이 머신이 어느 노드인지 (기본값: $SPARKPORT_NODE, 없으면 인터페이스 주소로 찾음)",
      lang: "출력 언어: en 또는 ko (기본값: $SPARKPORT_LANG, 없으면 로케일: LANGUAGE, LC_ALL, LC_MESSAGES, LANG)",
      verbose: "프로브한 주소와 포트, lint가 건너뛰었거나 노드를 정하지 못한 파일, 평소 하루 한 번만 알리는 안내까지 모두 표시",
      quiet: "오류 말고는 아무것도 출력하지 않음: 종료 코드가 답 (스크립트용)",
      color: "색 없이 출력, NO_COLOR=1과 같음 (FORCE_COLOR가 있어도)",
      format: "출력 형식",
      json: "JSON으로 출력 (--format json과 같음)",
    },
    examples: "예시:",
  },
});
