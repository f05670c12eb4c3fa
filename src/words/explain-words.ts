import type { Severity } from "../findings/finding.js";
import { twin } from "./twin.js";

const en = {
  header: ["CODE", "SEVERITY", "WHAT IT MEANS"],
  severity: { error: "error", warning: "warning", info: "info" } as Record<Severity, string>,
  /** Who prints a code (commands/explain/code-table.ts's groups). */
  groups: {
    registry: "lint: the registry",
    scan: "lint: the project's files",
    change: "lint --base REF and diff: the change protocol",
    port: "check, next, allocate, move and status: one port",
    network: "check, status and doctor: nodes and Tailscale",
    status: "status: declared against observed",
    edit: "allocate, release and move",
    docs: "docs --write and lint --docs: the blocks of a Markdown file (bad markers: exit 2)",
    doctor: "doctor",
    input: "every command: a registry that cannot be read (exit 2)",
  },
  /** Under one code's row: who prints it. */
  printedBy: (group: string) => `printed by ${group}`,
};

export const explainWords = twin<typeof en>({
  en,
  ko: {
    header: ["코드", "심각도", "의미"],
    severity: { error: "오류", warning: "경고", info: "정보" },
    groups: {
      registry: "lint: 레지스트리(ports.yaml)",
      scan: "lint: 프로젝트 파일",
      change: "lint --base REF와 diff: 포트 변경 프로토콜",
      port: "check, next, allocate, move, status: 포트 하나",
      network: "check, status, doctor: 노드와 Tailscale",
      status: "status: 선언된 상태와 실제 상태",
      edit: "allocate, release, move 명령",
      docs: "docs --write와 lint --docs: Markdown 파일의 블록 (잘못된 표식은 종료 코드 2)",
      doctor: "doctor",
      input: "모든 명령: 읽을 수 없는 레지스트리 (종료 코드 2)",
    },
    printedBy: (group) => `출력하는 명령: ${group}`,
  },
});
