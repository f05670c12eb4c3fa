import { twin } from "../twin.js";

const en = {
  description: "list every code a command can print, or explain one",
  arguments: { code: "a code, such as outside-team-range or scan-files-disagree" },
  options: {},
};

export const explainHelp = twin<typeof en>({
  en,
  ko: {
    description: "명령이 출력할 수 있는 모든 코드를 나열하거나, 코드 하나를 설명합니다",
    arguments: { code: "코드 (예: outside-team-range, scan-files-disagree)" },
    options: {},
  },
});
