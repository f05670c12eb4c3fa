import { twin } from "./twin.js";

/** `sparkport diff REF`: the Markdown to paste into the announcement of a port change (changes/impact.ts). */
const en = {
  title: (ref: string) => `## Port changes since ${ref}`,
  noChange: "No port changed.",
  header: "| service | environment | node | before | after | locked |",
  removed: "removed",
  locked: "yes",
  /** In the before column of a service that had no port. */
  added: "new",
  staleTitle: "### Files still using an old port",
  none: "None.",
  teamsTitle: "### Teams to notify",
  team: (team: string, name: string | undefined) => `${team}${name === undefined ? "" : ` (${name})`}`,
};

export const diffWords = twin<typeof en>({
  en,
  ko: {
    title: (ref) => `## ${ref} 이후 포트 변경`,
    noChange: "바뀐 포트가 없습니다.",
    header: "| 서비스 | 환경 | 노드 | 이전 | 이후 | 고정 |",
    removed: "삭제됨",
    locked: "예",
    added: "신규",
    staleTitle: "### 아직 옛 포트를 쓰는 파일",
    none: "없습니다.",
    teamsTitle: "### 알려야 할 팀",
    team: (team, name) => `${team}팀${name === undefined ? "" : ` (${name})`}`,
  },
});
