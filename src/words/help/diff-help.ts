import { twin } from "../twin.js";

const en = {
  description: "what moved since a git ref, the files still using old ports, the teams to notify (Markdown)",
  arguments: { ref: "a git ref, e.g. main or HEAD~1" },
  options: {},
};

export const diffHelp = twin<typeof en>({
  en,
  ko: {
    description: "git ref 이후 옮겨진 포트, 아직 옛 포트를 쓰는 파일, 알려야 할 팀을 보여 줍니다 (Markdown)",
    arguments: { ref: "git ref (예: main, HEAD~1)" },
    options: {},
  },
});
