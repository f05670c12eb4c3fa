import type { Severity } from "../findings/finding.js";
import { plural } from "../util/plural.js";
import { twin } from "./twin.js";

/** The counts on a summary line; `brief` leaves out the zeros. */
interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  brief: boolean;
}

const en = {
  heading: (severity: Severity, n: number) => `${{ error: "errors", warning: "warnings", info: "info" }[severity]} (${n})`,
  at: (path: string) => `at ${path}`,
  see: (location: string) => `see ${location}`,
  andMore: (n: number) => `and ${n} more`,
  fix: "fix:",
  rule: (explain: string) => `rule: ${explain}`,
  counts: (c: Counts) =>
    (
      [
        [c.errors, plural(c.errors, "error")],
        [c.warnings, plural(c.warnings, "warning")],
        [c.infos, `${c.infos} info`],
      ] as const
    )
      .filter(([n]) => !c.brief || n > 0)
      .map(([, text]) => text)
      .join(", "),
  /** `lint: the registry could not be read (1 problem)`; with `document`, the Markdown file that stopped docs or lint. */
  stopped: (command: string, document: string | undefined, problems: number) =>
    `${command}: ${document === undefined ? "the registry could not be read" : `stopped at ${document}; nothing was written`} (${plural(problems, "problem")})`,
  registryLine: (a: { file: string; counts: string; services: number; ports: number; reservations: number; nodes: number; excepted: number }) =>
    `${a.file}: ${a.counts} in ${plural(a.services, "service")} (${plural(a.ports, "port")}), ${plural(a.reservations, "reservation")}, ${plural(a.nodes, "node")}` +
    (a.excepted === 0 ? "" : `; ${plural(a.excepted, "finding")} covered by declared exceptions`),
  /** The scanned files' line: their counts, then each file's own (`shown`), then how many files are left unnamed. */
  filesLine: (a: { files: number; counts: string; shown: readonly string[]; more: number }) =>
    `${plural(a.files, "project file")}: ${a.counts} (${a.shown.join("; ")}${a.more > 0 ? `; ${a.more} more` : ""})`,
};

export const reportWords = twin<typeof en>({
  en,
  ko: {
    heading: (severity, n) => `${{ error: "오류", warning: "경고", info: "정보" }[severity]} (${n})`,
    at: (path) => `위치: ${path}`,
    see: (location) => `참고: ${location}`,
    andMore: (n) => `그 밖에 ${n}곳`,
    fix: "해결:",
    rule: (explain) => `규칙: ${explain}`,
    counts: (c) =>
      (
        [
          [c.errors, `오류 ${c.errors}개`],
          [c.warnings, `경고 ${c.warnings}개`],
          [c.infos, `정보 ${c.infos}개`],
        ] as const
      )
        .filter(([n]) => !c.brief || n > 0)
        .map(([, text]) => text)
        .join(", "),
    stopped: (command, document, problems) =>
      `${command}: ${document === undefined ? "레지스트리를 읽을 수 없습니다" : `${document}에서 멈췄고 아무것도 쓰지 않았습니다`} (문제 ${problems}개)`,
    registryLine: (a) =>
      `${a.file}: 서비스 ${a.services}개(포트 ${a.ports}개), 예약 ${a.reservations}개, 노드 ${a.nodes}개에서 ${a.counts}` +
      (a.excepted === 0 ? "" : `; 선언된 예외(exceptions)에 해당하는 항목 ${a.excepted}개`),
    filesLine: (a) => `프로젝트 파일 ${a.files}개: ${a.counts} (${a.shown.join("; ")}${a.more > 0 ? `; 그 밖에 ${a.more}개` : ""})`,
  },
});
