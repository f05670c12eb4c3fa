import { twin } from "../twin.js";

const en = {
  description: "print the script that makes your shell complete sparkport's commands, options and the registry's names",
  arguments: { shellName: "bash, zsh, fish or powershell" },
  options: {},
};

export const completionHelp = twin<typeof en>({
  en,
  ko: {
    description: "셸이 sparkport의 명령, 옵션, 레지스트리의 이름을 자동 완성하게 하는 스크립트를 출력합니다",
    arguments: { shellName: "bash, zsh, fish 또는 powershell" },
    options: {},
  },
});
