import { twin } from "./twin.js";

const en = {
  header: ["SERVICE", "PORT", "PROTO", "NODE", "ACCESS", "STATUS", "NOTE"],
  reservationHeader: ["SERVICE", "PORT", "PRIORITY", "PURPOSE"],
  /** In the note column, before the note, when the port is locked. */
  locked: "fixed",
  noMatch: "no allocation matches these filters",
};

export const listWords = twin<typeof en>({
  en,
  ko: {
    header: ["서비스", "포트", "프로토콜", "노드", "접근 범위", "상태", "비고"],
    reservationHeader: ["서비스", "포트", "우선순위", "예상 용도"],
    locked: "고정",
    noMatch: "이 조건에 맞는 할당이 없습니다",
  },
});
